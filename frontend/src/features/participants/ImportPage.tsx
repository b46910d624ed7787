import { Alert, Button, Card, FileInput, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { call } from '../../api/client';
import { participantsImportParticipants, participantsParticipantFormOptions } from '../../client/sdk.gen';
import type { ImportResult } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/problem';
import { DataTable } from '../../components/DataTable';

export function ImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [structure, setStructure] = useState<string | null>(null);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = useQuery({ queryKey: ['participants', 'options'], queryFn: () => call(participantsParticipantFormOptions()) });
  const send = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call(
        participantsImportParticipants({ body: { file, structure_id: structure ?? undefined }, query: { apply } }),
      );
      setReport(result);
      if (apply) {
        await queryClient.invalidateQueries({ queryKey: ['participants'] });
        notifications.show({ color: 'green', message: t('participants.imported', { count: result.created }) });
        navigate('/participants');
      }
    } catch (caught) {
      // A rejected import answers 422 with the whole report.
      if (caught instanceof ApiError && caught.problem.code === 'import_rejected') setReport((caught.problem as unknown as { report: ImportResult }).report);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const rows = report?.errors.flatMap((row) => row.errors.map((e, i) => ({ key: `${row.line}-${i}`, line: row.line, ...e }))) ?? [];
  return (
    <Stack gap="md" maw={900}>
      <PageHeader title={t('participants.importTitle')} />
      <Alert variant="light">{t('participants.importIntro')}</Alert>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <FileInput label={t('participants.file')} accept=".csv,text/csv" value={file} onChange={(f) => { setFile(f); setReport(null); }} />
          <Select label={t('participants.structure')} clearable value={structure} onChange={setStructure}
            data={(options.data?.structures ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          <Group>
            <Button variant="light" disabled={!file} loading={busy} onClick={() => void send(false)}>{t('participants.dryRun')}</Button>
            <Button disabled={!file || !report || report.errors.length > 0 || report.file_errors.length > 0} loading={busy} onClick={() => void send(true)}>{t('participants.apply')}</Button>
          </Group>
          <ProblemAlert error={error} />
        </Stack>
      </Card>
      {report && (
        <Card withBorder padding="lg" data-testid="import-report">
          <Text fw={600}>{t('participants.report', { valid: report.valid, rows: report.rows })}</Text>
          {report.file_errors.map((message) => <Text key={message} c="red.9" size="sm">{message}</Text>)}
          {rows.length > 0 && (
            <Paper withBorder mt="sm">
              <DataTable
                caption={t('participants.importTitle')}
                columns={[t('participants.line'), t('participants.field'), t('participants.message')]}
                minWidth={520}
                rows={rows.map((r) => ({
                  key: r.key,
                  // The file's own header when the error is about one of its columns (the message says it too).
                  cells: [r.line, r.column ?? t(`importColumns.${r.field}`, { defaultValue: r.field }), r.message],
                }))}
              />
            </Paper>
          )}
        </Card>
      )}
    </Stack>
  );
}
