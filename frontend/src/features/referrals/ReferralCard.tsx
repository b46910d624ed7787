import { Anchor, Blockquote, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { OfferRead, ReferralRead } from '../../client/types.gen';
import { useAuth } from '../auth/AuthProvider';
import { day } from '../tenders/format';
import { HireModal } from './HireModal';
import { DeclineModal, InterviewModal, WithdrawModal } from './ReferralMoves';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { personName } from './referrals';

type Move = 'interview' | 'hire' | 'decline' | 'withdraw' | null;

/** Who proposed the person, and how to reach them (the employer's contact). */
export function ProposerLine({ referral }: { referral: ReferralRead }) {
  const { t } = useTranslation();
  const { referent } = referral;
  return (
    <Text size="sm">
      {t('referrals.proposedBy', { name: referent.full_name, organisation: referent.organisation_name })}{' '}
      <Anchor href={`mailto:${referent.email}`} size="sm" underline="always">{referent.email}</Anchor>
    </Text>
  );
}

/** One referral of an offer: the person, the proposer, the history, the message, and the moves
 * the read allows. */
export function ReferralCard({ referral, offer }: { referral: ReferralRead; offer: OfferRead }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [move, setMove] = useState<Move>(null);
  const close = () => setMove(null);
  const name = personName(referral.person);
  const { actions } = referral;
  return (
    <Paper withBorder p="sm" data-testid="referral" component="article" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>
            {can('participants:read') ? (
              <Anchor component={Link} to={`/participants/${referral.person.id}`} fw={600}>{name}</Anchor>
            ) : (
              name
            )}
          </Text>
          <ReferralStatusBadge status={referral.status} />
        </Group>
        <ProposerLine referral={referral} />
        <Text size="sm" c="dimmed">
          {referral.events
            .map((event) =>
              [
                t(`referralEvents.${event.status}`, { date: day(event.on) }),
                event.actor_name && t('referrals.eventBy', { name: event.actor_name }),
                event.reason && t(`declineReasons.${event.reason}`),
              ]
                .filter(Boolean)
                .join(' — '),
            )
            .join(' · ')}
        </Text>
        {referral.interview_on && (
          <Text size="sm">{t('referrals.interviewLine', { date: day(referral.interview_on) })}</Text>
        )}
        {referral.message && (
          <Blockquote p="xs" ml={0} style={{ whiteSpace: 'pre-line' }} aria-label={t('referrals.message')}>
            {referral.message}
          </Blockquote>
        )}
        {referral.assignment_id && can('assignments:read') && (
          <Anchor component={Link} to={`/assignments/${referral.assignment_id}`} size="sm" fw={600}>
            {t('referrals.viewAssignment')}
          </Anchor>
        )}
        {(actions.interview || actions.hire || actions.decline || actions.withdraw) && (
          <Group gap="xs">
            {actions.interview && <Button size="xs" variant="light" onClick={() => setMove('interview')} aria-label={`${t('referrals.interview')} : ${name}`}>{t('referrals.interview')}</Button>}
            {actions.hire && <Button size="xs" onClick={() => setMove('hire')} aria-label={`${t('referrals.hire')} : ${name}`}>{t('referrals.hire')}</Button>}
            {actions.decline && <Button size="xs" variant="outline" color="red.9" onClick={() => setMove('decline')} aria-label={`${t('referrals.decline')} : ${name}`}>{t('referrals.decline')}</Button>}
            {actions.withdraw && <Button size="xs" variant="subtle" color="red.9" onClick={() => setMove('withdraw')} aria-label={`${t('referrals.withdraw')} : ${name}`}>{t('referrals.withdraw')}</Button>}
          </Group>
        )}
      </Stack>
      {move === 'interview' && <InterviewModal referral={referral} onClose={close} />}
      {move === 'hire' && <HireModal referral={referral} offer={offer} onClose={close} />}
      {move === 'decline' && <DeclineModal referral={referral} onClose={close} />}
      {move === 'withdraw' && <WithdrawModal referral={referral} onClose={close} />}
    </Paper>
  );
}
