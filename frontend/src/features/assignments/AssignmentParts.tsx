import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { AssignmentRead } from '../../client/types.gen';
import { todayIso } from '../../lib/dates';
import { useAuth } from '../auth/AuthProvider';
import { day } from '../tenders/format';
import { assignmentState } from './assignments';

const COLORS = { upcoming: 'blue', running: 'green', ended: 'gray' } as const;

/** Running, to begin, or ended (on which day, and why). */
export function AssignmentStateText({ assignment }: { assignment: AssignmentRead }) {
  const { t } = useTranslation();
  const state = assignmentState(assignment, todayIso());
  return (
    <>
      <Badge color={COLORS[state]} variant="light" data-testid="assignment-state" style={{ minWidth: 'max-content' }}>{t(`assignmentStates.${state}`)}</Badge>
      {assignment.ended_on && (
        <Text size="xs">
          {t('assignments.endedLine', { date: day(assignment.ended_on) })}
          {assignment.end_reason && ` — ${t(`endReasons.${assignment.end_reason}`)}`}
        </Text>
      )}
    </>
  );
}

/** Who the person works for, and who employs them when it is someone else. */
export function PartiesText({ assignment }: { assignment: AssignmentRead }) {
  const { t } = useTranslation();
  const { host, employer } = assignment;
  return (
    <>
      <Text size="sm">{host.name}</Text>
      {employer && employer.id !== host.id && (
        <Text size="xs" c="dimmed">{t('assignments.employedBy', { name: employer.name })}</Text>
      )}
    </>
  );
}

/** The lot, linked for whoever reads tenders (referents do not: it is named only). */
export function LotText({ assignment }: { assignment: AssignmentRead }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { lot } = assignment;
  const label = t('offers.onLot', { number: lot.number, title: lot.title });
  return can('tenders:read') ? (
    <Anchor component={Link} to={`/tenders/${lot.tender_id}/lots/${lot.id}`} size="sm">{label}</Anchor>
  ) : (
    <Text size="sm">{label}</Text>
  );
}

/** "12/01/2027 → 11/07/2027" (the end, else the planned end), or "12/01/2027 →" when open-ended. */
export function period(assignment: Pick<AssignmentRead, 'start_date' | 'planned_end_date' | 'ended_on'>): string {
  const end = assignment.ended_on ?? assignment.planned_end_date;
  return end ? `${day(assignment.start_date)} → ${day(end)}` : `${day(assignment.start_date)} →`;
}
