import type { LotOutcomeIn, LotRead, TenderActions, TenderStatus } from '../../client/types.gen';

/** A lifecycle action of a tender's read, the state the transition endpoint is sent, and
 * whether it is asked for again first (a closed or cancelled tender stays so). */
export interface LifecycleMove {
  action: keyof TenderActions;
  target: TenderStatus;
  confirm: boolean;
}

/** The lifecycle's actions in the order they come, as buttons. */
export const LIFECYCLE: readonly LifecycleMove[] = [
  { action: 'publish', target: 'published', confirm: false },
  { action: 'mark_awarded', target: 'awarded', confirm: false },
  { action: 'start_execution', target: 'in_execution', confirm: false },
  { action: 'close', target: 'closed', confirm: true },
  { action: 'cancel', target: 'cancelled', confirm: true },
];

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
