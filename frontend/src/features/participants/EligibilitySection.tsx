import { Alert, Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import { clauseSettingsReadClauseSettings, participantsListEligibility, participantsValidateEligibility } from '../../client/sdk.gen';
import type { Criterion, EvidenceType, MinimumIncomeKind, OpinionSource, ParticipantRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { isoDay, notAfter, required } from '../../lib/validation';
import { day } from '../tenders/format';
import { CRITERIA, EVIDENCE_TYPES, INCOME_KINDS, OPINION_SOURCES } from './vocabularies';
import { DataTable } from '../../components/DataTable';

interface Values {
  criterion: Criterion;
  validated_on: string;
  evidence_type: EvidenceType | null;
  evidence_date: string;
  minimum_income_kind: MinimumIncomeKind | null;
  opinion_source: OpinionSource | null;
}

function ValidationForm({ participant, onDone }: { participant: ParticipantRead; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // Only the criteria the structure validates against (its clause settings).
  const settings = useQuery({ queryKey: ['clause-settings', 'values'], queryFn: () => callWithETag(clauseSettingsReadClauseSettings()) });
  const enabled = settings.data?.data.enabled_criteria ?? CRITERIA;
  const criteria = CRITERIA.filter((value) => enabled.includes(value));
  const rule = useValidator();
  const today = todayIso();
  const form = useForm<Values>({
    initialValues: {
      criterion: 'long_term_jobseeker',
      validated_on: today,
      evidence_type: null,
      evidence_date: '',
      minimum_income_kind: null,
      opinion_source: null,
    },
    validate: {
      validated_on: rule(required, isoDay, notAfter(today)),
      evidence_date: (value, values) =>
        rule(isoDay)(value) ??
        (value && values.validated_on && value > values.validated_on ? t('validation.evidenceAfterValidation') : null),
      minimum_income_kind: (value, values) => (values.criterion === 'minimum_income' && !value ? t('validation.required') : null),
      opinion_source: (value, values) => (values.criterion === 'facilitator_validated' && !value ? t('validation.required') : null),
    },
  });
  const firstEnabled = criteria[0];
  const chosen = form.values.criterion;
  useEffect(() => {
    if (firstEnabled && !criteria.includes(chosen)) form.setFieldValue('criterion', firstEnabled);
  }, [firstEnabled, chosen, criteria, form]);
  const shown = [
    'criterion', 'validated_on', 'evidence_type', 'evidence_date',
    ...(form.values.criterion === 'minimum_income' ? ['minimum_income_kind'] : []),
    ...(form.values.criterion === 'facilitator_validated' ? ['opinion_source'] : []),
  ];
  const { busy, run, alert } = useApiSubmit(form, fieldMap(shown));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        participantsValidateEligibility({
          path: { participant_id: participant.id },
          body: {
            criterion: values.criterion,
            validated_on: values.validated_on,
            evidence_type: values.evidence_type,
            evidence_date: values.evidence_date || null,
            minimum_income_kind: values.criterion === 'minimum_income' ? values.minimum_income_kind : null,
            opinion_source: values.criterion === 'facilitator_validated' ? values.opinion_source : null,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['participant', participant.id] });
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.validated') });
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('participants.criterion')} allowDeselect={false} data={criteria.map((value) => ({ value, label: t(`criteria.${value}`) }))} {...form.getInputProps('criterion')} />
          <DateField label={t('participants.validatedOn')} required {...form.getInputProps('validated_on')} />
          <Select label={t('participants.evidence')} clearable data={EVIDENCE_TYPES.map((value) => ({ value, label: t(`evidenceTypes.${value}`) }))} {...form.getInputProps('evidence_type')} />
          <DateField label={t('participants.evidenceDate')} {...form.getInputProps('evidence_date')} />
          {form.values.criterion === 'minimum_income' && (
            <Select label={t('participants.incomeKind')} required data={INCOME_KINDS.map((value) => ({ value, label: t(`incomeKinds.${value}`) }))} {...form.getInputProps('minimum_income_kind')} />
          )}
          {form.values.criterion === 'facilitator_validated' && (
            <Select label={t('participants.opinionSource')} required data={OPINION_SOURCES.map((value) => ({ value, label: t(`opinionSources.${value}`) }))} {...form.getInputProps('opinion_source')} />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>{t('participants.validate')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Eligibility: status for everyone allowed, sensitive criteria masked until an audited reveal. */
export function EligibilitySection({ participant }: { participant: ParticipantRead }) {
  const { t } = useTranslation();
  const { actions } = participant;
  const [reveal, setReveal] = useState(false);
  const [validating, setValidating] = useState(false);
  const history = useQuery({
    queryKey: ['participant', participant.id, 'eligibility', reveal],
    queryFn: () => call(participantsListEligibility({ path: { participant_id: participant.id }, query: { reveal } })),
  });
  const status = participant.eligibility;
  const hasMasked = (history.data ?? []).some((row) => row.masked);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="eligibility-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="eligibility-title">{t('participants.eligibility')}</Title>
        {actions.validate_eligibility && !validating && <Button variant="light" onClick={() => setValidating(true)}>{t('participants.validate')}</Button>}
      </Group>
      <Text mt="xs" fw={600} data-testid="eligibility-status">
        {status.eligible && status.valid_until ? t('participants.eligibleYes', { date: day(status.valid_until) }) : t('participants.eligibleNo')}
      </Text>
      {validating && <ValidationForm participant={participant} onDone={() => setValidating(false)} />}
      <ProblemAlert error={history.error} />
      {history.data && history.data.length === 0 && <Text size="sm" c="dimmed" mt="xs">{t('participants.noEligibility')}</Text>}
      {history.data && history.data.length > 0 && (
        <Paper withBorder mt="sm">
          <DataTable
            caption={t('participants.eligibility')}
            columns={[t('participants.criterionColumn'), t('participants.validatedOn'), t('participants.validUntil'), t('participants.evidence')]}
            minWidth={560}
            striped={false}
            rows={history.data.map((row) => ({
              key: row.id,
              cells: [
                <>
                  {row.criterion ? t(`criteria.${row.criterion}`) : <Text span c="dimmed" fs="italic">{t('participants.masked')}</Text>}
                  {row.minimum_income_kind && ` (${t(`incomeKinds.${row.minimum_income_kind}`)})`}
                  {row.opinion_source && ` — ${t(`opinionSources.${row.opinion_source}`)}`}
                  {row.current && <Badge ml="xs" size="xs" color="green" variant="light" aria-label={t('participants.currentValidation')}>✓</Badge>}
                </>,
                day(row.validated_on),
                day(row.valid_until),
                row.evidence_type ? t(`evidenceTypes.${row.evidence_type}`) : '—',
              ],
            }))}
          />
        </Paper>
      )}
      {hasMasked && !reveal && actions.reveal && (
        <Alert variant="light" color="gray" mt="sm">
          <Group justify="space-between">
            <Text size="sm">{t('participants.revealNote')}</Text>
            <Button size="xs" variant="outline" onClick={() => setReveal(true)}>{t('participants.reveal')}</Button>
          </Group>
        </Alert>
      )}
    </Card>
  );
}
