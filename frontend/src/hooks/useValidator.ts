import { useTranslation } from 'react-i18next';

import type { Check } from '../lib/validation';

/** Turns checks into a Mantine form rule giving the first failing check's translated message. */
export function useValidator() {
  const { t } = useTranslation();
  return (...checks: Check[]) =>
    (value: string): string | null => {
      for (const check of checks) {
        const problem = check(value ?? '');
        if (problem) return t(problem);
      }
      return null;
    };
}
