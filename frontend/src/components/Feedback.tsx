import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ApiError, type FieldMap, fieldName, mapProblem } from '../lib/problem';

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
 * Field errors that an input of the form shows (`fields`, as given to `useApiSubmit`) are
 * left to that input; the others are listed here, each after the name of its field.
 */
export function ProblemAlert({
  error,
  fields = {},
  onReload,
}: {
  error: unknown;
  fields?: FieldMap;
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
      ? mapProblem(error.problem, fields).others.map(({ field, message }) => {
          const label = field ? t(`history.fields.${fieldName(field)}`, { defaultValue: '' }) : '';
          return label ? `${t('app.labelled', { label })} ${message}` : message;
        })
      : [t('app.error')];
  if (messages.length === 0) return null;
  return (
    <Alert color="red" role="alert">
      <Stack gap={4}>
        {messages.map((message, index) => (
          <span key={`${index}-${message}`}>{message}</span>
        ))}
      </Stack>
    </Alert>
  );
}
