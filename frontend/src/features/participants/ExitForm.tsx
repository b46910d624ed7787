import { Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsCorrectPathwayExit, participantsExitPathway, participantsFollowUpPathway, participantsReopenPathway } from '../../client/sdk.gen';
import type { ExitCategory, ExitSituation, ParticipantRead, PathwayRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap, toApiError } from '../../lib/problem';
import { isoDay, notAfter, notBefore, notTooEarly, required } from '../../lib/validation';
import { day } from '../tenders/format';
import { exitCategory, lastStart, versionTag } from './pathwayForms';
import { usePathwayRefresh } from './StepForm';
import { EXIT_CATEGORIES, EXIT_CATEGORY, EXIT_SITUATIONS } from './vocabularies';

export type ExitMode = 'exit' | 'correctExit' | 'followUp';

type ExitValues = { date: string; situation: ExitSituation | null; category: ExitCategory | null };

/** Records the exit (once confirmed: it counts in the structure's results), corrects it
 * (If-Match on the pathway), or records the follow-up six months later. */
export function ExitForm({ participant, pathway, mode, onDone }: { participant: ParticipantRead; pathway: PathwayRead; mode: ExitMode; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const rule = useValidator();
  const today = todayIso();
  const followUp = mode === 'followUp';
  const correcting = mode === 'correctExit';
  const [confirming, setConfirming] = useState<ExitValues | null>(null);
  const form = useForm<ExitValues>({
    // No situation is chosen for the person: an exit counts in the structure's results.
    initialValues: correcting
      ? { date: pathway.exit_date ?? '', situation: pathway.exit_situation, category: pathway.exit_category }
      : followUp && pathway.follow_up_date
        ? // A follow-up already recorded is corrected from what it says.
          { date: pathway.follow_up_date, situation: pathway.follow_up_situation, category: pathway.follow_up_category }
        : { date: today, situation: null, category: null },
    validate: {
      date: rule(
        required, isoDay, notTooEarly, notAfter(today),
        followUp ? notBefore(pathway.follow_up_due, 'validation.followUpTooEarly') : notBefore(lastStart(pathway), 'validation.exitBeforeLastStep'),
      ),
      situation: (value) => (value ? null : t('validation.required')),
      category: (value, values) => (values.situation && EXIT_CATEGORY[values.situation] === null && !value ? t('validation.required') : null),
    },
  });
  const derived = form.values.situation ? EXIT_CATEGORY[form.values.situation] : undefined;
  // The API names the date after the form (exit or follow-up); the one date input shows it.
  const { busy, run, alert } = useApiSubmit(
    form,
    fieldMap(['situation', ...(derived ? [] : ['category'])], { exit_date: 'date', follow_up_date: 'date' }),
  );
  const send = (v: ExitValues) =>
    run(async () => {
      setConfirming(null);
      const path = { participant_id: participant.id, pathway_id: pathway.id };
      const situation = v.situation as ExitSituation;
      const category = exitCategory(v.situation, v.category);
      if (followUp) {
        await call(participantsFollowUpPathway({ path, body: { follow_up_date: v.date, situation, category } }));
      } else if (correcting) {
        await call(participantsCorrectPathwayExit({ path, headers: { 'If-Match': versionTag(pathway) }, body: { exit_date: v.date, situation, category } }));
        notifications.show({ color: 'green', message: t('participants.exitCorrected') });
      } else {
        await call(participantsExitPathway({ path, body: { exit_date: v.date, situation, category } }));
      }
      await refresh();
      onDone();
    });
  // An exit (new or corrected) is confirmed first, naming what will be recorded.
  const submit = form.onSubmit((v) => (followUp ? void send(v) : setConfirming(v)));
  const label = followUp ? t('participants.followUp') : correcting ? t('participants.saveExit') : t('participants.exit');
  const shownCategory = (v: ExitValues) => {
    const category = v.situation ? (EXIT_CATEGORY[v.situation] ?? v.category) : null;
    return category ? t(`exitCategories.${category}`) : '';
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} onReload={() => void refresh().then(onDone)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={followUp ? t('participants.followUpDate') : t('participants.exitDate')} required {...form.getInputProps('date')} />
          <Select label={followUp ? t('participants.followUpSituation') : t('participants.situation')} required placeholder={t('participants.situationPlaceholder')} allowDeselect={false} data={EXIT_SITUATIONS.map((value) => ({ value, label: t(`exitSituations.${value}`) }))} {...form.getInputProps('situation')} />
          {derived || !form.values.situation ? (
            derived && <Text mt={28} data-testid="derived-category">{t('participants.categoryDerived', { category: t(`exitCategories.${derived}`) })}</Text>
          ) : (
            <Select label={t('participants.category')} required data={EXIT_CATEGORIES.map((value) => ({ value, label: t(`exitCategories.${value}`) }))} {...form.getInputProps('category')} />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>{label}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={correcting ? t('participants.saveExit') : t('participants.exit')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        {confirming && (
          <Stack>
            <Text data-testid="exit-confirm">
              {t(correcting ? 'participants.correctExitConfirm' : 'participants.exitConfirm', {
                date: day(confirming.date),
                situation: confirming.situation ? t(`exitSituations.${confirming.situation}`) : '',
                category: shownCategory(confirming),
              })}
            </Text>
            <Group>
              <Button onClick={() => void send(confirming)}>{t('participants.confirmExit')}</Button>
              <Button variant="subtle" onClick={() => setConfirming(null)}>{t('app.back')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </form>
  );
}

/** Reopens a pathway whose exit was recorded by mistake, once confirmed (If-Match). */
export function ReopenModal({ participant, pathway, onClose }: { participant: ParticipantRead; pathway: PathwayRead; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reopen = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(participantsReopenPathway({ path: { participant_id: participant.id, pathway_id: pathway.id }, headers: { 'If-Match': versionTag(pathway) } }));
      await refresh();
      notifications.show({ color: 'green', message: t('participants.reopened') });
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('participants.reopen')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <ProblemAlert error={error} onReload={() => void refresh().then(onClose)} />
        <Text>{t('participants.reopenConfirm', { date: pathway.exit_date ? day(pathway.exit_date) : '' })}</Text>
        <Group>
          <Button color="red.9" loading={busy} onClick={() => void reopen()}>{t('participants.reopen')}</Button>
          <Button variant="subtle" onClick={onClose}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
