import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ProblemAlert } from './Feedback';
import { ApiError } from '../lib/problem';

/** The app's "not found" page: an unknown address, a page without the permission, or a record
 * out of the caller's scope (the API answers 404 and never says whether it exists). */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('app.notFoundTitle')}
      </Title>
      <Text>{t('app.notFound')}</Text>
    </Stack>
  );
}

/** A page's record that failed to load: the not-found page on a 404, the problem otherwise. */
export function LoadError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return <ProblemAlert error={error} />;
}
