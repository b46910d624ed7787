import { Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { documentsIssueCertificate, documentsLotDocuments } from '../../client/sdk.gen';
import { ProblemAlert } from '../../components/Feedback';
import { useAuth } from '../auth/AuthProvider';
import { DocumentsTable } from './DocumentsTable';
import { IssueButton } from './IssueButton';

/** A lot's completion certificates, and "Délivrer l'attestation" when the read allows it
 * (the structure's facilitator, once the clause is fulfilled). */
export function LotDocuments({ tenderId, lotId }: { tenderId: string; lotId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const enabled = can('documents:read');
  const queryKey = ['documents', 'lot', lotId];
  const documents = useQuery({
    queryKey,
    queryFn: () => call(documentsLotDocuments({ path: { tender_id: tenderId, lot_id: lotId } })),
    enabled,
  });
  if (!enabled || !documents.data) return null;
  const { items, actions } = documents.data;
  if (items.length === 0 && !actions.issue_certificate) return null;
  const issue = async (): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await call(documentsIssueCertificate({ path: { tender_id: tenderId, lot_id: lotId } }));
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      notifications.show({ color: 'green', message: t('documents.certificateIssued') });
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('documents.lotTitle')}</Title>
        <Text size="sm" c="dimmed">{t('documents.lotIntro')}</Text>
        <ProblemAlert error={error} />
        {items.length > 0 && <DocumentsTable documents={items} caption={t('documents.lotTitle')} />}
        {actions.issue_certificate && (
          <IssueButton
            label={items.length > 0 ? t('documents.reissueCertificate') : t('documents.issueCertificate')}
            confirmation={t(items.length > 0 ? 'documents.reissueCertificateConfirm' : 'documents.issueCertificateConfirm', { edition: Math.max(0, ...items.map((item) => item.edition)) + 1 })}
            busy={busy}
            onIssue={issue}
          />
        )}
      </Stack>
    </Paper>
  );
}
