import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referralsDecline, referralsInterview, referralsWithdraw } from '../../client/sdk.gen';
import type { DeclineReason, ReferralRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { fieldMap } from '../../lib/problem';
import { firstProblems } from '../../lib/formChecks';
import { required } from '../../lib/validation';
import { versionTag } from '../participants/pathwayForms';
import { DECLINE_REASONS, interviewProblems, personName } from './referrals';

/** After a move: the lists of referrals, the offer (a hire may fill it) and the missions. */
export function useReferralRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [['referrals'], ['offer'], ['offers'], ['assignments']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  };
}

interface MoveProps {
  referral: ReferralRead;
  onClose: () => void;
}

const modalProps = (onClose: () => void, title: string, close: string) => ({
  opened: true,
  onClose,
  title,
  closeButtonProps: { 'aria-label': close },
});

/** The employer meets the person: the day of the interview (planned or held). */
export function InterviewModal({ referral, onClose }: MoveProps) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useReferralRefresh();
  const form = useForm({
    initialValues: { interview_on: referral.interview_on ?? '' },
    validate: (values) => messages(interviewProblems(values)),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['interview_on']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(referralsInterview({ path: { referral_id: referral.id }, body: values, headers: { 'If-Match': versionTag(referral) } }));
      await refresh();
      notifications.show({ color: 'green', message: t('referrals.interviewSaved') });
      onClose();
    }),
  );
  return (
    <Modal {...modalProps(onClose, t('referrals.interviewTitle', { name: personName(referral.person) }), t('app.close'))}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <DateField label={t('referrals.interviewOn')} required {...form.getInputProps('interview_on')} />
          <FormActions label={t('referrals.interview')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The employer does not go on: the reason (said to the referent), confirmed before it is sent. */
export function DeclineModal({ referral, onClose }: MoveProps) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useReferralRefresh();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<{ reason: DeclineReason | null }>({
    initialValues: { reason: null },
    validate: (values) => messages(firstProblems({ reason: [values.reason ?? '', [required]] })),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['reason']));
  const send = () =>
    run(async () => {
      await call(
        referralsDecline({
          path: { referral_id: referral.id },
          body: { reason: form.values.reason as DeclineReason },
          headers: { 'If-Match': versionTag(referral) },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('referrals.declined') });
      onClose();
    }).then(() => setConfirming(false));
  const name = personName(referral.person);
  return (
    <Modal {...modalProps(onClose, t('referrals.declineTitle', { name }), t('app.close'))}>
      <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <Select
            label={t('referrals.declineReason')}
            description={t('referrals.declineReasonHelp')}
            required
            readOnly={confirming}
            data={DECLINE_REASONS.map((value) => ({ value, label: t(`declineReasons.${value}`) }))}
            {...form.getInputProps('reason')}
            comboboxProps={{ withinPortal: true }}
          />
          {confirming ? (
            <>
              <Text fw={500} role="alert">{t('referrals.declineConfirm', { name })}</Text>
              <Group>
                <Button color="red.9" loading={busy} onClick={() => void send()}>{t('referrals.confirmDecline')}</Button>
                <Button variant="subtle" onClick={() => setConfirming(false)}>{t('app.goBack')}</Button>
              </Group>
            </>
          ) : (
            <FormActions label={t('referrals.decline')} busy={busy} onCancel={onClose} />
          )}
        </Stack>
      </form>
    </Modal>
  );
}

/** The proposer takes the person back (no reason asked: it would tell of their situation). */
export function WithdrawModal({ referral, onClose }: MoveProps) {
  const { t } = useTranslation();
  const refresh = useReferralRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(referralsWithdraw({ path: { referral_id: referral.id }, body: {}, headers: { 'If-Match': versionTag(referral) } }));
      await refresh();
      notifications.show({ color: 'green', message: t('referrals.withdrawn') });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const name = personName(referral.person);
  return (
    <Modal {...modalProps(onClose, t('referrals.withdrawTitle', { name }), t('app.close'))}>
      <Stack>
        <ProblemAlert error={error} onReload={() => void refresh().then(onClose)} />
        <Text>{t('referrals.withdrawConfirm', { name, offer: referral.offer.title })}</Text>
        <Group>
          <Button color="red.9" loading={busy} onClick={() => void withdraw()}>{t('referrals.withdraw')}</Button>
          <Button variant="subtle" onClick={onClose}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
