import { Card, Paper, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ImportRowErrors } from '../client/types.gen';
import { ApiError } from '../lib/problem';
import { DataTable } from './DataTable';

/** What every CSV import answers: the lines read, those valid, and each line's errors. */
export interface ImportReportShape {
  rows: number;
  valid: number;
  file_errors: string[];
  errors: ImportRowErrors[];
}

/**
 * A CSV import's state: the file chosen, a dry run or an apply (`run`), and the report the
 * API answers — also when an apply is refused (422 `import_rejected` carries the report).
 */
export function useCsvImport<R extends ImportReportShape>(
  send: (file: File, apply: boolean) => Promise<R>,
  onApplied: (report: R) => Promise<void> | void,
) {
  const [file, setFileState] = useState<File | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send(file, apply);
      setReport(result);
      if (apply) await onApplied(result);
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.code === 'import_rejected') {
        setReport((caught.problem as unknown as { report: R }).report);
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const setFile = (chosen: File | null) => {
    setFileState(chosen);
    setReport(null);
    setError(null);
  };
  // Applying needs a dry run of this file without any error.
  const applicable = Boolean(file && report && report.errors.length === 0 && report.file_errors.length === 0);
  return { file, setFile, report, error, busy, run, applicable };
}

/** A report line by line: the file's own column (or the field's name) and what is wrong. */
export function ImportReportCard({ report, caption, summary }: { report: ImportReportShape; caption: string; summary: ReactNode }) {
  const { t } = useTranslation();
  const rows = report.errors.flatMap((row) => row.errors.map((e, i) => ({ key: `${row.line}-${i}`, line: row.line, ...e })));
  return (
    <Card withBorder padding="lg" data-testid="import-report">
      <Text fw={600}>{summary}</Text>
      {report.file_errors.map((message) => (
        <Text key={message} c="red.9" size="sm">{message}</Text>
      ))}
      {rows.length > 0 && (
        <Paper withBorder mt="sm">
          <DataTable
            caption={caption}
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
  );
}
