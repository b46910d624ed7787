import { Badge, Box, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { organisationsGetOrganisation, tendersListTenders } from '../../client/sdk.gen';
import type { TenderRead, TenderStatus } from '../../client/types.gen';
import type { DataRow } from '../../components/DataTable';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useNamedChoice } from '../../hooks/useNamedChoice';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { todayIso } from '../../lib/dates';
import { useAuth } from '../auth/AuthProvider';
import { BuyerReports } from '../documents/BuyerReports';
import { OrganisationSelect } from '../users/OrganisationSelect';
import { OperationSelect } from './OperationSelect';
import { day } from './format';
import { isOneOf, TENDER_STATUSES } from './vocabularies';

const STATUS_COLORS: Record<TenderStatus, string> = {
  draft: 'gray',
  published: 'blue',
  awarded: 'teal',
  in_execution: 'green',
  closed: 'dark',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: TenderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" className="status-badge">
      {t(`tenderStatus.${status}`)}
    </Badge>
  );
}

/** The rows of a table of tenders (the list and an operation's page). */
export function tenderRows(tenders: readonly TenderRead[]): DataRow[] {
  return tenders.map((tender) => ({
    key: tender.id,
    cells: [
      <Link to={`/tenders/${tender.id}`} className="row-link mono">
        {tender.reference}
      </Link>,
      tender.object,
      tender.buyer.name,
      <StatusBadge status={tender.status} />,
      day(tender.deadline_date),
      // The day it was added, in the local calendar: the list's order (newest first).
      day(todayIso(new Date(tender.created_at))),
    ],
  }));
}

export function useTenderColumns() {
  const { t } = useTranslation();
  return [t('tenders.reference'), t('tenders.object'), t('tenders.buyer'), t('tenders.status'), t('tenders.deadlineDate'), t('tenders.addedOn')];
}

export function TendersPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const columns = useTenderColumns();
  const { filters, setFilters, textInput } = useUrlFilters(
    { q: '', status: null, operation_id: null, buyer_id: null },
    { allowed: { status: TENDER_STATUSES } },
  );
  const { q, status, operation_id: operationId, buyer_id: buyerId } = filters;
  const { choice: buyer, remember: rememberBuyer } = useNamedChoice(
    'organisations',
    buyerId,
    async (id) => (await call(organisationsGetOrganisation({ path: { organisation_id: id } }))).name,
    can('organisations:read'),
  );
  const list = useCursorList(['tenders', 'list', q, status, operationId, buyerId], (cursor) =>
    call(
      tendersListTenders({
        query: {
          q: q || undefined,
          status: isOneOf(TENDER_STATUSES, status) ? status : undefined,
          operation_id: operationId ?? undefined,
          buyer_id: buyerId ?? undefined,
          cursor,
          limit: 50,
        },
      }),
    ),
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={t('tenders.title')}
        description={t('tenders.intro')}
        actions={
          can('tenders:edit') && (
            <Button component={Link} to="/tenders/new">
              {t('tenders.new')}
            </Button>
          )
        }
      />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <TextInput
          label={t('tenders.search')}
          type="search"
          {...textInput('q')}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('tenders.status')}
          clearable
          placeholder={t('app.all')}
          value={status}
          onChange={(value) => setFilters({ status: value })}
          data={TENDER_STATUSES.map((value) => ({ value, label: t(`tenderStatus.${value}`) }))}
          w={{ base: '100%', sm: 220 }}
        />
        {can('operations:read') && (
          <OperationSelect
            label={t('tenders.operation')}
            placeholder={t('app.all')}
            value={operationId}
            onChange={(value) => setFilters({ operation_id: value })}
            w={{ base: '100%', sm: 280 }}
          />
        )}
        {can('organisations:read') && (
          <Box w={{ base: '100%', sm: 280 }}>
            <OrganisationSelect
              label={t('tenders.buyer')}
              kinds={['buyer']}
              required={false}
              value={buyer}
              onChange={(choice) => {
                rememberBuyer(choice);
                setFilters({ buyer_id: choice?.id ?? null });
              }}
            />
          </Box>
        )}
      </Group>
      <ListFrame
        caption={t('tenders.listCaption')}
        columns={columns}
        list={list}
        rows={tenderRows(list.items)}
      />
      {/* A buyer's monthly report: the buyer for itself, the facilitator for the buyer chosen. */}
      {can('documents:issue') && me?.role === 'buyer' && <BuyerReports buyerId={me.organisation.id} buyerName={me.organisation.name} />}
      {can('documents:issue') && me?.role === 'facilitator' && buyer && <BuyerReports key={buyer.id} buyerId={buyer.id} buyerName={buyer.name} />}
    </Stack>
  );
}
