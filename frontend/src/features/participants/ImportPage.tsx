import { Alert, Button, Card, FileInput, Group, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { call } from '../../api/client';
import { participantsImportParticipants, participantsParticipantFormOptions } from '../../client/sdk.gen';
import { ImportReportCard, useCsvImport } from '../../components/CsvImport';
import { ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [structure, setStructure] = useState<string | null>(null);
  const options = useQuery({ queryKey: ['participants', 'options'], queryFn: () => call(participantsParticipantFormOptions()) });
  const csv = useCsvImport(
    (file, apply) => call(participantsImportParticipants({ body: { file, structure_id: structure ?? undefined }, query: { apply } })),
    async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['participants'] });
      notifications.show({ color: 'green', message: t('participants.imported', { count: result.created }) });
      navigate('/participants');
    },
  );
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('participants.importTitle')} />
      <Alert variant="light">{t('participants.importIntro')}</Alert>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <FileInput label={t('participants.file')} accept=".csv,text/csv" value={csv.file} onChange={csv.setFile} />
          <Select label={t('participants.structure')} clearable value={structure} onChange={setStructure}
            data={(options.data?.structures ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          <Group>
            <Button variant="light" disabled={!csv.file} loading={csv.busy} onClick={() => void csv.run(false)}>{t('participants.dryRun')}</Button>
            <Button disabled={!csv.applicable} loading={csv.busy} onClick={() => void csv.run(true)}>{t('participants.apply')}</Button>
          </Group>
          <ProblemAlert error={csv.error} />
        </Stack>
      </Card>
      {csv.report && (
        <ImportReportCard
          report={csv.report}
          caption={t('participants.importTitle')}
          summary={t('participants.report', { valid: csv.report.valid, rows: csv.report.rows })}
        />
      )}
    </Stack>
  );
}
