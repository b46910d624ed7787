import { Card, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsParticipantStats } from '../../client/sdk.gen';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { mapProblem, toApiError } from '../../lib/problem';
import { useAuth } from '../auth/AuthProvider';
import { day, integer, percent } from '../tenders/format';
import { datesInOrder, periodQuery, periodReady, periodYears, type StatsPeriod } from './statsPeriod';

function rate(value: string | null): string {
  return value === null ? '—' : percent(value);
}

/** The period's choice: all exits, a year, or two days (applied once in order). */
function PeriodFilter({ period, onChange, error }: { period: StatsPeriod; onChange: (period: StatsPeriod) => void; error: Record<string, string> }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.kind === 'dates' ? period.from : '');
  const [to, setTo] = useState(period.kind === 'dates' ? period.to : '');
  const choice = period.kind === 'year' ? String(period.year) : period.kind;
  const ordered = datesInOrder(from, to);
  // Only real days in order are queried: meanwhile the figures of the last valid period stay.
  const ready = periodReady(from, to);
  const setDates = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (periodReady(nextFrom, nextTo)) onChange({ kind: 'dates', from: nextFrom, to: nextTo });
  };
  return (
    <Stack gap={4}>
      <Group align="start" data-testid="stats-period">
        <Select
          label={t('participants.statsPeriod')}
          allowDeselect={false}
          w={220}
          value={choice}
          data={[
            { value: 'all', label: t('participants.statsAllExits') },
            ...periodYears().map((year) => ({ value: String(year), label: String(year) })),
            { value: 'dates', label: t('participants.statsBetweenDates') },
          ]}
          onChange={(value) => {
            if (value === 'all') onChange({ kind: 'all' });
            else if (value === 'dates') onChange(ready ? { kind: 'dates', from, to } : { kind: 'dates', from: '', to: '' });
            else if (value) onChange({ kind: 'year', year: Number(value) });
          }}
          error={error.year}
        />
        {period.kind === 'dates' && (
          <>
            <DateField label={t('participants.statsFrom')} w={180} value={from} onChange={(value) => setDates(value, to)} error={error.exited_from} />
            <DateField label={t('participants.statsTo')} w={180} value={to} onChange={(value) => setDates(from, value)} error={!ordered ? t('validation.endBeforeStart') : error.exited_to} />
          </>
        )}
      </Group>
      {period.kind === 'dates' && !ready && (
        <Text size="sm" c="dimmed" role="status" data-testid="stats-period-invalid">
          {t('participants.statsPeriodInvalid')}
        </Text>
      )}
    </Stack>
  );
}

export function ParticipantsStatsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [period, setPeriod] = useState<StatsPeriod>({ kind: 'all' });
  const stats = useQuery({
    queryKey: ['participants', 'stats', period],
    queryFn: () => call(participantsParticipantStats({ query: periodQuery(period) })),
    placeholderData: keepPreviousData,
  });
  if (stats.isPending) return <Loading />;
  // The period's errors go next to its fields; anything else above the page.
  const problem = stats.error ? toApiError(stats.error) : null;
  const fieldErrors = problem ? mapProblem(problem.problem, { year: 'year', exited_from: 'exited_from', exited_to: 'exited_to' }).fields : {};
  const data = stats.data;
  const coordinator = Boolean(me?.coordinates_network);
  const exits = data ? data.exits.reduce((sum, e) => sum + e.count, 0) : 0;
  const periodLabel = data?.exits_from || data?.exits_to
    ? t('participants.statsPeriodShown', { from: data.exits_from ? day(data.exits_from) : '…', to: data.exits_to ? day(data.exits_to) : '…' })
    : t('participants.statsAllExits');
  return (
    <Stack gap="md">
      <PageHeader title={t('participants.statsTitle')} description={t(coordinator ? 'participants.statsIntroNetwork' : 'participants.statsIntro')} />
      <PeriodFilter period={period} onChange={setPeriod} error={fieldErrors as Record<string, string>} />
      {problem && Object.keys(fieldErrors).length === 0 && <ProblemAlert error={stats.error} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Card withBorder><Text size="sm" c="dimmed">{t('participants.total')}</Text><Text fw={700} size="xl" data-testid="stats-total">{integer(data.participants)}</Text></Card>
            <Card withBorder><Text size="sm" c="dimmed">{t('participants.openPathways')}</Text><Text fw={700} size="xl">{integer(data.open_pathways)}</Text></Card>
            <Card withBorder>
              <Text fw={700} size="lg" data-testid="dynamic-rate">{t('participants.dynamicRate', { rate: rate(data.dynamic_exit_rate) })}</Text>
              <Text size="xs" c="dimmed">{t('participants.dynamicRateHelp')}</Text>
            </Card>
          </SimpleGrid>
          <Title order={2} size="h4">{t('participants.exits')}</Title>
          <Text size="sm" c="dimmed" mt={-8} data-testid="stats-period-shown">{periodLabel}</Text>
          <Paper withBorder p="md">
            <Stack gap="xs" data-testid="exits">
              {data.exits.map((e) => (
                <div key={e.category}>
                  <Group justify="space-between"><Text size="sm">{t(`exitCategories.${e.category}`)}</Text><Text size="sm" fw={600}>{e.count}</Text></Group>
                  <Progress value={exits ? (100 * e.count) / exits : 0} aria-label={t(`exitCategories.${e.category}`)} />
                </div>
              ))}
            </Stack>
          </Paper>
          <Title order={2} size="h4">{t('participants.byOrganisation')}</Title>
          <Paper withBorder>
            <DataTable
              caption={t('participants.byOrganisation')}
              testId="by-organisation"
              columns={[t('participants.organisation'), t('participants.total'), t('participants.openPathways'), t('participants.exitsInPeriod'), t('participants.dynamicRateColumn')]}
              minWidth={560}
              rows={data.by_organisation.map((row) => ({
                key: row.organisation.id,
                cells: [row.organisation.name, integer(row.participants), integer(row.open_pathways), integer(row.exits), rate(row.dynamic_exit_rate)],
              }))}
            />
          </Paper>
          <Title order={2} size="h4">{t('participants.byReferent')}</Title>
          <Paper withBorder>
            <DataTable
              caption={t('participants.byReferent')}
              testId="by-referent"
              columns={[t('participants.referent'), t('participants.total'), t('participants.openPathways')]}
              minWidth={420}
              rows={data.by_referent.map((row) => ({
                key: row.referent.id,
                cells: [row.referent.full_name, integer(row.participants), integer(row.open_pathways)],
              }))}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
