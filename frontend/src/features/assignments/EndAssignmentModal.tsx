import { Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { assignmentsEndAssignment } from '../../client/sdk.gen';
import type { AssignmentRead, EndReason } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { personName } from '../referrals/referrals';
import { END_REASONS, endDefaults, endProblems, type EndValues } from './assignments';

/** End a running mission: the day, the reason, and a note (the pathway step ends with it). */
export function EndAssignmentModal({ assignment, etag, onClose }: { assignment: AssignmentRead; etag: string; onClose: () => void }) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['assignments'] });
    await queryClient.invalidateQueries({ queryKey: ['participant', assignment.participant.id] });
  };
  const form = useForm<EndValues>({
    initialValues: endDefaults(assignment, todayIso()),
    validate: (values) => messages(endProblems(values, assignment.start_date)),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['ended_on', 'reason', 'note']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        assignmentsEndAssignment({
          path: { assignment_id: assignment.id },
          body: { ended_on: values.ended_on, reason: values.reason as EndReason, note: values.note },
          headers: { 'If-Match': etag },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('assignments.ended') });
      onClose();
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('assignments.endTitle', { name: personName(assignment.participant) })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <DateField label={t('assignments.endedOn')} required {...form.getInputProps('ended_on')} />
          <Select
            label={t('assignments.endReason')}
            required
            data={END_REASONS.map((value) => ({ value, label: t(`endReasons.${value}`) }))}
            {...form.getInputProps('reason')}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label={t('assignments.endNote')} description={t('assignments.endNoteHelp')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions label={t('assignments.end')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
