import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import { documentsGetReport, documentsIssueReport } from '../../client/sdk.gen';
import type { AssignmentReportRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { ApiError } from '../../lib/problem';
import { useAuth } from '../auth/AuthProvider';
import { DocumentsTable } from './DocumentsTable';
import { EmployerPartForm, FacilitatorPartForm } from './ReportParts';

function Facts({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="sm" c="dimmed">{label}</Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{value || '—'}</Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The end-of-assignment report on an ended assignment: the employer's part and the
 * facilitator's, each editable by its author while the read allows it, then "Délivrer le
 * bilan" and the PDF. A referent sees it once issued; an employer its own part only. */
export function AssignmentReport({ assignmentId, ended }: { assignmentId: string; ended: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const enabled = can('assignment_reports:read') && ended;
  const queryKey = ['documents', 'report', assignmentId];
  const record = useQuery({
    queryKey,
    queryFn: async () => {
      try {
        return await callWithETag(documentsGetReport({ path: { assignment_id: assignmentId } }));
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 404) return null; // not issued yet
        throw caught;
      }
    },
    enabled,
  });
  if (!enabled || record.isPending) return null;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['documents'] });
  };
  const section = (body: ReactNode) => (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('documents.reportTitle')}</Title>
        {body}
      </Stack>
    </Paper>
  );
  if (record.error) return section(<ProblemAlert error={record.error} />);
  if (!record.data) return section(<Text c="dimmed">{t('documents.reportNotIssued')}</Text>);
  const { data: report, etag } = record.data;
  const issue = async () => {
    setError(null);
    setBusy(true);
    try {
      await call(documentsIssueReport({ path: { assignment_id: assignmentId }, headers: { 'If-Match': etag } }));
      await refresh();
      notifications.show({ color: 'green', message: t('documents.reportIssued') });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return section(
    <>
      <Text size="sm" c="dimmed">{t(report.status === 'issued' ? 'documents.reportIssuedIntro' : 'documents.reportDraftIntro')}</Text>
      <Title order={3} size="h4">{t('documents.employerPart')}</Title>
      {report.actions.edit_employer_part ? (
        <EmployerPartForm assignmentId={assignmentId} report={report} etag={etag} onSaved={refresh} />
      ) : (
        <EmployerFacts report={report} />
      )}
      {report.facilitator_part && (
        <>
          <Title order={3} size="h4">{t('documents.facilitatorPart')}</Title>
          {report.actions.edit_facilitator_part ? (
            <FacilitatorPartForm assignmentId={assignmentId} report={report} etag={etag} onSaved={refresh} />
          ) : (
            <Facts
              facts={[
                [t('documents.outcome'), report.facilitator_part.outcome ? t(`exitCategories.${report.facilitator_part.outcome}`) : ''],
                [t('documents.nextStep'), report.facilitator_part.next_step],
              ]}
            />
          )}
        </>
      )}
      <ProblemAlert error={error} />
      {report.status === 'draft' && !report.actions.issue && can('assignment_reports:issue') && (
        <Alert color="gray">{t('documents.reportIssueWhen')}</Alert>
      )}
      {report.actions.issue && (
        <Group>
          <Button onClick={() => void issue()} loading={busy}>{t('documents.issueReport')}</Button>
        </Group>
      )}
      {report.document && <DocumentsTable documents={[report.document]} caption={t('documents.reportTitle')} />}
    </>,
  );
}

function EmployerFacts({ report }: { report: AssignmentReportRead }) {
  const { t } = useTranslation();
  const part = report.employer_part;
  return (
    <Facts
      facts={[
        [t('documents.skillsAcquired'), part.skills_acquired],
        [t('documents.tasks'), part.tasks],
        [t('documents.attendance'), part.attendance ? t(`documents.attendanceValues.${part.attendance}`) : ''],
        [t('documents.recommendation'), part.recommendation ? t(`documents.recommendationValues.${part.recommendation}`) : ''],
        [t('documents.comment'), part.comment],
      ]}
    />
  );
}
