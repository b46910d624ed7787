/** Follow-up items ("my day"): where each one is acted on, how it is grouped by its
 * next-action day, and what a snooze must say. */
import type { FollowUpKind, FollowUpRead } from '../../client/types.gen';
import { isIsoDay } from '../../lib/dates';
import { firstProblems } from '../../lib/formChecks';
import { type CheckResult, maxLength, required } from '../../lib/validation';

export const FOLLOW_UPS_KEY = ['follow-ups'];
export const NOTE_MAX = 1000;
export const SNOOZE_MAX_DAYS = 180;

export type Group = 'overdue' | 'today' | 'upcoming';

/** The month of an item (its first day, from the API) as the `YYYY-MM` the hours page takes. */
const monthParam = (month: string | null | undefined) => (month ? month.slice(0, 7) : '');

/** The page where the item is acted on (the same for whoever acts, each sees their part). */
export function itemLink(item: FollowUpRead): string {
  const lot = item.tender_id && item.lot_id ? `/tenders/${item.tender_id}/lots/${item.lot_id}` : '/tenders';
  const kind: FollowUpKind = item.kind;
  switch (kind) {
    case 'offer_missing':
    case 'clause_behind':
      return lot;
    case 'referral_answer':
      return item.offer_id ? `/offers/${item.offer_id}` : '/referrals';
    case 'hours_to_validate':
      return `/hours?view=queue&month=${monthParam(item.month)}`;
    case 'hours_missing':
    case 'hours_to_correct':
      return `/hours?month=${monthParam(item.month)}`;
    case 'report_due':
      return item.assignment_id ? `/assignments/${item.assignment_id}` : '/assignments';
  }
}

export function groupOf(item: FollowUpRead, today: string): Group {
  if (item.next_action_on < today) return 'overdue';
  return item.next_action_on === today ? 'today' : 'upcoming';
}

/** The lot an item is about, as people name it ("VLH-REHA-120 · lot 2"), when it has one. */
export function lotLabel(item: FollowUpRead): string | null {
  return item.tender_reference ? `${item.tender_reference} · lot ${item.lot_number}` : null;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A snooze day: a date after today, at most 180 days ahead; the note at most 1000 characters,
 * and required to put off what is already overdue. */
export function snoozeProblems(values: { until: string; note: string }, today: string, overdue = false): Record<string, CheckResult> {
  const problems: Record<string, CheckResult> = {};
  if (!values.until) problems.until = 'validation.required';
  else if (!isIsoDay(values.until)) problems.until = 'validation.dateFormat';
  else if (values.until <= today) problems.until = 'followUps.snoozePast';
  else if (values.until > addDays(today, SNOOZE_MAX_DAYS)) problems.until = { key: 'followUps.snoozeTooFar', values: { days: SNOOZE_MAX_DAYS } };
  const noteChecks = overdue ? [required, maxLength(NOTE_MAX)] : [maxLength(NOTE_MAX)];
  return { ...problems, ...firstProblems({ note: [values.note, noteChecks] }) };
}

export function handOverProblems(values: { assignee_id: string | null; note: string }): Record<string, CheckResult> {
  return firstProblems({
    assignee_id: [values.assignee_id ?? '', [required]],
    note: [values.note, [required, maxLength(NOTE_MAX)]],
  });
}
