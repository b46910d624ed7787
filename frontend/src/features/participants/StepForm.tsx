import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsAddPathwayStep, participantsDeletePathwayStep, participantsEditPathwayStep, participantsListClausePositions } from '../../client/sdk.gen';
import type { ParticipantRead, PathwayRead, StepRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap, toApiError } from '../../lib/problem';
import { hours, isoDay, notAfter, notBefore, notTooEarly, notTooFar, required } from '../../lib/validation';
import { day, integer } from '../tenders/format';
import { stepBody, stepValues, versionTag } from './pathwayForms';
import { CONTRACT_KINDS, CONTRACT_STEPS, QUALIFICATION_LEVELS, STEP_KINDS } from './vocabularies';

const STEP_FIELDS = ['kind', 'start_date', 'end_date', 'qualification_level', 'contract_kind', 'employer', 'hours_per_week', 'lot_id', 'enterprise_id'];

export function usePathwayRefresh(participantId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['participant', participantId] });
    await queryClient.invalidateQueries({ queryKey: ['participants'] });
  };
}

/** Adds a step to an open pathway, or corrects `step` (PATCH, If-Match on the step). */
export function StepForm({ participant, pathway, step, onDone }: { participant: ParticipantRead; pathway: PathwayRead; step?: StepRead; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const rule = useValidator();
  const today = todayIso();
  const form = useForm({
    initialValues: stepValues(step),
    // The server's bounds (pathway_schemas.py, pathways.py), so every error shows at once.
    // Steps may come in any order (they are shown by start date): only the entry bounds them.
    validate: {
      kind: (value) => (value ? null : t('validation.required')),
      start_date: rule(required, isoDay, notTooEarly, notAfter(today), notBefore(pathway.entry_date, 'validation.stepBeforeEntry')),
      end_date: (value, values) =>
        rule(isoDay, notTooEarly, notTooFar(today))(value) ??
        (value && values.start_date && value < values.start_date ? t('validation.endBeforeStart') : null),
      contract_kind: (value, values) => (values.kind && CONTRACT_STEPS.includes(values.kind) && !value ? t('validation.required') : null),
      hours_per_week: (value, values) => (values.kind && CONTRACT_STEPS.includes(values.kind) ? rule(required, hours)(value) : null),
      lot_id: (value, values) => (values.kind === 'clause_assignment' && !value ? t('validation.required') : null),
      enterprise_id: (value, values) => (values.kind === 'clause_assignment' && !value ? t('validation.required') : null),
    },
  });
  const kind = form.values.kind;
  const contract = kind !== null && CONTRACT_STEPS.includes(kind);
  const assignment = kind === 'clause_assignment';
  // Only the inputs on screen show their errors; the employer of an assignment is the lot's.
  const shown = STEP_FIELDS.filter(
    (name) =>
      (name !== 'qualification_level' || kind === 'training') &&
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
      const path = { participant_id: participant.id, pathway_id: pathway.id };
      const body = stepBody(v, position);
      if (step) {
        await call(participantsEditPathwayStep({ path: { ...path, step_id: step.id }, headers: { 'If-Match': versionTag(step) }, body }));
        notifications.show({ color: 'green', message: t('participants.stepCorrected') });
      } else {
        await call(participantsAddPathwayStep({ path, body }));
      }
      await refresh();
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label={step ? t('participants.editStep') : t('participants.addStep')}>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} onReload={() => void refresh().then(onDone)} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('participants.stepKind')}
            required
            placeholder={t('participants.stepKindPlaceholder')}
            allowDeselect={false}
            data={STEP_KINDS.map((value) => ({ value, label: t(`stepKinds.${value}`) }))}
            {...form.getInputProps('kind')}
          />
          <DateField label={t('participants.startDate')} required {...form.getInputProps('start_date')} />
          <DateField label={t('participants.endDate')} {...form.getInputProps('end_date')} />
          {kind === 'training' && (
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
          <Button type="submit" loading={busy}>{step ? t('participants.saveStep') : t('participants.addStep')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Removes a step entered by mistake, once confirmed, with an optional reason (audited). */
export function DeleteStepModal({ participant, pathway, step, onClose }: { participant: ParticipantRead; pathway: PathwayRead; step: StepRead; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = usePathwayRefresh(participant.id);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call(
        participantsDeletePathwayStep({
          path: { participant_id: participant.id, pathway_id: pathway.id, step_id: step.id },
          headers: { 'If-Match': versionTag(step) },
          body: { reason: reason.trim() },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('participants.stepDeleted') });
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('participants.deleteStep')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <ProblemAlert error={error} onReload={() => void refresh().then(onClose)} />
        <Text>{t('participants.deleteStepConfirm', { kind: t(`stepKinds.${step.kind}`), date: day(step.start_date) })}</Text>
        <Textarea label={t('participants.deleteStepReason')} maxLength={500} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
        <Group>
          <Button color="red.9" loading={busy} onClick={() => void remove()}>{t('participants.deleteStep')}</Button>
          <Button variant="subtle" onClick={onClose}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
