import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { documentsIssueBuyerReport, documentsListDocuments } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { todayIso } from '../../lib/dates';
import { monthOf } from '../hours/hours';
import { MonthPicker } from '../hours/MonthPicker';
import { DocumentsTable } from './DocumentsTable';

/** A buyer's monthly compliance report (PDF and XLSX): "Délivrer le rapport" for the chosen
 * month, and the reports already issued for the buyer. */
export function BuyerReports({ buyerId, buyerName }: { buyerId: string; buyerName?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<string | null>(monthOf(todayIso()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reports = useQuery({
    queryKey: ['documents', 'buyer', buyerId],
    queryFn: () => call(documentsListDocuments({ query: { kind: 'buyer_monthly_report', buyer_id: buyerId, limit: 24 } })),
  });
  const issue = async () => {
    if (!month) return;
    setError(null);
    setBusy(true);
    try {
      await call(documentsIssueBuyerReport({ body: { buyer_id: buyerId, month } }));
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('documents.buyerReportIssued') });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const items = reports.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('documents.buyerReportTitle')}</Title>
        <Text size="sm" c="dimmed">{t('documents.buyerReportIntro', { name: buyerName ?? '' })}</Text>
        <Group align="end">
          <MonthPicker label={t('documents.month')} value={month} onChange={setMonth} />
          <Button onClick={() => void issue()} loading={busy} disabled={!month}>{t('documents.issueBuyerReport')}</Button>
        </Group>
        <ProblemAlert error={error} />
        {items.length > 0 && <DocumentsTable documents={items} caption={t('documents.buyerReportTitle')} />}
      </Stack>
    </Paper>
  );
}
