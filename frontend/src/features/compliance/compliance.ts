/** A clause's compliance as the pages show it: its status colours and its figures' shares. */
import type { ComplianceSeries, ComplianceStatus, Role } from '../../client/types.gen';
import { isIsoDay, looksLikeDate } from '../../lib/dates';
import { monthLabel } from '../hours/hours';

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

export type SummaryLevel = 'structure' | 'buyer' | 'awardee';

/** Whose totals a role opens the compliance page with: the facilitator's structure, the
 * buyer's own, the awardee's own (the admin reads the lots only). */
export function summaryLevel(role: Role): SummaryLevel | null {
  if (role === 'facilitator') return 'structure';
  if (role === 'buyer') return 'buyer';
  if (role === 'enterprise') return 'awardee';
  return null;
}

/** The chart's rows: each month's cumulative counted hours against those expected by then,
 * and the requirement as a flat line. */
export function chartRows(series: ComplianceSeries, language: string) {
  return series.points.map((point) => ({
    month: monthLabel(point.month, language),
    short: shortMonthLabel(point.month, language),
    counted: Number(point.cumulative_counted),
    expected: Number(point.cumulative_expected),
    required: series.required_hours,
  }));
}

/** "nov. 26" / "Nov 26": a month short enough for every one to get its label on the chart's
 * axis (a long label made the chart skip some, November looked missing). */
export function shortMonthLabel(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

/** What is wrong with the "À la date du" day as typed, as an i18n key (null when it is fine
 * or empty, meaning today): unreadable text, a day not in the calendar, or a day after today
 * (figures then would be a projection, counting days not yet worked). */
export function asOfProblem(typed: string, today: string): { key: string; values: Record<string, string> } | null {
  const text = typed.trim();
  if (!text) return null;
  if (!isIsoDay(text)) return { key: looksLikeDate(text) ? 'validation.dateNotInCalendar' : 'validation.date', values: { text } };
  return text > today ? { key: 'compliance.onNotAfterToday', values: {} } : null;
}

/** The day the figures are asked for: the typed one when it is fine, today otherwise. */
export function asOfDay(typed: string, today: string): string {
  return typed.trim() && !asOfProblem(typed, today) ? typed.trim() : today;
}
