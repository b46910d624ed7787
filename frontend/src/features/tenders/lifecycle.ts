import type { LotOutcomeIn, LotRead, TenderActions, TenderDetail, TenderStatus } from '../../client/types.gen';
import { dayMonthYear } from '../../lib/dates';

/** A lifecycle action of a tender's read, the state the transition endpoint is sent, and
 * what is asked first: a publication (the tender goes out to enterprises, maybe on a later
 * day), the award (its lots are settled), or a move for good (a closed or cancelled tender
 * stays so); starting the works is not asked again. */
export interface LifecycleMove {
  action: keyof TenderActions;
  target: TenderStatus;
  confirm: 'publish' | 'award' | 'final' | null;
}

/** The lifecycle's actions in the order they come, as buttons. */
export const LIFECYCLE: readonly LifecycleMove[] = [
  { action: 'publish', target: 'published', confirm: 'publish' },
  { action: 'mark_awarded', target: 'awarded', confirm: 'award' },
  { action: 'start_execution', target: 'in_execution', confirm: null },
  { action: 'close', target: 'closed', confirm: 'final' },
  { action: 'cancel', target: 'cancelled', confirm: 'final' },
];

/** What the confirmation of a move says (an i18n key and its values): a publication dated
 * after today says on which day the tender goes out. */
export function confirmation(
  move: LifecycleMove,
  tender: Pick<TenderDetail, 'publication_date'>,
  today: string,
): { key: string; values?: Record<string, string> } {
  if (move.confirm === 'publish') {
    const on = tender.publication_date;
    return on && on > today ? { key: 'tenders.confirmPublishOn', values: { date: dayMonthYear(on) } } : { key: 'tenders.confirmPublish' };
  }
  if (move.confirm === 'award') return { key: 'tenders.confirmAwarded' };
  return { key: 'tenders.confirmFinal' };
}

/** The moves the API allows the caller now (its `actions`), nothing else. */
export function allowedMoves(actions: TenderActions): LifecycleMove[] {
  return LIFECYCLE.filter((move) => actions[move.action]);
}

/** Where a lot's procurement stands, as its read says: awarded (to whom), closed without an
 * awardee (how, when, why), or neither yet. */
export type LotSituation =
  | { kind: 'awarded'; awardees: string[] }
  | { kind: 'closed'; outcome: NonNullable<LotRead['outcome']>; on: string | null; reason: string }
  | { kind: 'pending' };

export function lotSituation(lot: Pick<LotRead, 'award' | 'outcome' | 'outcome_on' | 'outcome_reason'>): LotSituation {
  if (lot.award) return { kind: 'awarded', awardees: lot.award.members.map((member) => member.enterprise.name) };
  if (lot.outcome) return { kind: 'closed', outcome: lot.outcome, on: lot.outcome_on, reason: lot.outcome_reason ?? '' };
  return { kind: 'pending' };
}

/** How a lot closes without an awardee, in the order the form offers them. */
export const LOT_OUTCOMES: readonly NonNullable<LotRead['outcome']>[] = ['unsuccessful', 'abandoned'];

/** The outcome form's values (a date as the ISO day DateField holds, '' when empty). */
export interface OutcomeValues {
  outcome: NonNullable<LotRead['outcome']>;
  decided_on: string;
  reason: string;
}

/** The form's values for a lot (its current decision when it has one). */
export function outcomeValues(lot: Pick<LotRead, 'outcome' | 'outcome_on' | 'outcome_reason'>): OutcomeValues {
  return { outcome: lot.outcome ?? 'unsuccessful', decided_on: lot.outcome_on ?? '', reason: lot.outcome_reason ?? '' };
}

/** The body of PUT …/outcome closing the lot (the reason without surrounding spaces). */
export function outcomeBody(values: OutcomeValues): LotOutcomeIn {
  return { outcome: values.outcome, decided_on: values.decided_on || null, reason: values.reason.trim() || null };
}

/** The body reopening the lot. */
export const REOPEN: LotOutcomeIn = { outcome: null };
