import { Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { hoursListHours } from '../../client/sdk.gen';
import type { HoursRead, HoursStatus } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { ListFrame } from '../../components/ListFrame';
import { useCursorList } from '../../hooks/useCursorList';
import { useAuth } from '../auth/AuthProvider';
import { personName } from '../referrals/referrals';
import { day, number } from '../tenders/format';
import { HOURS_STATUSES, hoursEmptyKey, monthLabel } from './hours';
import { HoursStatusBadge } from './HoursStatusBadge';
import { MonthPicker } from './MonthPicker';
import { useHoursActions } from './useHoursActions';
import { ValidateMonthButton } from './ValidateMonthButton';

/** Whether the caller may act on declarations at all (else no actions column). */
export function useActs(): boolean {
  const { can } = useAuth();
  return can('hours:declare') || can('hours:validate');
}

function useRows(declarations: readonly HoursRead[], actions: ReturnType<typeof useHoursActions>) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const acts = useActs();
  return declarations.map((declaration) => {
    const { assignment } = declaration;
    const name = personName(assignment);
    return {
      key: declaration.id,
      cells: [
        monthLabel(declaration.month, i18n.language),
        can('assignments:read') ? <Link to={`/assignments/${assignment.id}`} className="row-link">{name}</Link> : name,
        <>
          <Text size="sm">{t('hours.lotLine', { number: assignment.lot_number, title: assignment.lot_title })}</Text>
          <Text size="xs" c="dimmed">{t(`fulfilmentModes.${assignment.mode}`)}</Text>
        </>,
        declaration.employer.name,
        <Text size="sm" fw={600}>{t('hours.amount', { hours: number(declaration.hours) })}</Text>,
        <>
          <HoursStatusBadge status={declaration.status} />
          {declaration.status === 'rejected' && <Text size="xs" c="red.9">{declaration.rejection_reason}</Text>}
          {declaration.note && <Text size="xs" c="dimmed">{declaration.note}</Text>}
        </>,
        day(declaration.declared_at.slice(0, 10)),
        ...(acts ? [actions.buttons(declaration)] : []),
      ],
    };
  });
}

/** Declarations in the caller's scope, oldest month first: the facilitator's queue (those
 * waiting, `fixedStatus`), or all of them filtered by month and status. */
export function HoursListView({
  month,
  onMonth,
  status,
  onStatus,
  fixedStatus,
}: {
  month: string | null;
  onMonth: (month: string | null) => void;
  status: HoursStatus | null;
  onStatus: (status: HoursStatus | null) => void;
  fixedStatus?: HoursStatus;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const actions = useHoursActions();
  const shownStatus = fixedStatus ?? status;
  const list = useCursorList(['hours', 'list', month, shownStatus], (cursor) =>
    call(hoursListHours({ query: { month: month ?? undefined, status: shownStatus ?? undefined, cursor, limit: 50 } })),
  );
  const rows = useRows(list.items, actions);
  const acts = useActs();
  const columns = [
    t('hours.month'), t('hours.person'), t('hours.lot'), t('hours.employer'), t('hours.hours'),
    t('hours.status'), t('hours.declaredOn'), ...(acts ? [t('hours.actions')] : []),
  ];
  const waiting = list.items.filter((item) => item.status === 'declared').length;
  return (
    <Stack gap="md">
      <Group align="end" gap="sm" role="search" aria-label={t('app.filters')}>
        <MonthPicker label={t('hours.month')} value={month} onChange={onMonth} clearable placeholder={t('hours.allMonths')} />
        {!fixedStatus && (
          <Select
            label={t('hours.status')}
            clearable
            placeholder={t('hours.allStatuses')}
            value={status}
            onChange={(value) => onStatus(value as HoursStatus | null)}
            data={HOURS_STATUSES.map((value) => ({ value, label: t(`hoursStatus.${value}`) }))}
            w={{ base: '100%', sm: 200 }}
          />
        )}
        {fixedStatus === 'declared' && can('hours:validate') && month && (
          <ValidateMonthButton month={month} waiting={waiting} />
        )}
      </Group>
      {fixedStatus === 'declared' && !month && list.items.length > 0 && (
        <Text size="sm" c="dimmed">{t('hours.queueMonthHint')}</Text>
      )}
      <ProblemAlert error={actions.error} onReload={() => void actions.refresh()} />
      <ListFrame
        caption={fixedStatus ? t('hours.views.queue') : t('hours.views.list')}
        columns={columns}
        list={list}
        rows={rows}
        minWidth={1000}
        empty={t(hoursEmptyKey(fixedStatus ? 'queue' : 'list', month), { month: month && monthLabel(month, i18n.language) })}
      />
      {actions.modals}
    </Stack>
  );
}
