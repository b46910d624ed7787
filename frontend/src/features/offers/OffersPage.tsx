import { Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { offersListOffers } from '../../client/sdk.gen';
import type { OfferRead, OfferStatus } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ListFrame } from '../../components/ListFrame';
import { useAuth } from '../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { validPeriod } from '../../lib/dates';
import { day } from '../tenders/format';
import { offerStatusesFor, type OfferPeriod, offerPeriod, offerPeriodProblems, offerQuery } from './offers';
import { RomePicker } from './RomePicker';

const COLORS: Record<OfferStatus, string> = { open: 'green', filled: 'blue', closed: 'gray' };

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]} variant="light">{t(`offerStatus.${status}`)}</Badge>;
}

export function offerRows(offers: readonly OfferRead[]) {
  return offers.map((offer) => ({
    key: offer.id,
    cells: [
      <Link to={`/offers/${offer.id}`} className="row-link">{offer.title}</Link>,
      <span className="mono">{offer.rome_code}</span>,
      offer.commune_name,
      day(offer.start_date),
      offer.enterprise.name,
      <OfferStatusBadge status={offer.status} />,
    ],
  }));
}

export function useOfferColumns() {
  const { t } = useTranslation();
  return [t('offers.jobTitle'), t('offers.romeShort'), t('offers.place'), t('offers.startDate'), t('offers.enterprise'), t('offers.status')];
}

export function OffersPage() {
  const { t } = useTranslation();
  const columns = useOfferColumns();
  const { me } = useAuth();
  const statuses = offerStatusesFor(me?.role);
  const { filters, setFilters } = useUrlFilters(
    { rome: null, commune: null, commune_name: null, start_from: null, start_to: null, status: null },
    { allowed: { status: statuses } },
  );
  // Start days still being corrected (unreadable, or out of order) are never sent: the list
  // stays filtered on the last valid ones, and the field says what is wrong.
  const lastPeriod = useRef<OfferPeriod>({ from: null, to: null });
  lastPeriod.current = offerPeriod(filters, lastPeriod.current);
  const periodValid = validPeriod(filters.start_from, filters.start_to) !== null;
  const periodProblems = offerPeriodProblems(filters);
  const query = offerQuery(filters, lastPeriod.current);
  const list = useCursorList(['offers', 'list', query], (cursor) =>
    call(offersListOffers({ query: { ...query, cursor, limit: 50 } })),
  );
  const commune = filters.commune
    ? [{ level: 'commune' as const, code: filters.commune, name: filters.commune_name ?? filters.commune }]
    : [];
  return (
    <Stack gap="md">
      <PageHeader title={t('offers.title')} description={t('offers.intro')} />
      <Group align="start" gap="sm" role="search" aria-label={t('app.filters')}>
        <RomePicker
          label={t('offers.rome')}
          value={filters.rome}
          onChange={(code) => setFilters({ rome: code })}
          w={{ base: '100%', sm: 320 }}
        />
        <div style={{ width: 'min(100%, 320px)' }}>
          <TerritoryPicker
            label={t('offers.place')}
            value={commune}
            onChange={(items) => {
              const last = items.filter((item) => item.level === 'commune').at(-1);
              setFilters({ commune: last?.code ?? null, commune_name: last?.name ?? null });
            }}
          />
        </div>
        <DateField label={t('offers.startFrom')} value={filters.start_from} onChange={(value) => setFilters({ start_from: value || null })} w={{ base: '100%', sm: 180 } as never} />
        <DateField
          label={t('offers.startTo')}
          value={filters.start_to}
          onChange={(value) => setFilters({ start_to: value || null })}
          error={periodProblems.start_to && t(periodProblems.start_to)}
          w={{ base: '100%', sm: 180 } as never}
        />
        {statuses.length > 1 && (
          <Select
            label={t('offers.status')}
            clearable
            placeholder={t('app.all')}
            value={filters.status}
            onChange={(value) => setFilters({ status: value })}
            data={statuses.map((value) => ({ value, label: t(`offerStatus.${value}`) }))}
            w={{ base: '100%', sm: 180 }}
          />
        )}
      </Group>
      {!periodValid && (
        <Text size="sm" c="dimmed" role="status" data-testid="offers-period-invalid">
          {t('offers.periodInvalid')}
        </Text>
      )}
      <ListFrame caption={t('offers.title')} columns={columns} list={list} rows={offerRows(list.items)} />
    </Stack>
  );
}
