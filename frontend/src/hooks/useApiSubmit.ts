import type { UseFormReturnType } from '@mantine/form';
import { useRef, useState } from 'react';

import { type ApiError, type FieldMap, mapProblem, toApiError } from '../lib/problem';

/**
 * Runs a form's API call. The problem's field errors that the form shows (`fields`: API
 * field → form path) go next to their inputs, all at once (`form.setErrors`); `alert` is what
 * `<ProblemAlert {...alert} />` needs to show the rest above the form.
 */
export function useApiSubmit<Values>(form: UseFormReturnType<Values>, fields: FieldMap = {}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The fields shown when the call fails (some inputs appear only for some values).
  const shown = useRef(fields);
  shown.current = fields;

  const run = async (action: () => Promise<void>): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      const apiError = toApiError(caught);
      form.setErrors(mapProblem(apiError.problem, shown.current).fields);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return { error, busy, run, reset: () => setError(null), alert: { error, fields } };
}
