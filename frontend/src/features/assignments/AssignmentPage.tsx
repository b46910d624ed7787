import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { callWithETag } from '../../api/client';
import { assignmentsGetAssignment } from '../../client/sdk.gen';
import { Loading } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../auth/AuthProvider';
import { AssignmentReport } from '../documents/AssignmentReport';
import { personName } from '../referrals/referrals';
import { day, number } from '../tenders/format';
import { AssignmentStateText, LotText, PartiesText } from './AssignmentParts';
import { EndAssignmentModal } from './EndAssignmentModal';

/** A mission: who, where, in which mode, for whom, the contract, the dates and the hours; its
 * end, or "Terminer la mission" when the read allows it. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const [ending, setEnding] = useState(false);
  const record = useQuery({
    queryKey: ['assignments', 'detail', id],
    queryFn: () => callWithETag(assignmentsGetAssignment({ path: { assignment_id: id } })),
  });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const { data: assignment, etag } = record.data;
  const name = personName(assignment.participant);
  const facts: [string, ReactNode][] = [
    [t('assignments.person'), can('participants:read') ? <Anchor component={Link} to={`/participants/${assignment.participant.id}`}>{name}</Anchor> : name],
    [t('assignments.lot'), <LotText assignment={assignment} />],
    [t('assignments.mode'), t(`fulfilmentModes.${assignment.mode}`)],
    [t('assignments.host'), <PartiesText assignment={assignment} />],
    [t('assignments.contractKind'), assignment.contract_kind ? t(`contractKinds.${assignment.contract_kind}`) : '—'],
    [t('assignments.jobTitle'), assignment.job_title || '—'],
    [t('assignments.startDate'), day(assignment.start_date)],
    [t('assignments.plannedEndDate'), day(assignment.planned_end_date)],
    [t('assignments.hoursPerWeek'), number(assignment.hours_per_week)],
    [t('assignments.state'), <AssignmentStateText assignment={assignment} />],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('assignments.detailTitle', { name })}
        description={assignment.job_title || undefined}
        actions={
          <Group>
            {assignment.actions.end && <Button onClick={() => setEnding(true)}>{t('assignments.end')}</Button>}
            <Anchor component={Link} to="/assignments">{t('assignments.back')}</Anchor>
          </Group>
        }
      />
      {assignment.exception_reason && (
        <Alert color="orange" title={t('assignments.onException')}>{assignment.exception_reason}</Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="sm" c="dimmed">{label}</Text>
              <div>{value}</div>
            </div>
          ))}
        </SimpleGrid>
        {assignment.end_note && (
          <Text mt="sm" style={{ whiteSpace: 'pre-line' }}>
            <Text span c="dimmed" size="sm">{t('app.labelled', { label: t('assignments.endNote') })}</Text> {assignment.end_note}
          </Text>
        )}
        {assignment.offer_id && can('offers:read') && (
          <Anchor component={Link} to={`/offers/${assignment.offer_id}`} mt="sm" display="inline-block">{t('assignments.fromOffer')}</Anchor>
        )}
      </Paper>
      <AssignmentReport assignmentId={assignment.id} ended={Boolean(assignment.ended_on)} />
      {ending && <EndAssignmentModal assignment={assignment} etag={etag} onClose={() => setEnding(false)} />}
    </Stack>
  );
}
