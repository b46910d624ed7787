import { Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { complianceComplianceSummary, complianceListLotCompliance, operationsListOperations } from '../../client/sdk.gen';
import type { ComplianceStatus, ComplianceSummary, LotComplianceRow } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { todayIso } from '../../lib/dates';
import { useAuth } from '../auth/AuthProvider';
import { number, percent } from '../tenders/format';
import { COMPLIANCE_STATUSES, STATUS_COLORS, summaryLevel } from './compliance';
import { ComplianceStatusBadge } from './ComplianceStatusBadge';

const ComplianceChart = lazy(() => import('./ComplianceChart').then((module) => ({ default: module.ComplianceChart })));

function Totals({ summary, onStatus, status }: { summary: ComplianceSummary; onStatus: (status: ComplianceStatus | null) => void; status: string | null }) {
  const { t } = useTranslation();
  const hours = (value: string | number) => t('hours.amount', { hours: number(value) });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md">
        {[
          [t('compliance.lots'), String(summary.lots)],
          [t('compliance.requiredHours'), hours(summary.required_hours)],
          [t('compliance.counted'), hours(summary.counted_hours)],
          [t('compliance.pending'), hours(summary.pending_hours)],
          [t('compliance.expected'), hours(summary.expected_by_now)],
        ].map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">{label}</Text>
            <Text fw={700} size="lg">{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Group gap="xs" aria-label={t('compliance.byStatus')} role="group">
        {COMPLIANCE_STATUSES.map((value) => (
          <UnstyledButton key={value} onClick={() => onStatus(status === value ? null : value)} aria-pressed={status === value}>
            <Badge color={STATUS_COLORS[value]} variant={status === value ? 'filled' : 'light'} size="lg" style={{ cursor: 'pointer' }}>
              {t(`complianceStatus.${value}`)} : {summary.by_status[value]}
            </Badge>
          </UnstyledButton>
        ))}
      </Group>
      {summary.late > 0 && (
        <Text size="sm" fw={600} data-testid="compliance-late">
          {t('compliance.lateLots', { count: summary.late, behind: summary.by_status.behind ?? 0, notStarted: summary.late - (summary.by_status.behind ?? 0) })}
        </Text>
      )}
      {summary.target && summary.target.target_value !== null && (
        <Text size="sm" data-testid="operation-target">
          {t(summary.target.target_reached ? 'compliance.targetReached' : 'compliance.targetNotReached', {
            target: percent(summary.target.target_value),
            share: percent(summary.target.counted_share ?? 0),
            labour: number(summary.target.labour_hours),
          })}
        </Text>
      )}
    </Stack>
  );
}

function useRows(rows: readonly LotComplianceRow[]) {
  const { t } = useTranslation();
  const hours = (value: string | number | null) => (value === null ? '—' : t('hours.amount', { hours: number(value) }));
  return rows.map((row) => ({
    key: row.lot_id,
    cells: [
      <Link to={`/tenders/${row.tender_id}/lots/${row.lot_id}`} className="row-link">
        {t('hours.lotLine', { number: row.lot_number, title: row.lot_title })}
      </Link>,
      <>
        <Text size="sm">{row.tender_reference}</Text>
        <Text size="xs" c="dimmed">{row.buyer_name}</Text>
      </>,
      row.awardee_name ?? '—',
      hours(row.required_hours),
      hours(row.counted_hours),
      hours(row.pending_hours),
      hours(row.expected_by_now),
      <ComplianceStatusBadge status={row.status} late={row.late} />,
    ],
  }));
}

/** Where the clauses stand: the caller's totals and lots by status (the structure's, the
 * buyer's or the awardee's), an operation's target and months, and every lot. */
export function CompliancePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { filters, setFilters } = useUrlFilters({ status: null, operation_id: null }, { allowed: { status: COMPLIANCE_STATUSES } });
  const on = todayIso();
  const level = me ? summaryLevel(me.role) : null;
  const operationId = filters.operation_id;
  const summary = useQuery({
    queryKey: ['compliance', 'summary', level, operationId, me?.organisation.id, on],
    queryFn: () =>
      call(
        complianceComplianceSummary({
          query: operationId ? { level: 'operation', id: operationId, on } : { level: level ?? 'structure', id: me?.organisation.id ?? '', on },
        }),
      ),
    enabled: Boolean(me && (level || operationId)),
  });
  const operations = useQuery({
    queryKey: ['operations', 'all'],
    queryFn: () => call(operationsListOperations({ query: { limit: 200 } })),
    enabled: can('operations:read'),
  });
  const status = filters.status as ComplianceStatus | null;
  const list = useCursorList(['compliance', 'lots', status, operationId, on], (cursor) =>
    call(complianceListLotCompliance({ query: { status: status ?? undefined, operation_id: operationId ?? undefined, on, cursor, limit: 50 } })),
  );
  const rows = useRows(list.items);
  const columns = [
    t('hours.lot'), t('compliance.tender'), t('compliance.awardee'), t('compliance.requiredHours'),
    t('compliance.counted'), t('compliance.pending'), t('compliance.expected'), t('hours.status'),
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t('compliance.pageTitle')} description={t(`compliance.intro.${level ?? 'structure'}`)} />
      {can('operations:read') && (
        <Select
          label={t('compliance.operation')}
          placeholder={t('compliance.allOperations')}
          clearable
          value={operationId}
          onChange={(value) => setFilters({ operation_id: value })}
          data={(operations.data?.items ?? []).map((operation) => ({ value: operation.id, label: operation.name }))}
          w={{ base: '100%', sm: 420 }}
        />
      )}
      {(level || operationId) && (
        <Card withBorder padding="lg" component="section" aria-labelledby="summary-title">
          <Stack gap="md">
            <Title order={2} size="h4" id="summary-title">
              {operationId
                ? (operations.data?.items.find((operation) => operation.id === operationId)?.name ?? t('compliance.operationSummary'))
                : t(`compliance.summary.${level}`)}
            </Title>
            {summary.error ? <ProblemAlert error={summary.error} /> : null}
            {summary.isPending && <Loading />}
            {summary.data && <Totals summary={summary.data} status={status} onStatus={(value) => setFilters({ status: value })} />}
            {operationId && (
              <Suspense fallback={<Loading />}>
                <ComplianceChart operationId={operationId} on={on} />
              </Suspense>
            )}
          </Stack>
        </Card>
      )}
      <ListFrame caption={t('compliance.lotsCaption')} columns={columns} list={list} rows={rows} minWidth={1000} />
    </Stack>
  );
}
