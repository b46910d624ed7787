import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { callWithETag } from '../../api/client';
import { offersChangeOfferStatus, offersGetOffer } from '../../client/sdk.gen';
import type { OfferStatus } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { day } from '../tenders/format';
import { OfferForm } from './OfferForm';
import { useAuth } from '../auth/AuthProvider';
import { OfferStatusBadge } from './OffersPage';
import { OfferReferrals } from '../referrals/OfferReferrals';

export function OfferPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({
    queryKey: ['offer', id],
    queryFn: () => callWithETag(offersGetOffer({ path: { offer_id: id } })),
  });
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data: offer, etag } = record.data;
  const move = async (status: OfferStatus) => {
    setError(null);
    try {
      await callWithETag(
        offersChangeOfferStatus({ path: { offer_id: offer.id }, body: { status }, headers: { 'If-Match': etag } }),
      );
      await record.refetch();
    } catch (caught) {
      setError(caught);
    }
  };
  const { actions } = offer;
  const facts: [string, string][] = [
    [t('offers.rome'), `${offer.rome_code} — ${offer.rome_label}`],
    [t('offers.place'), `${offer.commune_name} (${offer.commune_code})`],
    [t('offers.startDate'), day(offer.start_date)],
    [t('offers.durationMonths'), String(offer.duration_months)],
    [t('offers.hoursPerWeek'), String(Number(offer.hours_per_week)).replace('.', ',')],
    [t('offers.posts'), String(offer.posts)],
    [t('offers.contractKind'), t(`contractKinds.${offer.contract_kind}`)],
    [t('offers.enterprise'), offer.enterprise.name],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={offer.title}
        description={<OfferStatusBadge status={offer.status} />}
        actions={
          <Group>
            {actions.edit && !editing && <Button variant="light" onClick={() => setEditing(true)}>{t('offers.edit')}</Button>}
            {actions.fill && <Button variant="light" onClick={() => void move('filled')}>{t('offers.fill')}</Button>}
            {actions.close && <Button variant="light" color="gray" onClick={() => void move('closed')}>{t('offers.close')}</Button>}
            {actions.reopen && <Button variant="light" onClick={() => void move('open')}>{t('offers.reopen')}</Button>}
            <Anchor component={Link} to="/offers">{t('offers.back')}</Anchor>
          </Group>
        }
      />
      {error !== null && <ProblemAlert error={error} onReload={() => void record.refetch()} />}
      {editing ? (
        <OfferForm
          key={offer.version}
          offer={offer}
          etag={etag}
          onDone={() => { setEditing(false); void record.refetch(); }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {facts.map(([label, value]) => (
              <div key={label}>
                <Text size="sm" c="dimmed">{label}</Text>
                <Text>{value}</Text>
              </div>
            ))}
          </SimpleGrid>
          {offer.lot && (
            <Text mt="sm">
              {/* Referents do not read tenders: the lot is named, not linked. */}
              {can('tenders:read') ? (
                <Anchor component={Link} to={`/tenders/${offer.lot.tender_id}/lots/${offer.lot.id}`}>
                  {t('offers.onLot', { number: offer.lot.number, title: offer.lot.title })}
                </Anchor>
              ) : (
                t('offers.onLot', { number: offer.lot.number, title: offer.lot.title })
              )}
            </Text>
          )}
          {offer.description && <Text mt="sm" style={{ whiteSpace: 'pre-line' }}>{offer.description}</Text>}
        </Paper>
      )}
      {can('referrals:read') && <OfferReferrals offer={offer} />}
    </Stack>
  );
}
