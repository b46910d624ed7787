import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { hoursHoursGrid } from '../../client/sdk.gen';
import type { GridRow } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { ListFrame } from '../../components/ListFrame';
import { useCursorList } from '../../hooks/useCursorList';
import { type NamedChoice } from '../../hooks/useNamedChoice';
import { useAuth } from '../auth/AuthProvider';
import { personName } from '../referrals/referrals';
import { number } from '../tenders/format';
import { OrganisationSelect } from '../users/OrganisationSelect';
import { gridTotals, hoursEmptyKey, monthLabel } from './hours';
import { HoursFileButtons } from './HoursImport';
import { HoursStatusBadge } from './HoursStatusBadge';
import { MonthPicker } from './MonthPicker';
import { useHoursActions } from './useHoursActions';
import { ValidateMonthButton } from './ValidateMonthButton';

function useRows(rows: readonly GridRow[], month: string, actions: ReturnType<typeof useHoursActions>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return rows.map((row) => {
    const { assignment, declaration } = row;
    const name = personName(assignment);
    const target = { assignment, month, ceiling: row.ceiling, hoursPerWeek: row.hours_per_week };
    return {
      key: assignment.id,
      cells: [
        can('assignments:read') ? <Link to={`/assignments/${assignment.id}`} className="row-link">{name}</Link> : name,
        <>
          <Text size="sm">{t('hours.lotLine', { number: assignment.lot_number, title: assignment.lot_title })}</Text>
          <Text size="xs" c="dimmed">{t(`fulfilmentModes.${assignment.mode}`)}</Text>
        </>,
        t('participants.perWeek', { hours: number(row.hours_per_week) }),
        declaration ? <Text size="sm" fw={600}>{t('hours.amount', { hours: number(declaration.hours) })}</Text> : '—',
        declaration ? (
          <>
            <HoursStatusBadge status={declaration.status} />
            {declaration.status === 'rejected' && <Text size="xs" c="red.9">{declaration.rejection_reason}</Text>}
            {declaration.note && <Text size="xs" c="dimmed">{declaration.note}</Text>}
          </>
        ) : (
          <Text size="sm" c="dimmed">{t('hours.notDeclared')}</Text>
        ),
        declaration
          ? actions.buttons(declaration, target)
          : row.declarable && (
              <Button size="xs" onClick={() => actions.declare(target)} aria-label={t('hours.declareFor', { name })}>
                {t('hours.declare')}
              </Button>
            ),
      ],
    };
  });
}

/** An employer's missions running in a month, each with its declaration: the enterprise
 * declares and corrects its own, the facilitator validates any employer's. */
export function HoursGridView({
  month,
  onMonth,
  employer,
  onEmployer,
}: {
  month: string;
  onMonth: (month: string) => void;
  /** The employer shown, chosen by the facilitator (an enterprise sees its own). */
  employer: NamedChoice | null;
  onEmployer: (employer: NamedChoice | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { me, can } = useAuth();
  const picks = can('hours:validate');
  const employerId = picks ? (employer?.id ?? null) : (me?.organisation.id ?? null);
  const actions = useHoursActions();
  const list = useCursorList(['hours', 'grid', month, employerId], (cursor) =>
    employerId
      ? call(hoursHoursGrid({ query: { month, employer_id: picks ? employerId : undefined, cursor, limit: 50 } }))
      : Promise.resolve({ items: [], next_cursor: null }),
  );
  const rows = useRows(list.items, month, actions);
  const totals = gridTotals(list.items);
  const columns = [
    t('hours.person'), t('hours.lot'), t('assignments.hoursPerWeekShort'), t('hours.hours'), t('hours.status'), t('hours.actions'),
  ];
  return (
    <Stack gap="md">
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <MonthPicker label={t('hours.month')} value={month} onChange={(value) => value && onMonth(value)} />
        {picks && (
          <div style={{ minWidth: 280 }}>
            <OrganisationSelect label={t('hours.employer')} kinds={['enterprise']} value={employer} onChange={onEmployer} required={false} />
          </div>
        )}
      </Group>
      {picks && !employerId ? (
        <Text c="dimmed">{t('hours.pickEmployer')}</Text>
      ) : (
        <>
          <HoursFileButtons month={month} employerId={employerId} imports={can('hours:declare')} />
          <ProblemAlert error={actions.error} onReload={() => void actions.refresh()} />
          <ListFrame
            caption={t('hours.gridCaption')}
            columns={columns}
            list={list}
            rows={rows}
            minWidth={900}
            empty={t(hoursEmptyKey('grid', month), { month: monthLabel(month, i18n.language) })}
          />
          {list.items.length > 0 && (
            <Group justify="space-between" align="center">
              <Text size="sm" data-testid="hours-totals">
                {t('hours.totals', { validated: number(totals.validated), waiting: number(totals.waitingHours) })}
              </Text>
              {picks && <ValidateMonthButton month={month} employer={employer} waiting={totals.waiting} />}
            </Group>
          )}
        </>
      )}
      {actions.modals}
    </Stack>
  );
}
