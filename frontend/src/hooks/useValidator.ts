import { useTranslation } from 'react-i18next';

import { numberLocale } from '../lib/numbers';
import type { Check } from '../lib/validation';

/** A check's message values as people read them: numbers with their thousands apart
 * ("10 000 000" in French); `count` stays a number, for the plural. */
export function shownValues(values: Record<string, string | number>, language: string): Record<string, string | number> {
  const format = new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 2 });
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'number' && name !== 'count' ? format.format(value) : value]),
  );
}

/** Turns checks into a Mantine form rule giving the first failing check's translated message
 * (a number input's value is checked as the text it shows). */
export function useValidator() {
  const { t, i18n } = useTranslation();
  return (...checks: Check[]) =>
    (value: string | number | null | undefined): string | null => {
      for (const check of checks) {
        const problem = check(value === null || value === undefined ? '' : String(value));
        if (typeof problem === 'string') return t(problem);
        if (problem) return t(problem.key, shownValues(problem.values, i18n.language));
      }
      return null;
    };
}
