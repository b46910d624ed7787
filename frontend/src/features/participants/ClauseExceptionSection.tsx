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
  tendersGetTender,
  tendersListTenders,
} from '../../client/sdk.gen';
import type { ConsiderationKind, ParticipantRead, TenderStatus } from '../../client/types.gen';
import { DataTable } from '../../components/DataTable';
import { ProblemAlert } from '../../components/Feedback';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap, toApiError } from '../../lib/problem';
import { minLength, required } from '../../lib/validation';
import { day } from '../tenders/format';

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

// Used only when the clause-positions endpoint refuses the caller (see clauseLots).
const ACTIVE_STATUSES: TenderStatus[] = ['published', 'awarded', 'in_execution'];
const HOURS_KINDS: ConsiderationKind[] = ['insertion_clause', 'insertion_purpose'];

/**
 * The structure's awarded clause lots: the list the step form uses (clause-positions). That
 * endpoint asks for `pathways:write`, which a facilitator does not hold although the API lets
 * them grant exceptions; for them the lots come from the structure's tenders in force (awarded,
 * carrying insertion hours). The server stays the judge: a lot it refuses is named on the field.
 */
async function clauseLots(participantId: string): Promise<ClauseLot[]> {
  try {
    return await call(participantsListClausePositions({ path: { participant_id: participantId } }));
  } catch (caught) {
    if (toApiError(caught).status !== 403) throw caught;
  }
  const pages = await Promise.all(ACTIVE_STATUSES.map((status) => call(tendersListTenders({ query: { status, limit: 200 } }))));
  const tenders = await Promise.all(
    pages.flatMap((page) => page.items).map((tender) => call(tendersGetTender({ path: { tender_id: tender.id } }))),
  );
  return tenders.flatMap((tender) =>
    tender.lots
      .filter((lot) => lot.award && lot.considerations.some((c) => HOURS_KINDS.includes(c.kind)))
      .map((lot) => ({
        lot_id: lot.id,
        tender_reference: tender.reference,
        lot_number: lot.number,
        lot_title: lot.title,
        required_hours: lot.required_hours ?? null,
      })),
  );
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
  const hours = lot.required_hours != null ? ` (${lot.required_hours} h)` : '';
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
  const byId = new Map((lots.data ?? []).map((lot) => [lot.lot_id, lot]));
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
              const lot = byId.get(exception.lot_id);
              return {
                key: exception.id,
                cells: [
                  lot ? lotLabel(t, lot) : t('participants.unknownLot'),
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
