import { Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referralsListReferrals, referralsPropose } from '../../client/sdk.gen';
import type { OfferRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { numberLocale } from '../../lib/numbers';
import { fieldMap } from '../../lib/problem';
import { PersonPicker } from './PersonPicker';
import { alreadyProposed, MESSAGE_MAX_LENGTH, proposeProblems, type ProposeValues } from './referrals';
import { useReferralRefresh } from './ReferralMoves';

const FIELDS = fieldMap(['message'], { participant_id: 'participant' });

/** Propose a person of the caller's portfolio for an open offer, with a word to the employer. */
export function ProposeModal({ offer, onClose }: { offer: OfferRead; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useReferralRefresh();
  const form = useForm<ProposeValues>({
    initialValues: { participant: null, message: '' },
    validate: (values) => messages(proposeProblems(values)),
  });
  const { run, busy, alert } = useApiSubmit(form, FIELDS);
  // The offer's candidatures the caller can see: those of its own people, the ones it could pick.
  const existing = useQuery({
    queryKey: ['referrals', 'offer', offer.id, 'proposed'],
    queryFn: () => call(referralsListReferrals({ query: { offer_id: offer.id, limit: 200 } })),
  });
  const unavailable = alreadyProposed(existing.data?.items ?? [], (status) =>
    t('referrals.alreadyProposed', { status: t(`referralStatus.${status}`) }),
  );
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        referralsPropose({ body: { offer_id: offer.id, participant_id: values.participant?.id ?? '', message: values.message } }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('referrals.proposed', { name: values.participant?.name ?? '' }) });
      onClose();
    }),
  );
  const length = form.values.message.length;
  const format = new Intl.NumberFormat(numberLocale(i18n.language));
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('referrals.proposeTitle', { offer: offer.title })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} />
          <PersonPicker
            label={t('referrals.person')}
            description={t('referrals.personHelp')}
            value={form.values.participant}
            onChange={(value) => form.setFieldValue('participant', value)}
            error={form.errors.participant}
            unavailable={unavailable}
          />
          <Textarea
            label={t('referrals.message')}
            description={t('referrals.messageHelp', {
              typed: format.format(length),
              max: format.format(MESSAGE_MAX_LENGTH),
            })}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('message')}
          />
          <FormActions label={t('referrals.propose')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
