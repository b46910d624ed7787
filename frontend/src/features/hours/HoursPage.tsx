import { SegmentedControl, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { organisationsGetOrganisation } from '../../client/sdk.gen';
import type { HoursStatus } from '../../client/types.gen';
import { PageHeader } from '../../components/PageHeader';
import { useNamedChoice } from '../../hooks/useNamedChoice';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { todayIso } from '../../lib/dates';
import { useAuth } from '../auth/AuthProvider';
import { defaultMonth, HOURS_STATUSES, hoursIntroKey, type HoursView, hoursViews, isMonth } from './hours';
import { HoursGridView } from './HoursGridView';
import { HoursListView } from './HoursListView';

/** Monthly hours: the facilitator's validation queue, an employer's monthly grid and every
 * declaration, each view in the URL with its month, status and employer. */
export function HoursPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const views = hoursViews(can);
  const phone = useMediaQuery('(max-width: 36em)');
  const { filters, setFilters } = useUrlFilters(
    { view: null, month: null, status: null, employer: null },
    { allowed: { view: views, status: HOURS_STATUSES } },
  );
  const view = (filters.view ?? views[0]) as HoursView;
  const month = isMonth(filters.month) ? filters.month : null;
  const { choice: employer, remember } = useNamedChoice(
    'organisations',
    filters.employer,
    async (id) => (await call(organisationsGetOrganisation({ path: { organisation_id: id } }))).name,
    can('organisations:read'),
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('hours.title')} description={t(hoursIntroKey(view, can))} />
      {views.length > 1 && (
        <SegmentedControl
          value={view}
          onChange={(value) => setFilters({ view: value === views[0] ? null : value })}
          data={views.map((value) => ({ value, label: t(`hours.views.${value}`) }))}
          aria-label={t('hours.viewLabel')}
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          style={phone ? undefined : { alignSelf: 'flex-start' }}
        />
      )}
      {view === 'grid' ? (
        <HoursGridView
          month={month ?? defaultMonth(todayIso())}
          onMonth={(value) => setFilters({ month: value })}
          employer={employer}
          onEmployer={(choice) => {
            remember(choice);
            setFilters({ employer: choice?.id ?? null });
          }}
        />
      ) : (
        <HoursListView
          month={month}
          onMonth={(value) => setFilters({ month: value })}
          status={filters.status as HoursStatus | null}
          onStatus={(value) => setFilters({ status: value })}
          fixedStatus={view === 'queue' ? 'declared' : undefined}
        />
      )}
    </Stack>
  );
}
