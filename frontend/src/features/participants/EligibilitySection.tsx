import { Alert, Badge, Button, Card, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import {
  clauseSettingsReadClauseSettings,
  participantsListEligibility,
  participantsValidateEligibility,
  participantsWithdrawEligibility,
} from '../../client/sdk.gen';
import type { Criterion, EligibilityRead, EvidenceType, MinimumIncomeKind, OpinionSource, ParticipantRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { isoDay, maxLength, minLength, notAfter, notBefore, notTooEarly, required } from '../../lib/validation';
import { day } from '../tenders/format';
import { CRITERIA, EVIDENCE_TYPES, INCOME_KINDS, OPINION_SOURCES } from './vocabularies';
import { DataTable } from '../../components/DataTable';

interface Values {
  criterion: Criterion | null;
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
      // No criterion is chosen for the facilitator: the validation is their decision.
      criterion: null,
      validated_on: today,
      evidence_type: null,
      evidence_date: '',
      minimum_income_kind: null,
      opinion_source: null,
    },
    // The server's bounds (participants/schemas.py, eligibility.py), so every error shows at once.
    validate: {
      criterion: (value) => (value ? null : t('validation.required')),
      validated_on: rule(required, isoDay, notTooEarly, notAfter(today), notBefore(participant.birth_date, 'validation.beforeBirth')),
      evidence_date: (value, values) =>
        rule(isoDay, notTooEarly, notAfter(today))(value) ??
        (value && values.validated_on && value > values.validated_on ? t('validation.evidenceAfterValidation') : null),
      minimum_income_kind: (value, values) => (values.criterion === 'minimum_income' && !value ? t('validation.required') : null),
      opinion_source: (value, values) => (values.criterion === 'facilitator_validated' && !value ? t('validation.required') : null),
    },
  });
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
            criterion: values.criterion as Criterion,
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
          <Select label={t('participants.criterion')} required placeholder={t('participants.criterionPlaceholder')} allowDeselect={false} data={criteria.map((value) => ({ value, label: t(`criteria.${value}`) }))} {...form.getInputProps('criterion')} />
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

/** Withdraws a validation made in error, with the reason (kept in the history). */
function WithdrawModal({ participant, validation, onClose }: { participant: ParticipantRead; validation: EligibilityRead; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rule = useValidator();
  // The server's bounds on the reason (participants/schemas.py `EligibilityWithdrawal`).
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: rule(required, minLength(10), maxLength(2000)) } });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['reason']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        participantsWithdrawEligibility({
          path: { participant_id: participant.id, validation_id: validation.id },
          body: { reason: values.reason.trim() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['participant', participant.id] });
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.withdrawn') });
      onClose();
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('participants.withdrawTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('participants.withdrawNote')}</Text>
          <ProblemAlert {...alert} />
          <Textarea label={t('participants.withdrawReason')} required autosize minRows={3} maxLength={2000} data-autofocus {...form.getInputProps('reason')} />
          <Group>
            <Button type="submit" color="red.9" loading={busy}>{t('participants.withdrawTitle')}</Button>
            <Button variant="subtle" onClick={onClose}>{t('app.cancel')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function withdrawal(row: EligibilityRead, t: (key: string, values?: Record<string, string>) => string) {
  if (!row.withdrawn_on) return null;
  const date = day(row.withdrawn_on);
  return row.withdrawal_reason
    ? t('participants.withdrawnLine', { date, name: row.withdrawn_by?.full_name ?? '—', reason: row.withdrawal_reason })
    : t('participants.withdrawnShort', { date });
}

/** Eligibility: status for everyone allowed, sensitive criteria masked until an audited reveal. */
export function EligibilitySection({ participant }: { participant: ParticipantRead }) {
  const { t } = useTranslation();
  const { actions } = participant;
  const [reveal, setReveal] = useState(false);
  const [validating, setValidating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EligibilityRead | null>(null);
  const history = useQuery({
    queryKey: ['participant', participant.id, 'eligibility', reveal],
    queryFn: () => call(participantsListEligibility({ path: { participant_id: participant.id }, query: { reveal } })),
  });
  const status = participant.eligibility;
  const hasMasked = (history.data ?? []).some((row) => row.masked);
  const withdrawals = (history.data ?? []).some((row) => row.actions.withdraw || row.withdrawn_on);
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
            columns={[
              t('participants.criterionColumn'), t('participants.validatedOn'), t('participants.validUntil'), t('participants.evidence'),
              ...(withdrawals ? [t('participants.withdrawalColumn')] : []),
            ]}
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
                ...(withdrawals
                  ? [
                      row.withdrawn_on ? (
                        <Text size="sm" c="red.9" data-testid="withdrawn">{withdrawal(row, t)}</Text>
                      ) : row.actions.withdraw ? (
                        <Button size="xs" variant="subtle" color="red.9" aria-label={t('participants.withdrawAria', { date: day(row.validated_on) })} onClick={() => setWithdrawing(row)}>
                          {t('participants.withdraw')}
                        </Button>
                      ) : '—',
                    ]
                  : []),
              ],
            }))}
          />
        </Paper>
      )}
      {withdrawing && <WithdrawModal participant={participant} validation={withdrawing} onClose={() => setWithdrawing(null)} />}
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
