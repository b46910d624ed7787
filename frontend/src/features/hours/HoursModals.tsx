import { Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { hoursCorrectHours, hoursDeclareHours, hoursRejectHours } from '../../client/sdk.gen';
import type { HoursAssignment, HoursRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { fieldMap } from '../../lib/problem';
import { versionTag } from '../participants/pathwayForms';
import { personName } from '../referrals/referrals';
import { number, typed } from '../tenders/format';
import { hoursBody, hoursProblems, type HoursValues, MONTH_HOURS_MAX, monthLabel, reasonProblems } from './hours';

/** After a declaration or a decision: every hours list and grid, and the lots' figures. */
export function useHoursRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([['hours'], ['compliance']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}

const modalProps = (onClose: () => void, title: string, close: string) => ({
  opened: true,
  onClose,
  title,
  closeButtonProps: { 'aria-label': close },
});

/** The employer declares a month of an assignment's hours, or corrects a declaration still
 * waiting or rejected (it then waits again for the facilitator). */
export function HoursModal({
  assignment,
  month,
  ceiling,
  hoursPerWeek,
  declaration,
  onClose,
}: {
  assignment: HoursAssignment;
  month: string;
  /** The structure's monthly ceiling when known (the grid), else the server says it. */
  ceiling?: number | null;
  hoursPerWeek?: string | null;
  declaration?: HoursRead | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useHoursRefresh();
  const form = useForm<HoursValues>({
    initialValues: { hours: declaration ? typed(declaration.hours) : '', note: declaration?.note ?? '' },
    validate: (values) => messages(hoursProblems(values, ceiling ?? MONTH_HOURS_MAX)),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['hours', 'note']));
  const name = personName(assignment);
  const shownMonth = monthLabel(month, i18n.language);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const body = hoursBody(values);
      if (declaration) {
        await call(hoursCorrectHours({ path: { declaration_id: declaration.id }, body, headers: { 'If-Match': versionTag(declaration) } }));
      } else {
        await call(hoursDeclareHours({ body: { ...body, assignment_id: assignment.id, month } }));
      }
      await refresh();
      notifications.show({
        color: 'green',
        message: t(declaration ? 'hours.corrected' : 'hours.declared', { name, month: shownMonth }),
      });
      onClose();
    }),
  );
  return (
    <Modal {...modalProps(onClose, t(declaration ? 'hours.correctTitle' : 'hours.declareTitle', { name, month: shownMonth }), t('app.close'))}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          {declaration?.status === 'rejected' && (
            <Text size="sm" c="red.9">{t('hours.rejectedBecause', { reason: declaration.rejection_reason })}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('hours.lotLine', { number: assignment.lot_number, title: assignment.lot_title })}
            {hoursPerWeek && ` — ${t('participants.perWeek', { hours: number(hoursPerWeek) })}`}
          </Text>
          <TextInput
            label={t('hours.monthHours', { month: shownMonth })}
            description={ceiling ? t('hours.monthHoursHelp', { max: ceiling }) : t('hours.monthHoursHelpNoCeiling')}
            required
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('hours')}
          />
          <Textarea label={t('hours.note')} description={t('hours.noteHelp')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions label={t(declaration ? 'hours.correct' : 'hours.declare')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** The facilitator refuses a declaration, saying why (the employer reads it and corrects). */
export function RejectModal({ declaration, onClose }: { declaration: HoursRead; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useHoursRefresh();
  const form = useForm({ initialValues: { reason: '' }, validate: (values) => messages(reasonProblems(values)) });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['reason']));
  const name = personName(declaration.assignment);
  const shownMonth = monthLabel(declaration.month, i18n.language);
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        hoursRejectHours({
          path: { declaration_id: declaration.id },
          body: { reason: values.reason.trim() },
          headers: { 'If-Match': versionTag(declaration) },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('hours.rejected', { name, month: shownMonth }) });
      onClose();
    }),
  );
  return (
    <Modal {...modalProps(onClose, t('hours.rejectTitle', { name, month: shownMonth }), t('app.close'))}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <Text size="sm">{t('hours.rejectLine', { hours: number(declaration.hours), employer: declaration.employer.name })}</Text>
          <Textarea
            label={t('hours.rejectReason')}
            description={t('hours.rejectReasonHelp')}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <FormActions label={t('hours.reject')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
