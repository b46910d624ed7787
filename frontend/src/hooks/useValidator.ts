import { useTranslation } from 'react-i18next';

import type { Check } from '../lib/validation';

/** Turns checks into a Mantine form rule giving the first failing check's translated message. */
export function useValidator() {
  const { t } = useTranslation();
  return (...checks: Check[]) =>
    (value: string | null | undefined): string | null => {
      for (const check of checks) {
        const problem = check(value ?? '');
        if (typeof problem === 'string') return t(problem);
        if (problem) return t(problem.key, problem.values);
      }
      return null;
    };
}
