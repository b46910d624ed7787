/** Assignments: the fulfilment modes and their terms, the form checks, and a mission's state. */
import type {
  AssignmentRead,
  ContractKind,
  EndReason,
  FulfilmentMode,
} from '../../client/types.gen';
import { isIsoDay } from '../../lib/dates';
import { firstProblems } from '../../lib/formChecks';
import { hours, isoDay, maxLength, notBefore, notTooEarly, required, type CheckResult } from '../../lib/validation';
import { CONTRACT_KINDS } from '../offers/offers';
import { decimal } from '../tenders/format';

export const FULFILMENT_MODES: readonly FulfilmentMode[] = [
  'direct_hire', 'temporary_work', 'placement', 'subcontracting', 'co_contracting', 'training',
];
export const END_REASONS: readonly EndReason[] = [
  'contract_end', 'hired_permanently', 'trial_period', 'resignation', 'dismissal', 'mutual_agreement', 'work_finished', 'other',
];
/** The modes whose employer of record is another enterprise than the host (chosen in the form). */
export const EMPLOYER_MODES: readonly FulfilmentMode[] = ['temporary_work', 'placement'];
export const NOTE_MAX_LENGTH = 2000;
export const JOB_TITLE_MAX_LENGTH = 200;

export const needsEmployer = (mode: FulfilmentMode | null) => mode !== null && EMPLOYER_MODES.includes(mode);

/** The contracts the form offers for a mode: a direct hire's own (an interim contract is
 * temporary work), none for temporary work (an interim one) and training, any otherwise. */
export function contractChoices(mode: FulfilmentMode | null): readonly ContractKind[] {
  if (mode === 'direct_hire') return CONTRACT_KINDS.filter((kind) => kind !== 'interim');
  if (mode === 'temporary_work' || mode === 'training') return [];
  return CONTRACT_KINDS;
}

/** An organisation chosen in a picker (its id, and its name to show). */
export interface Choice {
  id: string;
  name: string;
  detail?: string | null;
}

/** The terms of a person's work as a form holds them (typed text, ISO days or ''). */
export interface TermsValues {
  mode: FulfilmentMode;
  employer: Choice | null;
  contract_kind: ContractKind | null;
  start_date: string;
  planned_end_date: string;
  hours_per_week: string;
}

/** The terms' problems, all at once (the server checks them too, and the rest). */
export function termsProblems(values: TermsValues): Record<string, CheckResult> {
  const start = isIsoDay(values.start_date) ? values.start_date : null;
  return firstProblems({
    employer: [values.employer?.id ?? '', needsEmployer(values.mode) ? [required] : []],
    contract_kind: [values.contract_kind ?? '', values.mode === 'direct_hire' ? [required] : []],
    start_date: [values.start_date, [required, isoDay, notTooEarly]],
    planned_end_date: [values.planned_end_date, [isoDay, notTooEarly, notBefore(start, 'validation.endBeforeStart')]],
    hours_per_week: [values.hours_per_week, [required, hours]],
  });
}

/** The terms as the API takes them: only what the mode uses, numbers as decimals ("17.5"). */
export function termsBody(values: TermsValues) {
  const contract = values.contract_kind && contractChoices(values.mode).includes(values.contract_kind) ? values.contract_kind : null;
  return {
    mode: values.mode,
    employer_id: needsEmployer(values.mode) ? (values.employer?.id ?? null) : null,
    contract_kind: contract,
    start_date: values.start_date,
    planned_end_date: values.planned_end_date || null,
    hours_per_week: decimal(values.hours_per_week) ?? '',
  };
}

/** A direct record's form: the person, the lot and its enterprise, then the terms. */
export interface RecordValues extends TermsValues {
  participant: Choice | null;
  lot_id: string | null;
  host_id: string | null;
  job_title: string;
}

export function recordProblems(values: RecordValues): Record<string, CheckResult> {
  return {
    ...firstProblems({
      participant: [values.participant?.id ?? '', [required]],
      lot_id: [values.lot_id ?? '', [required]],
      host_id: [values.host_id ?? '', [required]],
      job_title: [values.job_title, [maxLength(JOB_TITLE_MAX_LENGTH)]],
    }),
    ...termsProblems(values),
  };
}

export function recordBody(values: RecordValues) {
  return {
    ...termsBody(values),
    participant_id: values.participant?.id ?? '',
    lot_id: values.lot_id ?? '',
    host_id: values.host_id,
    job_title: values.job_title.trim(),
  };
}

export interface EndValues {
  ended_on: string;
  reason: EndReason | null;
  note: string;
}

/** The end's first day proposed: today, or the start when the mission has not begun. */
export function endDefaults(assignment: Pick<AssignmentRead, 'start_date'>, today: string): EndValues {
  return { ended_on: assignment.start_date > today ? assignment.start_date : today, reason: null, note: '' };
}

export function endProblems(values: EndValues, startDate: string): Record<string, CheckResult> {
  return firstProblems({
    ended_on: [values.ended_on, [required, isoDay, notTooEarly, notBefore(startDate, 'validation.endBeforeStart')]],
    reason: [values.reason ?? '', [required]],
    note: [values.note, [maxLength(NOTE_MAX_LENGTH)]],
  });
}

export type AssignmentState = 'upcoming' | 'running' | 'ended';

/** Whether a mission is ended, still to begin or running on `today`. */
export function assignmentState(assignment: Pick<AssignmentRead, 'start_date' | 'ended_on'>, today: string): AssignmentState {
  if (assignment.ended_on) return 'ended';
  return assignment.start_date > today ? 'upcoming' : 'running';
}

export const ASSIGNMENT_FILTERS = ['running', 'not_ended', 'ended'] as const;

/** The list's query for its filter: running today, not ended yet (those to begin included),
 * or ended. */
export function assignmentQuery(state: string | null, today: string) {
  return {
    running_on: state === 'running' ? today : undefined,
    ended: state === 'not_ended' ? false : state === 'ended' ? true : undefined,
  };
}
