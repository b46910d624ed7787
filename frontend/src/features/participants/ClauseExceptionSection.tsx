import { Button, Card, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import {
  participantsGrantClauseException,
  participantsListClauseExceptions,
  participantsListClausePositions,
} from '../../client/sdk.gen';
import type { ParticipantRead } from '../../client/types.gen';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert } from '../../components/Feedback';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { minLength, required } from '../../lib/validation';
import { day, integer } from '../tenders/format';

/** The API's bounds on an exception's reason (ClauseExceptionCreate). */
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2000;

/** A lot an exception can be granted for, as the lot picker names it. */
interface ClauseLot {
  lot_id: string;
  tender_reference: string;
  lot_number: number;
  lot_title: string;
  required_hours: number | null;
}

/** The structure's awarded clause lots, as the step form lists them (the API serves them to
 * the person's referent and to the structure's facilitator). */
async function clauseLots(participantId: string): Promise<ClauseLot[]> {
  return call(participantsListClausePositions({ path: { participant_id: participantId } }));
}

function GrantForm({ participant, lots, onDone }: { participant: ParticipantRead; lots: ClauseLot[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rule = useValidator();
  const form = useForm({
    initialValues: { lot_id: '', reason: '' },
    validate: {
      lot_id: (value) => (value ? null : t('validation.required')),
      reason: rule(required, minLength(REASON_MIN_LENGTH)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['lot_id', 'reason']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        participantsGrantClauseException({
          path: { participant_id: participant.id },
          body: { lot_id: values.lot_id, reason: values.reason.trim() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['participant', participant.id] });
      notifications.show({ color: 'green', message: t('participants.exceptionGranted') });
      onDone();
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" mt="sm">
        <ProblemAlert {...alert} />
        <Select
          label={t('participants.clauseLot')}
          required
          searchable
          nothingFoundMessage={t('participants.noClauseLot')}
          description={lots.length === 0 ? t('participants.noClauseLot') : undefined}
          data={lots.map((lot) => ({ value: lot.lot_id, label: lotLabel(t, lot) }))}
          {...form.getInputProps('lot_id')}
          onChange={(value) => form.setFieldValue('lot_id', value ?? '')}
        />
        <Textarea
          label={t('participants.exceptionReason')}
          description={t('participants.exceptionReasonHelp', { count: REASON_MIN_LENGTH })}
          required
          autosize
          minRows={2}
          maxLength={REASON_MAX_LENGTH}
          {...form.getInputProps('reason')}
        />
        <Group>
          <Button type="submit" loading={busy}>{t('participants.grantException')}</Button>
          <Button variant="subtle" onClick={onDone}>{t('app.cancel')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

function lotLabel(t: Translate, lot: ClauseLot): string {
  const hours = lot.required_hours != null ? ` (${integer(lot.required_hours)} h)` : '';
  return `${lot.tender_reference} · ${t('participants.lotNumber', { number: lot.lot_number })} ${lot.lot_title}${hours}`;
}

/** The facilitator's exceptions to the clause entry rules for this person, and the form that
 * grants one (offered when the read allows `grant_clause_exception`). */
export function ClauseExceptionSection({ participant }: { participant: ParticipantRead }) {
  const { t } = useTranslation();
  const [granting, setGranting] = useState(false);
  const exceptions = useQuery({
    queryKey: ['participant', participant.id, 'clause-exceptions'],
    queryFn: () => call(participantsListClauseExceptions({ path: { participant_id: participant.id } })),
  });
  const lots = useQuery({
    queryKey: ['participant', participant.id, 'clause-exception-lots'],
    queryFn: () => clauseLots(participant.id),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="clause-exceptions-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="clause-exceptions-title">{t('participants.clauseExceptions')}</Title>
        {!granting && (
          <Button variant="light" onClick={() => setGranting(true)} disabled={!lots.data}>
            {t('participants.grantException')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={4}>{t('participants.clauseExceptionsIntro')}</Text>
      <ProblemAlert error={exceptions.error ?? lots.error} />
      {granting && lots.data && <GrantForm participant={participant} lots={lots.data} onDone={() => setGranting(false)} />}
      {exceptions.data && exceptions.data.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">{t('participants.noClauseException')}</Text>
      )}
      {exceptions.data && exceptions.data.length > 0 && (
        <Paper withBorder mt="sm">
          <DataTable
            caption={t('participants.clauseExceptions')}
            testId="clause-exceptions"
            columns={[t('participants.clauseLot'), t('participants.exceptionReason'), t('participants.grantedBy'), t('participants.grantedOn')]}
            minWidth={640}
            striped={false}
            rows={exceptions.data.map((exception) => {
              const { lot } = exception;
              return {
                key: exception.id,
                cells: [
                  `${lot.tender.reference} · ${t('participants.lotNumber', { number: lot.number })} ${lot.title}`,
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{exception.reason}</Text>,
                  exception.granted_by.full_name,
                  day(exception.granted_on),
                ],
              };
            })}
          />
        </Paper>
      )}
    </Card>
  );
}
