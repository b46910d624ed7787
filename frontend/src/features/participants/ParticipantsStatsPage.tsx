import { Card, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsParticipantStats } from '../../client/sdk.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { integer, percent } from '../tenders/format';
import { DataTable } from '../../components/DataTable';

export function ParticipantsStatsPage() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['participants', 'stats'], queryFn: () => call(participantsParticipantStats()) });
  if (stats.isPending) return <Loading />;
  if (stats.error) return <ProblemAlert error={stats.error} />;
  const data = stats.data;
  const exits = data.exits.reduce((sum, e) => sum + e.count, 0);
  return (
    <Stack gap="md">
      <PageHeader title={t('participants.statsTitle')} description={t('participants.statsIntro')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder><Text size="sm" c="dimmed">{t('participants.total')}</Text><Text fw={700} size="xl" data-testid="stats-total">{integer(data.participants)}</Text></Card>
        <Card withBorder><Text size="sm" c="dimmed">{t('participants.openPathways')}</Text><Text fw={700} size="xl">{integer(data.open_pathways)}</Text></Card>
        <Card withBorder>
          <Text fw={700} size="lg" data-testid="dynamic-rate">{t('participants.dynamicRate', { rate: data.dynamic_exit_rate === null ? '—' : percent(data.dynamic_exit_rate) })}</Text>
          <Text size="xs" c="dimmed">{t('participants.dynamicRateHelp')}</Text>
        </Card>
      </SimpleGrid>
      <Title order={2} size="h4">{t('participants.exits')}</Title>
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
      <Title order={2} size="h4">{t('participants.referent')}</Title>
      <Paper withBorder>
        <DataTable
          caption={t('participants.statsTitle')}
          testId="by-referent"
          columns={[t('participants.referent'), t('participants.total'), t('participants.openPathways')]}
          minWidth={420}
          rows={data.by_referent.map((row) => ({
            key: row.referent.id,
            cells: [row.referent.full_name, integer(row.participants), integer(row.open_pathways)],
          }))}
        />
      </Paper>
    </Stack>
  );
}
