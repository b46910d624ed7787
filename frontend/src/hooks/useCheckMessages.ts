import { useTranslation } from 'react-i18next';

import type { CheckResult } from '../lib/validation';
import { shownValues } from './useValidator';

/** A form's problems (from `firstProblems`) as the translated messages its inputs show: what a
 * Mantine form's `validate` returns. */
export function useCheckMessages() {
  const { t, i18n } = useTranslation();
  return (problems: Record<string, CheckResult>): Record<string, string> => {
    const messages: Record<string, string> = {};
    for (const [field, problem] of Object.entries(problems)) {
      if (typeof problem === 'string') messages[field] = t(problem);
      else if (problem) messages[field] = t(problem.key, shownValues(problem.values, i18n.language));
    }
    return messages;
  };
}
