import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import {
  followUpsFollowUpCandidates,
  followUpsHandOverFollowUp,
  followUpsSnoozeFollowUp,
} from '../../client/sdk.gen';
import type { FollowUpRead } from '../../client/types.gen';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCheckMessages } from '../../hooks/useCheckMessages';
import { dayMonthYear, todayIso } from '../../lib/dates';
import { fieldMap } from '../../lib/problem';
import { versionTag } from '../participants/pathwayForms';
import { addDays, FOLLOW_UPS_KEY, handOverProblems, snoozeProblems } from './followups';
import { ItemTitle } from './ItemTitle';

export function useFollowUpsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: FOLLOW_UPS_KEY });
}

/** The If-Match of an item: its key and the version of what was decided about it. */
export const itemTag = (item: FollowUpRead) => versionTag({ id: item.key, version: item.version });

const QUICK_DAYS = [1, 7, 30] as const;

/** Move an item's next action to a later day, with an optional note. */
export function SnoozeModal({ item, onClose }: { item: FollowUpRead; onClose: () => void }) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useFollowUpsRefresh();
  const today = todayIso();
  const form = useForm({
    initialValues: { until: item.snoozed_until ?? '', note: '' },
    validate: (values) => messages(snoozeProblems(values, today, item.overdue)),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['until', 'note']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        followUpsSnoozeFollowUp({
          path: { key: item.key },
          body: { until: values.until, note: values.note.trim() },
          headers: { 'If-Match': itemTag(item) },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('followUps.snoozed', { day: dayMonthYear(values.until) }) });
      onClose();
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('followUps.snoozeTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <ItemTitle item={item} />
          <Group gap="xs" role="group" aria-label={t('followUps.quickDays')}>
            {QUICK_DAYS.map((days) => (
              <Button key={days} size="compact-sm" variant="light" onClick={() => form.setFieldValue('until', addDays(today, days))}>
                {t(`followUps.in.${days}`)}
              </Button>
            ))}
          </Group>
          <DateField
            label={t('followUps.until')}
            description={t('followUps.untilHelp', { days: 180 })}
            required
            {...form.getInputProps('until')}
          />
          <Textarea
            label={t('followUps.note')}
            description={t(item.overdue ? 'followUps.snoozeNoteRequired' : 'followUps.snoozeNoteHelp')}
            required={item.overdue}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <FormActions label={t('followUps.snooze')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Name who acts next (a colleague, or the structure's facilitator), with a note they are told. */
export function HandOverModal({ item, onClose }: { item: FollowUpRead; onClose: () => void }) {
  const { t } = useTranslation();
  const messages = useCheckMessages();
  const refresh = useFollowUpsRefresh();
  const candidates = useQuery({
    queryKey: [...FOLLOW_UPS_KEY, item.key, 'candidates'],
    queryFn: () => call(followUpsFollowUpCandidates({ path: { key: item.key } })),
  });
  const form = useForm<{ assignee_id: string | null; note: string }>({
    initialValues: { assignee_id: null, note: '' },
    validate: (values) => messages(handOverProblems(values)),
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['assignee_id', 'note']));
  const people = (candidates.data?.items ?? []).filter((person) => person.id !== item.assignee?.id);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const handed = await call(
        followUpsHandOverFollowUp({
          path: { key: item.key },
          body: { assignee_id: values.assignee_id ?? '', note: values.note.trim() },
          headers: { 'If-Match': itemTag(item) },
        }),
      );
      await refresh();
      notifications.show({ color: 'green', message: t('followUps.handedOver', { name: handed.acts_next_name }) });
      onClose();
    }),
  );
  return (
    <Modal opened onClose={onClose} title={t('followUps.handOverTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert {...alert} onReload={() => void refresh().then(onClose)} />
          <ProblemAlert error={candidates.error} />
          <ItemTitle item={item} />
          <Text size="sm" c="dimmed">{t('followUps.handOverHelp')}</Text>
          <Select
            label={t('followUps.assignee')}
            required
            searchable
            data={people.map((person) => ({ value: person.id, label: `${person.full_name} — ${person.organisation_name}` }))}
            nothingFoundMessage={t('followUps.nobody')}
            disabled={candidates.isPending}
            data-autofocus
            {...form.getInputProps('assignee_id')}
          />
          <Textarea label={t('followUps.note')} description={t('followUps.handOverNoteHelp')} required autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions label={t('followUps.handOver')} busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
