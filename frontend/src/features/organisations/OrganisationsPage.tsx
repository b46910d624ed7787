import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { organisationsListOrganisations } from '../../client/sdk.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { StatusText } from '../../components/StatusText';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { formatSiret } from '../../lib/siret';
import { useAuth } from '../auth/AuthProvider';
import { isOrganisationKind, ORGANISATION_KINDS } from './kinds';

const ACTIVE_FILTERS = ['true', 'false'] as const;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filters, setFilters, textInput } = useUrlFilters(
    { q: '', kind: null, active: null },
    { allowed: { kind: ORGANISATION_KINDS, active: ACTIVE_FILTERS } },
  );
  const { q, kind, active } = filters;
  const list = useCursorList(['organisations', 'list', q, kind, active], (cursor) =>
    call(
      organisationsListOrganisations({
        query: {
          q: q || undefined,
          kind: isOrganisationKind(kind) ? kind : undefined,
          active: active === null ? undefined : active === 'true',
          cursor,
          limit: 50,
        },
      }),
    ),
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('organisations.title')}
        description={t('organisations.intro')}
        actions={
          can('organisations:manage') && (
            <Button component={Link} to="/organisations/new">
              {t('organisations.new')}
            </Button>
          )
        }
      />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <TextInput
          label={t('organisations.search')}
          type="search"
          {...textInput('q')}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('organisations.kind')}
          clearable
          placeholder={t('app.all')}
          value={kind}
          onChange={(value) => setFilters({ kind: value })}
          data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('organisations.status')}
          clearable
          placeholder={t('app.all')}
          value={active}
          onChange={(value) => setFilters({ active: value })}
          data={[
            { value: 'true', label: t('organisations.activeLabel') },
            { value: 'false', label: t('organisations.inactiveLabel') },
          ]}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      <ListFrame
        caption={t('organisations.title')}
        columns={[
          t('organisations.name'),
          t('organisations.kind'),
          t('organisations.siret'),
          t('organisations.territory'),
          t('organisations.status'),
        ]}
        list={list}
        minWidth={720}
        rows={list.items.map((organisation) => ({
          key: organisation.id,
          cells: [
            <Link to={`/organisations/${organisation.id}`} className="row-link">
              {organisation.name}
            </Link>,
            t(`kinds.${organisation.kind}`),
            <span className="mono">{organisation.siret ? formatSiret(organisation.siret) : '—'}</span>,
            <Text size="sm" lineClamp={2}>
              {organisation.territory.map((item) => item.name).join(', ') || '—'}
            </Text>,
            <StatusText
              active={organisation.active}
              label={organisation.active ? t('organisations.activeLabel') : t('organisations.inactiveLabel')}
            />,
          ],
        }))}
      />
    </Stack>
  );
}
