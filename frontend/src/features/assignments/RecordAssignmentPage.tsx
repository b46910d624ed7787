import { Anchor, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { call } from '../../api/client';
import { assignmentsRecordAssignment, participantsListClausePositions } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { PageHeader } from '../../components/PageHeader';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { fieldMap } from '../../lib/problem';
import { PersonPicker } from '../referrals/PersonPicker';
import { day } from '../tenders/format';
import {
  FULFILMENT_MODES,
  JOB_TITLE_MAX_LENGTH,
  recordBody,
  recordProblems,
  type RecordValues,
  type TermsValues,
} from './assignments';
import { TermsFields } from './TermsFields';

const FIELDS = fieldMap(
  ['lot_id', 'host_id', 'mode', 'contract_kind', 'start_date', 'planned_end_date', 'hours_per_week', 'job_title'],
  { participant_id: 'participant', employer_id: 'employer' },
);

const EMPTY: RecordValues = {
  participant: null, lot_id: null, host_id: null, job_title: '',
  mode: 'direct_hire', employer: null, contract_kind: null, start_date: '', planned_end_date: '', hours_per_week: '',
};

/** The facilitator records a mission outside an offer, in any mode: the person, one of the
 * clause lots they can work on (GET …/clause-positions) and its enterprise, then the terms. */
export function RecordAssignmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const messages = useCheckMessages();
  const form = useForm<RecordValues>({ initialValues: EMPTY, validate: (values) => messages(recordProblems(values)) });
  const { run, busy, alert } = useApiSubmit(form, FIELDS);
  const person = form.values.participant;
  const positions = useQuery({
    queryKey: ['participant', person?.id, 'clause-positions'],
    queryFn: () => call(participantsListClausePositions({ path: { participant_id: person?.id ?? '' } })),
    enabled: Boolean(person),
  });
  const position = positions.data?.find((item) => item.lot_id === form.values.lot_id);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const created = await call(assignmentsRecordAssignment({ body: recordBody(values) }));
      await queryClient.invalidateQueries({ queryKey: ['assignments'] });
      await queryClient.invalidateQueries({ queryKey: ['participant', created.participant.id] });
      notifications.show({ color: 'green', message: t('assignments.recorded') });
      navigate(`/assignments/${created.id}`);
    }),
  );
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t('assignments.recordTitle')}
        description={t('assignments.recordIntro')}
        actions={<Anchor component={Link} to="/assignments">{t('assignments.back')}</Anchor>}
      />
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ProblemAlert {...alert} />
            <PersonPicker
              label={t('assignments.person')}
              value={person}
              onChange={(value) => {
                form.setFieldValue('participant', value);
                form.setFieldValue('lot_id', null);
                form.setFieldValue('host_id', null);
              }}
              error={form.errors.participant}
            />
            {person && positions.data?.length === 0 && <Text size="sm" c="dimmed">{t('assignments.noPosition')}</Text>}
            <ProblemAlert error={positions.error} />
            <Select
              label={t('assignments.lot')}
              required
              disabled={!person}
              data={(positions.data ?? []).map((item) => ({
                value: item.lot_id,
                label: `${item.tender_reference} · ${t('participants.lotNumber', { number: item.lot_number })} ${item.lot_title}`,
              }))}
              value={form.values.lot_id}
              onChange={(value) => {
                form.setFieldValue('lot_id', value);
                const chosen = positions.data?.find((item) => item.lot_id === value);
                form.setFieldValue('host_id', chosen?.enterprises[0]?.id ?? null);
              }}
              description={position ? t('assignments.notifiedOn', { date: day(position.notified_on) }) : undefined}
              error={form.errors.lot_id}
              nothingFoundMessage={t('app.none')}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('assignments.host')}
              description={t('assignments.hostHelp')}
              required
              disabled={!position}
              allowDeselect={false}
              data={(position?.enterprises ?? []).map((enterprise) => ({
                value: enterprise.id,
                label: `${enterprise.name} (${t(`participants.employerRoles.${enterprise.role}`)})`,
              }))}
              {...form.getInputProps('host_id')}
              comboboxProps={{ withinPortal: true }}
            />
            <TermsFields form={form as unknown as UseFormReturnType<TermsValues>} modes={FULFILMENT_MODES} />
            <TextInput
              label={t('assignments.jobTitle')}
              maxLength={JOB_TITLE_MAX_LENGTH}
              {...form.getInputProps('job_title')}
            />
            <FormActions label={t('assignments.recordSubmit')} busy={busy} onCancel={() => navigate('/assignments')} />
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
