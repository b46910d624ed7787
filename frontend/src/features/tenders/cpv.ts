import type { CpvCodeRead } from '../../client/types.gen';
import { ApiError } from '../../lib/problem';

/** Eight digits, with or without the check digit: a code worth resolving. */
export const COMPLETE_CPV = /^\d{8}(-\d)?$/;

/** A code's own label (every code of the CPV 2008 has one), not its group's. */
export function cpvLabel(entry: CpvCodeRead): string {
  return entry.label;
}

/** What the message of a refused code says (wrong check digit, unknown code). */
export function cpvProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status === 0) return undefined;
  return error.problem.errors?.[0]?.message ?? error.problem.detail;
}
