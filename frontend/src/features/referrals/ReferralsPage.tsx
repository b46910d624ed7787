import { Anchor, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { referralsListReferrals } from '../../client/sdk.gen';
import type { ReferralRead } from '../../client/types.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useAuth } from '../auth/AuthProvider';
import { day } from '../tenders/format';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { personName, REFERRAL_STATUSES, referralQuery } from './referrals';

function useRows(referrals: readonly ReferralRead[]) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return referrals.map((referral) => ({
    key: referral.id,
    cells: [
      <Link to={`/offers/${referral.offer.id}`} className="row-link">{referral.offer.title}</Link>,
      can('participants:read') ? (
        <Anchor component={Link} to={`/participants/${referral.person.id}`} size="sm">{personName(referral.person)}</Anchor>
      ) : (
        personName(referral.person)
      ),
      <>
        <Text size="sm">{referral.offer.enterprise_name}</Text>
        <Text size="xs" c="dimmed">{referral.offer.commune_name} — {t('referrals.startsOn', { date: day(referral.offer.start_date) })}</Text>
      </>,
      <>
        <Text size="sm">{referral.referent.full_name}</Text>
        <Anchor href={`mailto:${referral.referent.email}`} size="xs">{referral.referent.email}</Anchor>
      </>,
      <>
        <ReferralStatusBadge status={referral.status} />
        <Text size="xs" c="dimmed">{t('referrals.since', { date: day(referral.status_on) })}</Text>
        {referral.decline_reason && <Text size="xs">{t(`declineReasons.${referral.decline_reason}`)}</Text>}
      </>,
      day(referral.interview_on),
      day(referral.created_at),
    ],
  }));
}

/** The referrals in the caller's scope (an employer: for its offers; a referent: of its
 * people), filtered by status in the URL, each leading to its offer. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const { filters, setFilters } = useUrlFilters({ status: null }, { allowed: { status: REFERRAL_STATUSES } });
  const query = referralQuery(filters.status);
  const list = useCursorList(['referrals', 'list', query.status ?? null], (cursor) =>
    call(referralsListReferrals({ query: { ...query, cursor, limit: 50 } })),
  );
  const rows = useRows(list.items);
  const columns = [
    t('referrals.offer'), t('referrals.person'), t('referrals.employer'), t('referrals.proposer'),
    t('referrals.status'), t('referrals.interviewOn'), t('referrals.proposedOn'),
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('referrals.title')} description={t('referrals.intro')} />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <Select
          label={t('referrals.status')}
          clearable
          placeholder={t('referrals.all')}
          value={filters.status}
          onChange={(value) => setFilters({ status: value })}
          data={REFERRAL_STATUSES.map((value) => ({ value, label: t(`referralStatus.${value}`) }))}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      <ListFrame caption={t('referrals.title')} columns={columns} list={list} rows={rows} minWidth={900} />
    </Stack>
  );
}
