import { Alert, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { call, callWithETag } from '../../api/client';
import { operationsGetOperation, operationsOperationSummary, tendersListTenders } from '../../client/sdk.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { integer, percent } from './format';
import { useAuth } from '../auth/AuthProvider';
import { OperationForm, targetText } from './OperationsPage';
import { tenderRows, useTenderColumns } from './TendersPage';
import { DataTable } from '../../components/DataTable';

export function OperationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const columns = useTenderColumns();
  const [editing, setEditing] = useState(false);
  const operation = useQuery({
    queryKey: ['operation', id],
    queryFn: () => callWithETag(operationsGetOperation({ path: { operation_id: id } })),
  });
  const summary = useQuery({
    queryKey: ['operation', id, 'summary'],
    queryFn: () => call(operationsOperationSummary({ path: { operation_id: id } })),
  });
  const tenders = useQuery({
    queryKey: ['tenders', 'operation', id],
    queryFn: () => call(tendersListTenders({ query: { operation_id: id, limit: 200 } })),
  });
  if (operation.isPending) return <Loading />;
  if (operation.error) return <LoadError error={operation.error} />;
  const { data, etag } = operation.data;
  const roll = summary.data;
  const line =
    roll &&
    t(roll.target_kind ? 'operations.summaryLine' : 'operations.summaryLineNoTarget', {
      count: roll.lots,
      share: percent(roll.hours_share ?? 0),
      required: integer(roll.required_hours),
      labour: integer(roll.labour_hours),
      target: targetText(t, roll),
    });
  return (
    <Stack gap="md">
      <PageHeader
        title={data.name}
        description={data.description || undefined}
        actions={
          can('operations:manage') &&
          !editing && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('operations.edit')}
            </Button>
          )
        }
      />
      {editing && (
        <OperationForm
          key={etag}
          operation={data}
          etag={etag}
          onDone={() => setEditing(false)}
          onReload={() => void operation.refetch()}
        />
      )}
      <Group gap="xs">
        <Badge variant="light">{targetText(t, data)}</Badge>
        {data.eligibility_restriction && <Badge variant="light" color="grape">{t(`restrictions.${data.eligibility_restriction}`)}</Badge>}
      </Group>
      <Card withBorder padding="lg" component="section" aria-labelledby="summary-title">
        <Title order={2} size="h4" id="summary-title">
          {t('operations.summaryTitle')}
        </Title>
        {summary.error && <ProblemAlert error={summary.error} />}
        {roll && (
          <Stack gap="xs" mt="xs">
            {/* No lot yet: nothing to sum, nor to judge against the target. */}
            <Text data-testid="operation-summary">{roll.lots === 0 ? t('operations.noLots') : line}</Text>
            {roll.lots > 0 && (
              <Text size="sm" c="dimmed">
                {t('operations.lotsWithClause', { count: roll.lots_with_clause })}
              </Text>
            )}
            {roll.lots_closed_without_award > 0 && (
              <Text size="sm" c="dimmed" data-testid="lots-not-counted">
                {t('operations.closedNotCounted', { count: roll.lots_closed_without_award })}
              </Text>
            )}
            {roll.target_met !== null && (
              <Alert color={roll.target_met ? 'green' : 'orange'} variant="light" p="xs">
                {roll.target_met ? t('operations.met') : t('operations.notMet')}
              </Alert>
            )}
          </Stack>
        )}
      </Card>
      <Title order={2} size="h4">
        {t('operations.tenders')}
      </Title>
      <Paper withBorder>
        <DataTable caption={t('operations.tenders')} columns={columns} rows={tenderRows(tenders.data?.items ?? [])} />
        {tenders.data && tenders.data.items.length === 0 && (
          <Text c="dimmed" p="md" ta="center">
            {t('operations.noTenders')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
