import type { LotRead } from '../../client/types.gen';
import { firstProblems } from '../../lib/formChecks';
import { type CheckResult, amount, atMost, optionalAmount, required, share } from '../../lib/validation';
import { AMOUNT_MAX, HOURLY_COST_MAX, SMALL_AMOUNT_MAX } from './checks';
import { decimal, euros, fromPercent, integer, toPercent, typed, typedAmount } from './format';

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
 * The inputs' problems, by input, read as every form reads numbers (typedNumber: "1e2" is
 * no number): the amount as the lot and award forms check it, shares and rates in %, the
 * hourly cost and the staff taken over within their columns. Nothing is estimated nor saved
 * while one is refused.
 */
export function calculatorErrors(lot: Pick<LotRead, 'calculation_method'>, inputs: CalculatorInputs): Record<string, CheckResult> {
  const cleaning = lot.calculation_method === 'cleaning';
  return firstProblems({
    amount: [inputs.amount, [required, amount, atMost(AMOUNT_MAX, euros(AMOUNT_MAX))]],
    ...(cleaning
      ? { takenOverHours: [inputs.takenOverHours, [optionalAmount, atMost(SMALL_AMOUNT_MAX, integer(SMALL_AMOUNT_MAX))]] as const }
      : { labourShare: [inputs.labourShare, [share]] as const }),
    insertionRate: [inputs.insertionRate, [share]],
    hourlyCost: [inputs.hourlyCost, [amount, atMost(HOURLY_COST_MAX, euros(HOURLY_COST_MAX))]],
  });
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
