/** The server's bounds on tender, lot, award and amendment fields (tenders/schemas.py), checked
 * before sending so every field's error shows at once; a range error says the range. */
import { typedNumber } from '../../lib/numbers';

/** Lot numbers (`LotCreate.number`). */
export const LOT_NUMBER = { min: 1, max: 999 } as const;
/** A lot's duration in months, amendments included (tenders/constants.py MAX_DURATION_MONTHS). */
export const DURATION_MONTHS = { min: 1, max: 240 } as const;
/** Hours a facilitator may set (`HoursOverride.hours`). */
export const OVERRIDE_HOURS = { min: 0, max: 10_000_000 } as const;
/** Text lengths of the schemas. */
export const LENGTHS = { title: 300, trade: 200, object: 1000, reason: 2000 } as const;
/** An amount is 14 digits, 2 of them after the comma (`Amount`: 999 999 999 999,99 €). */
export const AMOUNT_MAX = 999_999_999_999.99;
/** The penalty and staff hours taken over: 10 digits. */
export const SMALL_AMOUNT_MAX = 9_999_999_999;
/** A loaded hourly cost: at most 500 €/h (`MAX_HOURLY_COST`); beyond, a typing error. */
export const HOURLY_COST_MAX = 500;

// Ranges and ceilings are checked with `wholeNumber` and `atMost` (lib/validation.ts).

/** The amounts of the subcontractors, added up (empty rows and what is no number as the
 * forms read numbers, such as "1e9", count for nothing). */
export function subcontractedTotal(amounts: readonly string[]): number {
  return amounts.reduce((total, amount) => {
    const number = typedNumber(amount);
    return Number.isFinite(number) ? total + number : total;
  }, 0);
}
