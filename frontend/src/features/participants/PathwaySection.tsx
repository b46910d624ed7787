import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import {
  participantsAddPathwayStep,
  participantsAmendPathway,
  participantsExitPathway,
  participantsListClausePositions,
  participantsFollowUpPathway,
  participantsListPathways,
  participantsStartPathway,
} from '../../client/sdk.gen';
import type { ContractKind, ExitCategory, ExitSituation, ParticipantRead, PathwayRead, QualificationLevel, StepKind } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { hours, isoDay, notAfter, notAfterDay, notBefore, notTooEarly, notTooFar, required } from '../../lib/validation';
import { day, integer, number } from '../tenders/format';
import { CONTRACT_KINDS, CONTRACT_STEPS, EXIT_CATEGORIES, EXIT_CATEGORY, EXIT_SITUATIONS, QUALIFICATION_LEVELS, STEP_KINDS } from './vocabularies';

const STEP_FIELDS = ['kind', 'start_date', 'end_date', 'qualification_level', 'contract_kind', 'employer', 'hours_per_week', 'lot_id', 'enterprise_id'];

function useRefresh(participantId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['participant', participantId] });
    await queryClient.invalidateQueries({ queryKey: ['participants'] });
  };
}

function StepForm({ participant, pathway, onDone }: { participant: ParticipantRead; pathway: PathwayRead; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(participant.id);
  const rule = useValidator();
  const today = todayIso();
  const form = useForm({
    initialValues: {
      kind: 'diagnosis' as StepKind, start_date: today, end_date: '', qualification_level: null as QualificationLevel | null,
      contract_kind: null as ContractKind | null, employer: '', hours_per_week: '', lot_id: '', enterprise_id: '',
    },
    // The server's bounds (pathway_schemas.py, pathways.py), so every error shows at once.
    validate: {
      start_date: rule(
        required, isoDay, notTooEarly, notAfter(today),
        notBefore(pathway.entry_date, 'validation.stepBeforeEntry'),
        notBefore(pathway.steps.at(-1)?.start_date, 'validation.stepOutOfOrder'),
      ),
      end_date: (value, values) =>
        rule(isoDay, notTooEarly, notTooFar(today))(value) ??
        (value && values.start_date && value < values.start_date ? t('validation.endBeforeStart') : null),
      contract_kind: (value, values) => (CONTRACT_STEPS.includes(values.kind) && !value ? t('validation.required') : null),
      hours_per_week: (value, values) =>
        CONTRACT_STEPS.includes(values.kind) ? rule(required, hours)(value) : null,
      lot_id: (value, values) => (values.kind === 'clause_assignment' && !value ? t('validation.required') : null),
      enterprise_id: (value, values) => (values.kind === 'clause_assignment' && !value ? t('validation.required') : null),
    },
  });
  const contract = CONTRACT_STEPS.includes(form.values.kind);
  const assignment = form.values.kind === 'clause_assignment';
  // Only the inputs on screen show their errors; the employer of an assignment is the lot's.
  const shown = STEP_FIELDS.filter(
    (name) =>
      (name !== 'qualification_level' || form.values.kind === 'training') &&
      (!['contract_kind', 'hours_per_week'].includes(name) || contract) &&
      (name !== 'employer' || (contract && !assignment)) &&
      (!['lot_id', 'enterprise_id'].includes(name) || assignment),
  );
  const { busy, run, alert } = useApiSubmit(form, fieldMap(shown));
  // Awarded clause lots of the person's structure, and who can employ on each.
  const positions = useQuery({
    queryKey: ['participant', participant.id, 'clause-positions'],
    queryFn: () => call(participantsListClausePositions({ path: { participant_id: participant.id } })),
    enabled: assignment,
  });
  const position = positions.data?.find((p) => p.lot_id === form.values.lot_id);
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call(
        participantsAddPathwayStep({
          path: { participant_id: participant.id, pathway_id: pathway.id },
          body: {
            kind: v.kind, start_date: v.start_date, end_date: v.end_date || null,
            qualification_level: v.kind === 'training' ? v.qualification_level : null,
            contract_kind: contract ? v.contract_kind : null,
            employer: assignment ? (position?.enterprises.find((e) => e.id === v.enterprise_id)?.name ?? null) : contract ? v.employer.trim() || null : null,
            hours_per_week: contract && v.hours_per_week ? v.hours_per_week.replace(',', '.') : null,
            lot_id: assignment ? v.lot_id || null : null,
            enterprise_id: assignment ? v.enterprise_id || null : null,
          },
        }),
      );
      await refresh();
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('participants.stepKind')} allowDeselect={false} data={STEP_KINDS.map((value) => ({ value, label: t(`stepKinds.${value}`) }))} {...form.getInputProps('kind')} />
          <DateField label={t('participants.startDate')} required {...form.getInputProps('start_date')} />
          <DateField label={t('participants.endDate')} {...form.getInputProps('end_date')} />
          {form.values.kind === 'training' && (
            <Select label={t('participants.qualificationLevel')} clearable data={QUALIFICATION_LEVELS.map((value) => ({ value, label: value }))} {...form.getInputProps('qualification_level')} />
          )}
          {contract && (
            <>
              <Select label={t('participants.contractKind')} required data={CONTRACT_KINDS.map((value) => ({ value, label: t(`contractKinds.${value}`) }))} {...form.getInputProps('contract_kind')} />
              {!assignment && <TextInput label={t('participants.employer')} {...form.getInputProps('employer')} />}
              <TextInput label={t('participants.hoursPerWeek')} description={t('participants.hoursPerWeekHelp')} required inputMode="decimal" {...form.getInputProps('hours_per_week')} />
            </>
          )}
        </SimpleGrid>
        {assignment && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('participants.clauseLot')}
              required
              searchable
              nothingFoundMessage={t('participants.noClauseLot')}
              description={positions.data?.length === 0 ? t('participants.noClauseLot') : undefined}
              data={(positions.data ?? []).map((p) => ({
                value: p.lot_id,
                label: `${p.tender_reference} · ${t('participants.lotNumber', { number: p.lot_number })} ${p.lot_title}${p.required_hours != null ? ` (${integer(p.required_hours)} h)` : ''}`,
              }))}
              {...form.getInputProps('lot_id')}
              onChange={(value) => {
                form.setFieldValue('lot_id', value ?? '');
                form.setFieldValue('enterprise_id', '');
              }}
            />
            <Select
              label={t('participants.clauseEmployer')}
              required
              disabled={!position}
              data={(position?.enterprises ?? []).map((e) => ({ value: e.id, label: `${e.name} (${t(`participants.employerRoles.${e.role}`)})` }))}
              {...form.getInputProps('enterprise_id')}
              onChange={(value) => form.setFieldValue('enterprise_id', value ?? '')}
            />
          </SimpleGrid>
        )}
        <Group>
          <Button type="submit" loading={busy}>{t('participants.addStep')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExitForm({ participant, pathway, followUp, onDone }: { participant: ParticipantRead; pathway: PathwayRead; followUp: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(participant.id);
  const rule = useValidator();
  const today = todayIso();
  const form = useForm({
    // No situation is chosen for the person: an exit counts in the structure's results.
    initialValues: { date: today, situation: null as ExitSituation | null, category: null as ExitCategory | null },
    validate: {
      date: rule(
        required, isoDay, notTooEarly, notAfter(today),
        followUp
          ? notBefore(pathway.follow_up_due, 'validation.followUpTooEarly')
          : notBefore(lastStart(pathway), 'validation.exitBeforeLastStep'),
      ),
      situation: (value) => (value ? null : t('validation.required')),
      category: (value, values) =>
        values.situation && EXIT_CATEGORY[values.situation] === null && !value ? t('validation.required') : null,
    },
  });
  const derived = form.values.situation ? EXIT_CATEGORY[form.values.situation] : undefined;
  // The API names the date after the form (exit or follow-up); the one date input shows it.
  const { busy, run, alert } = useApiSubmit(
    form,
    fieldMap(['situation', ...(derived ? [] : ['category'])], { exit_date: 'date', follow_up_date: 'date' }),
  );
  const submit = form.onSubmit((v) =>
    run(async () => {
      const path = { participant_id: participant.id, pathway_id: pathway.id };
      const situation = v.situation as ExitSituation;
      const category = derived ? null : v.category;
      if (followUp) {
        await call(participantsFollowUpPathway({ path, body: { follow_up_date: v.date, situation, category } }));
      } else {
        await call(participantsExitPathway({ path, body: { exit_date: v.date, situation, category } }));
      }
      await refresh();
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} />
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
          <Button type="submit" loading={busy}>{followUp ? t('participants.followUp') : t('participants.exit')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The latest day a pathway's exit may not precede: its entry, or its last step's start. */
function lastStart(pathway: PathwayRead): string {
  return pathway.steps.reduce((latest, step) => (step.start_date > latest ? step.start_date : latest), pathway.entry_date);
}

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
  const refresh = useRefresh(participant.id);
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
  const refresh = useRefresh(participant.id);
  const entryRule = useEntryRule(participant, previousExit(pathways, pathway.id), pathway.steps[0]?.start_date);
  const form = useForm({ initialValues: { entry_date: pathway.entry_date }, validate: { entry_date: entryRule } });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['entry_date']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        participantsAmendPathway({
          path: { participant_id: participant.id, pathway_id: pathway.id },
          headers: { 'If-Match': `"${pathway.id}.${pathway.version}"` },
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

type Editing = { pathway: string; form: 'entry' | 'step' | 'exit' | 'followUp' } | null;

export function PathwaySection({ participant }: { participant: ParticipantRead }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const pathways = useQuery({
    queryKey: ['participant', participant.id, 'pathways'],
    queryFn: () => call(participantsListPathways({ path: { participant_id: participant.id } })),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pathways-title">
      <Title order={2} size="h4" id="pathways-title">{t('participants.pathways')}</Title>
      <ProblemAlert error={pathways.error} />
      {participant.actions.start_pathway && <StartForm participant={participant} pathways={pathways.data ?? []} />}
      {pathways.data?.length === 0 && <Text size="sm" c="dimmed" mt="xs">{t('participants.noPathway')}</Text>}
      {(pathways.data ?? []).map((pathway) => (
        <Stack key={pathway.id} gap="xs" mt="md" data-testid="pathway">
          <Text fw={600}>
            {t('app.labelled', { label: t('participants.entryDate') })} {day(pathway.entry_date)} — {t(`pathwayStatus.${pathway.status}`)}
          </Text>
          <Timeline bulletSize={14} lineWidth={2} active={pathway.steps.length}>
            {pathway.steps.map((step) => (
              <Timeline.Item key={step.id} title={t(`stepKinds.${step.kind}`)}>
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
          {editing?.pathway !== pathway.id && (
            <Group>
              {pathway.actions.edit && <Button size="xs" variant="subtle" onClick={() => setEditing({ pathway: pathway.id, form: 'entry' })}>{t('participants.editEntry')}</Button>}
              {pathway.actions.add_step && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'step' })}>{t('participants.addStep')}</Button>}
              {pathway.actions.exit && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'exit' })}>{t('participants.exit')}</Button>}
              {pathway.actions.follow_up && <Button size="xs" variant="light" onClick={() => setEditing({ pathway: pathway.id, form: 'followUp' })}>{t('participants.followUp')}</Button>}
            </Group>
          )}
          {editing?.pathway === pathway.id && editing.form === 'step' && <StepForm participant={participant} pathway={pathway} onDone={() => setEditing(null)} />}
          {editing?.pathway === pathway.id && editing.form === 'entry' && (
            <EntryForm participant={participant} pathway={pathway} pathways={pathways.data ?? []} onDone={() => setEditing(null)} />
          )}
          {editing?.pathway === pathway.id && (editing.form === 'exit' || editing.form === 'followUp') && (
            <ExitForm participant={participant} pathway={pathway} followUp={editing.form === 'followUp'} onDone={() => setEditing(null)} />
          )}
        </Stack>
      ))}
    </Card>
  );
}
