/** The lot form's values and the bodies it sends (create and edit share them). */
import type { CalculationMethod, ConsiderationKind, LotCreate, LotRead, LotUpdate } from '../../client/types.gen';
import { decimal, typed, typedAmount } from './format';

export interface LotValues {
  number: string;
  title: string;
  trade: string;
  cpv_code: string;
  estimated_amount: string;
  duration_months: string;
  considerations: ConsiderationKind[];
  /** A percentage, 1 to 100, as the API takes it. */
  criterion_weight: string;
  calculation_method: CalculationMethod;
  taken_over_monthly_hours: string;
  penalty_per_missing_hour: string;
}


/** Values for a new lot (next free number, the tender's CPV) or for editing `lot`. */
export function lotValues(defaults: { number: number; cpv_code: string }, lot?: LotRead): LotValues {
  const weight = lot?.considerations.find((c) => c.kind === 'social_award_criterion')?.criterion_weight;
  return {
    number: String(lot?.number ?? defaults.number),
    title: lot?.title ?? '',
    trade: lot?.trade ?? '',
    cpv_code: lot?.cpv_code ?? defaults.cpv_code,
    estimated_amount: lot ? typedAmount(lot.estimated_amount) : '',
    duration_months: String(lot?.duration_months ?? 12),
    considerations: lot ? lot.considerations.map((c) => c.kind) : ['insertion_clause'],
    criterion_weight: typed(weight),
    calculation_method: lot?.calculation_method ?? 'generic',
    taken_over_monthly_hours: typed(lot?.taken_over_monthly_hours),
    penalty_per_missing_hour: typedAmount(lot?.penalty_per_missing_hour),
  };
}

const optional = (value: string) => (value.trim() === '' ? null : decimal(value));

/** The fields both POST (create) and PATCH (edit) take. */
export function lotFields(values: LotValues): Omit<LotCreate, 'number'> {
  const cleaning = values.calculation_method === 'cleaning';
  return {
    title: values.title.trim(),
    trade: values.trade.trim(),
    cpv_code: values.cpv_code.trim(),
    estimated_amount: decimal(values.estimated_amount) ?? '',
    duration_months: Number(decimal(values.duration_months)),
    considerations: values.considerations.map((kind) => ({
      kind,
      criterion_weight:
        kind === 'social_award_criterion' && values.criterion_weight.trim() !== '' ? decimal(values.criterion_weight) : null,
    })),
    calculation_method: values.calculation_method,
    taken_over_monthly_hours: cleaning ? optional(values.taken_over_monthly_hours) : null,
    penalty_per_missing_hour: optional(values.penalty_per_missing_hour),
  };
}

export function lotCreateBody(values: LotValues): LotCreate {
  return { number: Number(decimal(values.number)), ...lotFields(values) };
}

export function lotUpdateBody(values: LotValues): LotUpdate {
  return lotFields(values);
}
