import { useTranslation } from 'react-i18next';

import type { Check } from '../lib/validation';

/** Turns checks into a Mantine form rule giving the first failing check's translated message
 * (a number input's value is checked as the text it shows). */
export function useValidator() {
  const { t } = useTranslation();
  return (...checks: Check[]) =>
    (value: string | number | null | undefined): string | null => {
      for (const check of checks) {
        const problem = check(value === null || value === undefined ? '' : String(value));
        if (typeof problem === 'string') return t(problem);
        if (problem) return t(problem.key, problem.values);
      }
      return null;
    };
}
