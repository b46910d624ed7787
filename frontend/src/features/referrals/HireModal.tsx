import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referralsHire } from '../../client/sdk.gen';
import type { OfferRead, ReferralRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { fieldMap } from '../../lib/problem';
import { needsEmployer, type TermsValues } from '../assignments/assignments';
import { TermsFields } from '../assignments/TermsFields';
import { day, number } from '../tenders/format';
import { versionTag } from '../participants/pathwayForms';
import { hireBody, hireDefaults, hireModes, hireProblems, personName } from './referrals';
import { useReferralRefresh } from './ReferralMoves';

export const TERMS_FIELDS = fieldMap(
  ['mode', 'contract_kind', 'start_date', 'planned_end_date', 'hours_per_week'],
  { employer_id: 'employer' },
);

/** The hire, on the offer's terms unless changed here, confirmed before it is sent. */
export function HireModal({ referral, offer, onClose }: { referral: ReferralRead; offer: OfferRead; onClose: () => void }) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useReferralRefresh();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<TermsValues>({
    initialValues: hireDefaults(offer),
    validate: (values) => messages(hireProblems(values)),
  });
  const { run, busy, alert } = useApiSubmit(form, TERMS_FIELDS);
  const name = personName(referral.person);
  const send = () =>
    run(async () => {
      await call(
        referralsHire({
          path: { referral_id: referral.id },
          body: hireBody(form.values),
          headers: { 'If-Match': versionTag(referral) },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('referrals.hired', { name }) });
      onClose();
    }).then(() => setConfirming(false));
  const { values } = form;
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('referrals.hireTitle', { name })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          {confirming ? (
            <>
              <Text fw={500} role="alert" data-testid="hire-confirm">
                {t('referrals.hireConfirm', {
                  name,
                  offer: offer.title,
                  mode: t(`fulfilmentModes.${values.mode}`),
                  date: day(values.start_date),
                  hours: number(values.hours_per_week.replace(/\s/g, '').replace(',', '.')),
                })}
                {needsEmployer(values.mode) && values.employer && ` ${t('referrals.hireConfirmEmployer', { employer: values.employer.name })}`}
              </Text>
              <Group>
                <Button loading={busy} onClick={() => void send()}>{t('referrals.confirmHire')}</Button>
                <Button variant="subtle" onClick={() => setConfirming(false)}>{t('app.goBack')}</Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm" c="dimmed">{t('referrals.hireIntro')}</Text>
              <TermsFields form={form as UseFormReturnType<TermsValues>} modes={hireModes(offer.lot !== null)} />
              <FormActions label={t('referrals.hire')} busy={busy} onCancel={onClose} />
            </>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
