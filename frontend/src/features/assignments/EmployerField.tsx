import { Alert, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { FulfilmentMode } from '../../client/types.gen';
import { useAuth } from '../auth/AuthProvider';
import { OrganisationSelect } from '../users/OrganisationSelect';
import { type Choice, needsEmployer, PLACEMENT_KINDS } from './assignments';

/** The employer of record of an interim contract (a temp agency, an ETTI) or of a placement
 * (an AI, a GEIQ), searched in the directory. Whoever may not search the directory (an
 * enterprise) is told who can record such a hire instead. */
export function EmployerField({
  mode,
  value,
  onChange,
  error,
}: {
  mode: FulfilmentMode;
  value: Choice | null;
  onChange: (value: Choice | null) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!needsEmployer(mode)) return null;
  if (!can('organisations:read')) {
    return (
      <Alert color="orange" title={t('assignments.employer')} data-testid="employer-unavailable">
        <Text size="sm">{t('assignments.employerUnavailable', { mode: t(`fulfilmentModes.${mode}`) })}</Text>
        {error && <Text size="sm" c="red.8" mt={4}>{error}</Text>}
      </Alert>
    );
  }
  return (
    <OrganisationSelect
      label={t('assignments.employer')}
      kinds={['enterprise']}
      accept={mode === 'placement' ? (organisation) => PLACEMENT_KINDS.some((kind) => kind === organisation.enterprise_kind) : undefined}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
