import { Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { documentsWriteEmployerPart, documentsWriteFacilitatorPart } from '../../client/sdk.gen';
import type { AssignmentReportRead, Attendance, Recommendation, ReportOutcome } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { maxLength, required } from '../../lib/validation';
import { ATTENDANCE, OUTCOMES, RECOMMENDATIONS, REPORT_TEXT_MAX } from './documents';

interface PartProps {
  assignmentId: string;
  report: AssignmentReportRead;
  etag: string;
  onSaved: () => Promise<void>;
}

/** If-Match once the report exists (a first write creates it). */
const precondition = (etag: string) => (etag ? { 'If-Match': etag } : undefined);

/** What the employer writes: skills, tasks, attendance, recommendation. */
export function EmployerPartForm({ assignmentId, report, etag, onSaved }: PartProps) {
  const { t } = useTranslation();
  const rule = useValidator();
  const part = report.employer_part;
  const form = useForm({
    initialValues: {
      skills_acquired: part.skills_acquired,
      tasks: part.tasks,
      attendance: part.attendance ?? '',
      recommendation: part.recommendation ?? '',
      comment: part.comment,
    },
    validate: {
      skills_acquired: rule(required, maxLength(REPORT_TEXT_MAX)),
      tasks: rule(required, maxLength(REPORT_TEXT_MAX)),
      attendance: rule(required),
      recommendation: rule(required),
      comment: rule(maxLength(REPORT_TEXT_MAX)),
    },
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['skills_acquired', 'tasks', 'attendance', 'recommendation', 'comment']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        documentsWriteEmployerPart({
          path: { assignment_id: assignmentId },
          body: { ...values, attendance: values.attendance as Attendance, recommendation: values.recommendation as Recommendation },
          headers: precondition(etag),
        }),
      );
      await onSaved();
      notifications.show({ color: 'green', message: t('documents.partSaved') });
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert {...alert} onReload={() => void onSaved()} />
        <Text size="sm" c="dimmed">{t('documents.noHealthData')}</Text>
        <Textarea label={t('documents.skillsAcquired')} required autosize minRows={2} {...form.getInputProps('skills_acquired')} />
        <Textarea label={t('documents.tasks')} required autosize minRows={2} {...form.getInputProps('tasks')} />
        <Select
          label={t('documents.attendance')}
          required
          data={ATTENDANCE.map((value) => ({ value, label: t(`documents.attendanceValues.${value}`) }))}
          {...form.getInputProps('attendance')}
        />
        <Select
          label={t('documents.recommendation')}
          required
          data={RECOMMENDATIONS.map((value) => ({ value, label: t(`documents.recommendationValues.${value}`) }))}
          {...form.getInputProps('recommendation')}
        />
        <Textarea label={t('documents.comment')} autosize minRows={2} {...form.getInputProps('comment')} />
        <FormActions label={t('documents.savePart')} busy={busy} />
      </Stack>
    </form>
  );
}

/** What the facilitator writes: where the person stands and what comes next. */
export function FacilitatorPartForm({ assignmentId, report, etag, onSaved }: PartProps) {
  const { t } = useTranslation();
  const rule = useValidator();
  const part = report.facilitator_part;
  const form = useForm({
    initialValues: { outcome: part?.outcome ?? '', next_step: part?.next_step ?? '' },
    validate: { outcome: rule(required), next_step: rule(required, maxLength(REPORT_TEXT_MAX)) },
  });
  const { run, busy, alert } = useApiSubmit(form, fieldMap(['outcome', 'next_step']));
  const submit = form.onSubmit((values) =>
    run(async () => {
      await call(
        documentsWriteFacilitatorPart({
          path: { assignment_id: assignmentId },
          body: { outcome: values.outcome as ReportOutcome, next_step: values.next_step },
          headers: precondition(etag),
        }),
      );
      await onSaved();
      notifications.show({ color: 'green', message: t('documents.partSaved') });
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert {...alert} onReload={() => void onSaved()} />
        <Text size="sm" c="dimmed">{t('documents.noHealthData')}</Text>
        <Select
          label={t('documents.outcome')}
          required
          data={OUTCOMES.map((value) => ({ value, label: t(`exitCategories.${value}`) }))}
          {...form.getInputProps('outcome')}
        />
        <Textarea label={t('documents.nextStep')} required autosize minRows={2} {...form.getInputProps('next_step')} />
        <FormActions label={t('documents.savePart')} busy={busy} />
      </Stack>
    </form>
  );
}
