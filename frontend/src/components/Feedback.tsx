import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ApiError, otherErrors } from '../lib/problem';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text size="sm" ml="sm" c="dimmed">
        {t('app.loading')}
      </Text>
    </Center>
  );
}

/**
 * A problem returned by the API, shown to people (the server already translated it).
 * Field errors that an input of the form displays are left to that input.
 */
export function ProblemAlert({
  error,
  shownFields = [],
  onReload,
}: {
  error: unknown;
  shownFields?: readonly string[];
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 412) {
    return (
      <Alert color="orange" role="alert" title={t('app.staleTitle')}>
        <Stack gap="xs" align="flex-start">
          <span>{t('app.stale')}</span>
          {onReload && (
            <Button size="xs" variant="light" color="orange" onClick={onReload}>
              {t('app.reload')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  const messages =
    error instanceof ApiError && error.status !== 0
      ? otherErrors(error.problem, shownFields)
      : [t('app.error')];
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert">
      <Stack gap={4}>
        {messages.map((message) => (
          <span key={message}>{message}</span>
        ))}
      </Stack>
    </Alert>
  );
}
