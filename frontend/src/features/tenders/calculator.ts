import type { LotRead } from '../../client/types.gen';
import { decimal, fromPercent, toPercent, typed, typedAmount } from './format';

/** Parameters people type: amounts in euros, shares and rates in percent, hours in hours. */
export interface CalculatorInputs {
  amount: string;
  labourShare: string;
  insertionRate: string;
  hourlyCost: string;
  /** Cleaning method only: monthly hours of the outgoing contractor's staff taken over. */
  takenOverHours: string;
}

/** The calculator's inputs as the lot stores them. */
export function calculatorInputs(
  lot: Pick<LotRead, 'current_amount' | 'estimated_amount' | 'labour_share' | 'insertion_rate' | 'hourly_cost' | 'taken_over_monthly_hours'>,
): CalculatorInputs {
  return {
    amount: typedAmount(lot.current_amount ?? lot.estimated_amount),
    labourShare: toPercent(lot.labour_share),
    insertionRate: toPercent(lot.insertion_rate),
    hourlyCost: typedAmount(lot.hourly_cost),
    takenOverHours: typed(lot.taken_over_monthly_hours),
  };
}

/**
 * The body of POST /clauses/estimate. The cleaning method has no labour share (its
 * hourly cost already stands for it) and deducts the staff taken over; the generic
 * method has no taken-over hours.
 */
export function estimateBody(lot: Pick<LotRead, 'cpv_code' | 'calculation_method' | 'duration_months'>, inputs: CalculatorInputs) {
  const cleaning = lot.calculation_method === 'cleaning';
  return {
    method: lot.calculation_method,
    amount_excl_tax: decimal(inputs.amount) ?? '0',
    cpv_code: lot.cpv_code,
    duration_months: lot.duration_months,
    labour_share: cleaning ? null : fromPercent(inputs.labourShare),
    insertion_rate: fromPercent(inputs.insertionRate),
    hourly_cost: decimal(inputs.hourlyCost),
    taken_over_monthly_hours: cleaning ? decimal(inputs.takenOverHours) : null,
  };
}

/** The parameters the calculator saves on the lot (PATCH), same rules as the estimate. */
export function savedParameters(lot: Pick<LotRead, 'calculation_method'>, inputs: CalculatorInputs) {
  const cleaning = lot.calculation_method === 'cleaning';
  return {
    ...(cleaning ? { taken_over_monthly_hours: decimal(inputs.takenOverHours) } : { labour_share: fromPercent(inputs.labourShare) }),
    insertion_rate: fromPercent(inputs.insertionRate),
    hourly_cost: decimal(inputs.hourlyCost),
  };
}
