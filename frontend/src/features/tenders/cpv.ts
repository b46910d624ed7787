import type { CpvCodeRead } from '../../client/types.gen';
import { ApiError } from '../../lib/problem';

/** Eight digits, with or without the check digit: a code worth resolving. */
export const COMPLETE_CPV = /^\d{8}(-\d)?$/;

/** The most precise label the vocabulary ships for a code: its group's, else its division's. */
export function cpvLabel(entry: CpvCodeRead): string {
  return (entry.group ?? entry.division).label;
}

/** What the message of a refused code says (wrong check digit, unknown code). */
export function cpvProblem(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status === 0) return undefined;
  return error.problem.errors?.[0]?.message ?? error.problem.detail;
}
