import { Anchor, Button, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { participantsAmendPathway, participantsListPathways, participantsStartPathway } from '../../client/sdk.gen';
import type { ParticipantRead, PathwayRead, StepRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { isoDay, notAfter, notAfterDay, notBefore, notTooEarly, required } from '../../lib/validation';
import { day, number } from '../tenders/format';
import { useAuth } from '../auth/AuthProvider';
import { type ExitMode, ExitForm, ReopenModal } from './ExitForm';
import { versionTag } from './pathwayForms';
import { DeleteStepModal, StepForm, usePathwayRefresh } from './StepForm';

/** An entry date's checks, the server's (pathways.py `_check_entry`): every error at once. */
function useEntryRule(participant: ParticipantRead, previousExit: string | null, firstStep?: string) {
  const rule = useValidator();
  const today = todayIso();
  return rule(
    required, isoDay, notTooEarly, notAfter(today),
    notBefore(participant.birth_date, 'validation.entryBeforeBirth'),
    notBefore(previousExit, 'validation.entryBeforePreviousExit'),
    notAfterDay(firstStep, 'validation.entryAfterFirstStep'),
  );
}

/** The latest exit of the person's other pathways (a new entry may not precede it). */
function previousExit(pathways: PathwayRead[], except?: string): string | null {
  return pathways.reduce<string | null>(
    (latest, p) => (p.id !== except && p.exit_date && (!latest || p.exit_date > latest) ? p.exit_date : latest),
    null,
  );
}

/** Opens a pathway on an entry date (today unless said otherwise). */
function StartForm({ participant, pathways }: { participant: ParticipantRead; pathways: PathwayRead[] }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const entryRule = useEntryRule(participant, previousExit(pathways));
  const form = useForm({
    initialValues: { entry_date: todayIso() },
    validate: { entry_date: entryRule },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['entry_date']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(participantsStartPathway({ path: { participant_id: participant.id }, body: { entry_date: values.entry_date } }));
      await refresh();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="sm">
        <ProblemAlert {...alert} />
        <Group align="start">
          <DateField label={t('participants.entryDate')} required w={200} {...form.getInputProps('entry_date')} />
          <Button type="submit" loading={busy} mt={25}>{t('participants.openPathway')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Corrects an open pathway's entry date (If-Match on the pathway's version). */
function EntryForm({ participant, pathway, pathways, onDone }: { participant: ParticipantRead; pathway: PathwayRead; pathways: PathwayRead[]; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const entryRule = useEntryRule(participant, previousExit(pathways, pathway.id), pathway.steps[0]?.start_date);
  const form = useForm({ initialValues: { entry_date: pathway.entry_date }, validate: { entry_date: entryRule } });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['entry_date']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        participantsAmendPathway({
          path: { participant_id: participant.id, pathway_id: pathway.id },
          headers: { 'If-Match': versionTag(pathway) },
          body: { entry_date: values.entry_date },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('participants.entryCorrected') });
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="sm">
        <ProblemAlert {...alert} onReload={() => void refresh().then(onDone)} />
        <Group align="start">
          <DateField label={t('participants.entryDate')} required w={200} {...form.getInputProps('entry_date')} />
          <Button type="submit" loading={busy} mt={25}>{t('participants.saveEntry')}</Button>
          <Button variant="subtle" mt={25} onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type Editing =
  | { pathway: string; form: 'entry' | 'step' | ExitMode | 'reopen' }
  | { pathway: string; form: 'editStep' | 'deleteStep'; step: StepRead }
  | null;

/** One step of the timeline, what it held, and its corrections when they are allowed. */
function StepLine({ step, onEdit, onDelete }: { step: StepRead; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const what = `${t(`stepKinds.${step.kind}`)} — ${day(step.start_date)}`;
  return (
    <>
      <Text size="sm" c="dimmed">
        {day(step.start_date)}{step.end_date ? ` → ${day(step.end_date)}` : ''}
        {step.contract_kind && ` — ${t(`contractKinds.${step.contract_kind}`)}`}
        {step.employer && `, ${step.employer}`}
        {step.hours_per_week && `, ${t('participants.perWeek', { hours: number(step.hours_per_week) })}`}
        {step.lot && ` — ${step.lot.tender.reference} · ${t('participants.lotNumber', { number: step.lot.number })} ${step.lot.title}`}
        {step.qualification_level && ` — ${t('participants.level', { level: step.qualification_level })}`}
      </Text>
      {step.exception && (
        <Text size="sm" c="orange.9" fw={500} mt={2} data-testid="step-exception">
          {t('participants.onExceptionLine', { reason: step.exception.reason, name: step.exception.granted_by.full_name, date: day(step.exception.granted_on) })}
        </Text>
      )}
      {step.assignment_id && can('assignments:read') && (
        <Anchor component={Link} to={`/assignments/${step.assignment_id}`} size="sm" fw={600} aria-label={`${t('participants.viewAssignment')} : ${what}`}>
          {t('participants.viewAssignment')}
        </Anchor>
      )}
      {(step.actions.edit || step.actions.delete) && (
        <Group gap="xs" mt={2}>
          {step.actions.edit && <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`${t('participants.editStep')} : ${what}`}>{t('participants.editStep')}</Button>}
          {step.actions.delete && <Button size="compact-xs" variant="subtle" color="red.9" onClick={onDelete} aria-label={`${t('participants.deleteStep')} : ${what}`}>{t('participants.deleteStep')}</Button>}
        </Group>
      )}
    </>
  );
}

export function PathwaySection({ participant }: { participant: ParticipantRead }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const pathways = useQuery({
    queryKey: ['participant', participant.id, 'pathways'],
    queryFn: () => call(participantsListPathways({ path: { participant_id: participant.id } })),
  });
  const done = () => setEditing(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pathways-title">
      <Title order={2} size="h4" id="pathways-title">{t('participants.pathways')}</Title>
      <ProblemAlert error={pathways.error} />
      {participant.actions.start_pathway && <StartForm participant={participant} pathways={pathways.data ?? []} />}
      {pathways.data?.length === 0 && <Text size="sm" c="dimmed" mt="xs">{t('participants.noPathway')}</Text>}
      {(pathways.data ?? []).map((pathway) => {
        const mine = editing?.pathway === pathway.id ? editing : null;
        const stepForm = mine && (mine.form === 'editStep' || mine.form === 'deleteStep') ? mine : null;
        return (
          <Stack key={pathway.id} gap="xs" mt="md" data-testid="pathway">
            <Text fw={600}>
              {t('app.labelled', { label: t('participants.entryDate') })} {day(pathway.entry_date)} — {t(`pathwayStatus.${pathway.status}`)}
            </Text>
            <Timeline bulletSize={14} lineWidth={2} active={pathway.steps.length}>
              {pathway.steps.map((step) => (
                <Timeline.Item key={step.id} title={t(`stepKinds.${step.kind}`)} data-testid="pathway-step">
                  {stepForm?.form === 'editStep' && stepForm.step.id === step.id ? (
                    <StepForm participant={participant} pathway={pathway} step={step} onDone={done} />
                  ) : (
                    <StepLine
                      step={step}
                      onEdit={() => setEditing({ pathway: pathway.id, form: 'editStep', step })}
                      onDelete={() => setEditing({ pathway: pathway.id, form: 'deleteStep', step })}
                    />
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
            {pathway.exit_date && pathway.exit_situation && pathway.exit_category && (
              <Text size="sm" data-testid="exit">
                {t('participants.exited', { date: day(pathway.exit_date), situation: t(`exitSituations.${pathway.exit_situation}`), category: t(`exitCategories.${pathway.exit_category}`) })}
              </Text>
            )}
            {!pathway.follow_up_date && pathway.follow_up_due && pathway.follow_up_due > todayIso() && (
              <Text size="sm" c="dimmed" data-testid="follow-up-due">{t('participants.followUpDue', { date: day(pathway.follow_up_due) })}</Text>
            )}
            {pathway.follow_up_date && pathway.follow_up_situation && pathway.follow_up_category && (
              <Text size="sm">
                {t('participants.followedUp', { date: day(pathway.follow_up_date), situation: t(`exitSituations.${pathway.follow_up_situation}`), category: t(`exitCategories.${pathway.follow_up_category}`) })}
              </Text>
            )}
            {(!mine || mine.form === 'deleteStep' || mine.form === 'reopen') && (
              <Group>
                {pathway.actions.edit && <Button size="xs" variant="subtle" onClick={() => setEditing({ pathway: pathway.id, form: 'entry' })}>{t('participants.editEntry')}</Button>}
                {pathway.actions.add_step && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'step' })}>{t('participants.addStep')}</Button>}
                {pathway.actions.exit && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'exit' })}>{t('participants.exit')}</Button>}
                {pathway.actions.follow_up && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'followUp' })}>{pathway.follow_up_date ? t('participants.correctFollowUp') : t('participants.followUp')}</Button>}
                {pathway.actions.correct_exit && <Button size="xs" variant="subtle" onClick={() => setEditing({ pathway: pathway.id, form: 'correctExit' })}>{t('participants.correctExit')}</Button>}
                {pathway.actions.reopen && <Button size="xs" variant="subtle" color="red.9" onClick={() => setEditing({ pathway: pathway.id, form: 'reopen' })}>{t('participants.reopen')}</Button>}
              </Group>
            )}
            {mine?.form === 'step' && <StepForm participant={participant} pathway={pathway} onDone={done} />}
            {mine?.form === 'entry' && <EntryForm participant={participant} pathway={pathway} pathways={pathways.data ?? []} onDone={done} />}
            {(mine?.form === 'exit' || mine?.form === 'correctExit' || mine?.form === 'followUp') && (
              <ExitForm key={mine.form} participant={participant} pathway={pathway} mode={mine.form} onDone={done} />
            )}
            {mine?.form === 'reopen' && <ReopenModal participant={participant} pathway={pathway} onClose={done} />}
            {stepForm?.form === 'deleteStep' && <DeleteStepModal participant={participant} pathway={pathway} step={stepForm.step} onClose={done} />}
          </Stack>
        );
      })}
    </Card>
  );
}
