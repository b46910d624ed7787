import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';

import { type ApiError, fieldErrors, toApiError } from '../lib/problem';

/**
 * Runs a form's API call. Field errors of the problem document go next to their inputs
 * (`form.setErrors`); the error itself is kept for an alert showing whatever no input shows.
 */
export function useApiSubmit<Values>(form: UseFormReturnType<Values>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>): Promise<void> => {
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      const apiError = toApiError(caught);
      form.setErrors(fieldErrors(apiError.problem));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return { error, busy, run, reset: () => setError(null) };
}
