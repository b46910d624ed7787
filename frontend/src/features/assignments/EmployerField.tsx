import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { assignmentsEmployerOptions } from '../../client/sdk.gen';
import type { FulfilmentMode } from '../../client/types.gen';
import { OrganisationSelect } from '../users/OrganisationSelect';
import { type Choice, needsEmployer } from './assignments';

/** The employer of record of an interim contract (a temp agency, an ETTI) or of a placement
 * (an AI, a GEIQ), searched among the enterprises the API offers for the mode: whoever hires
 * finds them, an enterprise included (it cannot search the whole directory). */
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
  if (!needsEmployer(mode)) return null;
  const employerMode = mode === 'placement' ? 'placement' : 'temporary_work';
  return (
    <OrganisationSelect
      label={t('assignments.employer')}
      description={t(`assignments.employerHelp.${employerMode}`)}
      kinds={['enterprise']}
      find={(q) => call(assignmentsEmployerOptions({ query: { mode: employerMode, q: q || undefined, limit: 20 } }))}
      findKey={`employer-${employerMode}`}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
