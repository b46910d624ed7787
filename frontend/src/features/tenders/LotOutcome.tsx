import { Button, Group, Modal, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { tendersSetLotOutcome } from '../../client/sdk.gen';
import type { LotRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { todayIso } from '../../lib/dates';
import { isoDay, maxLength, minLength, notAfter, notTooEarly, required } from '../../lib/validation';
import { LENGTHS } from './checks';
import { day } from './format';
import { LOT_OUTCOMES, type OutcomeValues, outcomeBody, outcomeValues, REOPEN } from './lifecycle';
import { useLotRefresh } from './useLotRefresh';

const FIELDS = fieldMap(['outcome', 'decided_on', 'reason']);

/** The lot's decision as one line: « Infructueux le 12/03/2027 — motif ». */
export function OutcomeLine({ lot }: { lot: LotRead }) {
  const { t } = useTranslation();
  if (!lot.outcome) return null;
  return (
    <Text mt="xs" fw={500} data-testid="lot-outcome">
      {t('lots.outcomeLine', { outcome: t(`lotOutcomes.${lot.outcome}`), date: day(lot.outcome_on), reason: lot.outcome_reason ?? '' })}
    </Text>
  );
}

/** Declares the lot unsuccessful or abandoned (or changes that decision): its date and reason. */
export function OutcomeForm({ lot, etag, onDone, onReload }: { lot: LotRead; etag: string; onDone: () => void; onReload?: () => void }) {
  const { t } = useTranslation();
  const rule = useValidator();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const form = useForm<OutcomeValues>({
    initialValues: outcomeValues(lot),
    validate: {
      // The server's bounds, checked together: a day that has happened, a reason's length.
      decided_on: rule(required, isoDay, notTooEarly, notAfter(todayIso())),
      reason: rule(required, minLength(5), maxLength(LENGTHS.reason)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        tendersSetLotOutcome({
          path: { tender_id: lot.tender_id, lot_id: lot.id },
          headers: { 'If-Match': etag },
          body: outcomeBody(values),
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t(`lots.declared_${values.outcome}`) });
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t('lots.outcomeTitle')}>
      <Stack gap="sm" mt="md">
        <ProblemAlert {...alert} onReload={onReload} />
        <Radio.Group label={t('lots.outcome')} required {...form.getInputProps('outcome')}>
          <Stack gap="xs" mt="xs">
            {LOT_OUTCOMES.map((value) => (
              <Radio key={value} value={value} label={t(`lotOutcomes.${value}`)} description={t(`lotOutcomes.${value}Help`)} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('lots.decidedOn')} required {...form.getInputProps('decided_on')} />
        </SimpleGrid>
        <Textarea label={t('lots.outcomeReason')} required autosize minRows={2} {...form.getInputProps('reason')} />
        <FormActions label={lot.outcome ? t('app.save') : t('lots.declare')} busy={busy} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Reopens a lot closed without an awardee, once asked again (its decision is erased). */
export function ReopenButton({ lot, etag, onReload }: { lot: LotRead; etag: string; onReload?: () => void }) {
  const { t } = useTranslation();
  const refresh = useLotRefresh(lot.id, lot.tender_id);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reopen = async () => {
    setError(null);
    setBusy(true);
    try {
      await call(tendersSetLotOutcome({ path: { tender_id: lot.tender_id, lot_id: lot.id }, headers: { 'If-Match': etag }, body: REOPEN }));
      await refresh();
      notifications.show({ color: 'green', message: t('lots.reopened') });
      setConfirming(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="subtle" onClick={() => setConfirming(true)}>
        {t('lots.reopen')}
      </Button>
      <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={confirming} onClose={() => setConfirming(false)} title={t('lots.reopenTitle')}>
        <Stack>
          <ProblemAlert error={error} onReload={onReload} />
          <Text>
            {t('lots.reopenConfirm', { outcome: lot.outcome ? t(`lotOutcomes.${lot.outcome}`) : '', date: day(lot.outcome_on) })}
          </Text>
          <Group>
            <Button loading={busy} onClick={() => void reopen()}>
              {t('lots.reopen')}
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('app.goBack')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
