import type {
  ClausePosition,
  ContractKind,
  ExitCategory,
  ExitSituation,
  PathwayRead,
  QualificationLevel,
  StepCreate,
  StepKind,
  StepRead,
} from '../../client/types.gen';
import { CONTRACT_STEPS, EXIT_CATEGORY } from './vocabularies';

export interface StepValues {
  kind: StepKind | null;
  start_date: string;
  end_date: string;
  qualification_level: QualificationLevel | null;
  contract_kind: ContractKind | null;
  employer: string;
  hours_per_week: string;
  lot_id: string;
  enterprise_id: string;
}

/** A step form's values: the step corrected, or nothing chosen (kind and date are required,
 * never guessed: a step recorded by a stray click counts in the person's pathway). */
export function stepValues(step?: StepRead): StepValues {
  return {
    kind: step?.kind ?? null,
    start_date: step?.start_date ?? '',
    end_date: step?.end_date ?? '',
    qualification_level: step?.qualification_level ?? null,
    contract_kind: step?.contract_kind ?? null,
    employer: step?.lot ? '' : (step?.employer ?? ''),
    hours_per_week: step?.hours_per_week ? String(Number(step.hours_per_week)).replace('.', ',') : '',
    lot_id: step?.lot_id ?? '',
    enterprise_id: step?.enterprise_id ?? '',
  };
}

/** The body of a new or corrected step: every field, cleared where the kind does not take it
 * (a correction from employment to support drops the contract). */
export function stepBody(values: StepValues, position?: ClausePosition): StepCreate {
  const kind = values.kind as StepKind;
  const contract = CONTRACT_STEPS.includes(kind);
  const assignment = kind === 'clause_assignment';
  return {
    kind,
    start_date: values.start_date,
    end_date: values.end_date || null,
    qualification_level: kind === 'training' ? values.qualification_level : null,
    contract_kind: contract ? values.contract_kind : null,
    employer: assignment
      ? (position?.enterprises.find((e) => e.id === values.enterprise_id)?.name ?? null)
      : contract
        ? values.employer.trim() || null
        : null,
    hours_per_week: contract && values.hours_per_week ? values.hours_per_week.replace(',', '.') : null,
    lot_id: assignment ? values.lot_id || null : null,
    enterprise_id: assignment ? values.enterprise_id || null : null,
  };
}

/** The If-Match of a versioned record a pathway read carries (the pathway, one of its steps). */
export function versionTag(record: { id: string; version: number }): string {
  return `"${record.id}.${record.version}"`;
}

/** The category an exit form sends: none when the situation implies it. */
export function exitCategory(situation: ExitSituation | null, category: ExitCategory | null): ExitCategory | null {
  return situation && EXIT_CATEGORY[situation] === null ? category : null;
}

/** The latest day a pathway's exit may not precede: its entry, or its last step's start. */
export function lastStart(pathway: PathwayRead): string {
  return pathway.steps.reduce((latest, step) => (step.start_date > latest ? step.start_date : latest), pathway.entry_date);
}
