import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referralsListReferrals } from '../../client/sdk.gen';
import type { OfferRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { useCursorList } from '../../hooks/useCursorList';
import { useAuth } from '../auth/AuthProvider';
import { ProposeModal } from './ProposeModal';
import { ReferralCard } from './ReferralCard';

/** "Candidatures": the people proposed for an offer, what became of them, the moves each
 * read allows, and "Proposer une personne" for whoever proposes people while it is open. */
export function OfferReferrals({ offer }: { offer: OfferRead }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [proposing, setProposing] = useState(false);
  const list = useCursorList(['referrals', 'offer', offer.id], (cursor) =>
    call(referralsListReferrals({ query: { offer_id: offer.id, cursor, limit: 20 } })),
  );
  const mayPropose = can('referrals:propose') && offer.status === 'open';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referrals-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="referrals-title">{t('referrals.title')}</Title>
          {mayPropose && <Button onClick={() => setProposing(true)}>{t('referrals.propose')}</Button>}
        </Group>
        {list.error ? (
          <ProblemAlert error={list.error} />
        ) : list.isPending ? (
          <Loading />
        ) : (
          <>
            {list.items.length === 0 && <Text size="sm" c="dimmed">{t('referrals.none')}</Text>}
            {list.items.map((referral) => (
              <ReferralCard key={referral.id} referral={referral} offer={offer} />
            ))}
            {list.hasNextPage && (
              <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} style={{ alignSelf: 'flex-start' }}>
                {t('app.loadMore')}
              </Button>
            )}
          </>
        )}
      </Stack>
      {proposing && <ProposeModal offer={offer} onClose={() => setProposing(false)} />}
    </Paper>
  );
}
