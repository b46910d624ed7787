import type { LotRead } from '../../client/types.gen';
import { decimal, fromPercent } from './format';

/** Parameters people type: amounts in euros, shares and rates in percent. */
export interface CalculatorInputs {
  amount: string;
  labourShare: string;
  insertionRate: string;
  hourlyCost: string;
}

export function estimateBody(lot: Pick<LotRead, 'cpv_code' | 'calculation_method' | 'duration_months'>, inputs: CalculatorInputs) {
  return {
    method: lot.calculation_method,
    amount_excl_tax: decimal(inputs.amount) ?? '0',
    cpv_code: lot.cpv_code,
    duration_months: lot.duration_months,
    labour_share: fromPercent(inputs.labourShare),
    insertion_rate: fromPercent(inputs.insertionRate),
    hourly_cost: decimal(inputs.hourlyCost),
  };
}

