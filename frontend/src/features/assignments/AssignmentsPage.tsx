import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { assignmentsListAssignments } from '../../client/sdk.gen';
import type { AssignmentRead } from '../../client/types.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { todayIso } from '../../lib/dates';
import { useAuth } from '../auth/AuthProvider';
import { personName } from '../referrals/referrals';
import { number } from '../tenders/format';
import { ASSIGNMENT_FILTERS, assignmentQuery } from './assignments';
import { AssignmentStateText, LotText, PartiesText, period } from './AssignmentParts';

function useRows(assignments: readonly AssignmentRead[]) {
  const { t } = useTranslation();
  return assignments.map((assignment) => ({
    key: assignment.id,
    cells: [
      <Link to={`/assignments/${assignment.id}`} className="row-link">{personName(assignment.participant)}</Link>,
      <>
        <LotText assignment={assignment} />
        {assignment.job_title && <Text size="xs" c="dimmed">{assignment.job_title}</Text>}
      </>,
      t(`fulfilmentModes.${assignment.mode}`),
      <PartiesText assignment={assignment} />,
      period(assignment),
      t('participants.perWeek', { hours: number(assignment.hours_per_week) }),
      <AssignmentStateText assignment={assignment} />,
    ],
  }));
}

/** The missions in the caller's scope (an employer: those it hosts or employs; a referent:
 * its people's), running today or all, latest start first. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filters, setFilters } = useUrlFilters({ state: null }, { allowed: { state: ASSIGNMENT_FILTERS } });
  const query = assignmentQuery(filters.state, todayIso());
  const list = useCursorList(['assignments', 'list', query.running_on ?? null, query.ended ?? null], (cursor) =>
    call(assignmentsListAssignments({ query: { ...query, cursor, limit: 50 } })),
  );
  const rows = useRows(list.items);
  const columns = [
    t('assignments.person'), t('assignments.lot'), t('assignments.mode'), t('assignments.host'),
    t('assignments.period'), t('assignments.hoursPerWeekShort'), t('assignments.state'),
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={t('assignments.title')}
        description={t('assignments.intro')}
        actions={can('assignments:record') && <Button component={Link} to="/assignments/new">{t('assignments.record')}</Button>}
      />
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <Select
          label={t('assignments.show')}
          clearable
          placeholder={t('assignments.all')}
          value={filters.state}
          onChange={(value) => setFilters({ state: value })}
          data={ASSIGNMENT_FILTERS.map((value) => ({ value, label: t(`assignments.filters.${value}`) }))}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <ListFrame caption={t('assignments.title')} columns={columns} list={list} rows={rows} minWidth={960} />
    </Stack>
  );
}
