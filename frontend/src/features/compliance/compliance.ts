/** A clause's compliance as the pages show it: its status colours and its figures' shares. */
import type { ComplianceStatus } from '../../client/types.gen';

export const COMPLIANCE_STATUSES: readonly ComplianceStatus[] = [
  'not_started', 'on_track', 'behind', 'fulfilled', 'exceeded', 'defaulted',
];

export const STATUS_COLORS: Record<ComplianceStatus, string> = {
  not_started: 'gray',
  on_track: 'blue',
  behind: 'orange',
  fulfilled: 'green',
  exceeded: 'teal',
  defaulted: 'red',
};

/** The share (0–100, one decimal at most) of `part` in `whole`; null without a whole. */
export function shareOf(part: string | number | null | undefined, whole: string | number | null | undefined): number | null {
  const total = Number(whole);
  if (!whole || !Number.isFinite(total) || total <= 0) return null;
  return Math.round((Number(part ?? 0) / total) * 1000) / 10;
}

/** The progress bar's two sections (validated, then pending), capped so they fit in 100 %. */
export function progressSections(validated: string, pending: string, required: number | null): { validated: number; pending: number } {
  const done = Math.min(shareOf(validated, required) ?? 0, 100);
  const waiting = Math.min(shareOf(pending, required) ?? 0, 100 - done);
  return { validated: done, pending: waiting };
}
