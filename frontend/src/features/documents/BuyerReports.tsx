import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { documentsIssueBuyerReport, documentsListDocuments } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { todayIso } from '../../lib/dates';
import { monthLabel } from '../hours/hours';
import { MonthPicker } from '../hours/MonthPicker';
import { defaultReportMonth } from './documents';
import { DocumentsTable } from './DocumentsTable';
import { IssueButton } from './IssueButton';

/** A buyer's monthly compliance report (PDF and XLSX): "Délivrer le rapport" for the chosen
 * month (the last complete one by default), after a confirmation since an edition is archived
 * for good, and the reports already issued for the buyer for that month. */
export function BuyerReports({ buyerId, buyerName }: { buyerId: string; buyerName?: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState<string | null>(defaultReportMonth(todayIso()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reports = useQuery({
    queryKey: ['documents', 'buyer', buyerId, month],
    queryFn: () =>
      call(documentsListDocuments({ query: { kind: 'buyer_monthly_report', buyer_id: buyerId, month: month ?? undefined, limit: 24 } })),
  });
  const issue = async (): Promise<boolean> => {
    if (!month) return false;
    setError(null);
    setBusy(true);
    try {
      await call(documentsIssueBuyerReport({ body: { buyer_id: buyerId, month } }));
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('documents.buyerReportIssued') });
      return true;
    } catch (caught) {
      setError(caught);
      return false;
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
          <IssueButton
            label={t('documents.issueBuyerReport')}
            confirmation={t('documents.issueBuyerReportConfirm', { month: month ? monthLabel(month, i18n.language) : '', name: buyerName ?? '' })}
            busy={busy}
            disabled={!month}
            onIssue={issue}
          />
        </Group>
        <ProblemAlert error={error} />
        {items.length > 0 ? (
          <DocumentsTable documents={items} caption={t('documents.buyerReportTitle')} withMonth />
        ) : (
          reports.isSuccess && month && <Text size="sm">{t('documents.noBuyerReport', { month: monthLabel(month, i18n.language) })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
