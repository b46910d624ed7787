import { Alert, Button, FileInput, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { hoursImportHours } from '../../client/sdk.gen';
import type { HoursImportResult } from '../../client/types.gen';
import { ImportReportCard, useCsvImport } from '../../components/CsvImport';
import { ProblemAlert } from '../../components/Feedback';
import { download } from '../tenders/files';
import { monthLabel } from './hours';
import { useHoursRefresh } from './HoursModals';

/** A file of hours checked line by line (dry run), then written all at once or not at all. */
function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useHoursRefresh();
  const csv = useCsvImport(
    (file, apply) => call(hoursImportHours({ body: { file }, query: { apply } })),
    async (result: HoursImportResult) => {
      await refresh();
      notifications.show({ color: 'green', message: t('hours.imported', {
          declarations: t('hours.declarationCount', { count: result.created }),
          corrections: t('hours.correctionCount', { count: result.updated }),
        }) });
      onClose();
    },
  );
  const report = csv.report;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('hours.importTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
      <Stack>
        <Alert variant="light">{t('hours.importIntro')}</Alert>
        <FileInput label={t('participants.file')} accept=".csv,text/csv" value={csv.file} onChange={csv.setFile} />
        <Group>
          <Button variant="light" disabled={!csv.file} loading={csv.busy} onClick={() => void csv.run(false)}>{t('participants.dryRun')}</Button>
          <Button disabled={!csv.applicable} loading={csv.busy} onClick={() => void csv.run(true)}>{t('hours.importApply')}</Button>
        </Group>
        <ProblemAlert error={csv.error} />
        {report && (
          <ImportReportCard
            report={report}
            caption={t('hours.importTitle')}
            summary={t('hours.importReport', {
              valid: t('hours.validLines', { count: report.valid }),
              rows: report.rows,
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
            })}
          />
        )}
      </Stack>
    </Modal>
  );
}

/** The month's file to fill (every running mission) and, for the employer, its import. */
export function HoursFileButtons({ month, employerId, imports }: { month: string; employerId: string | null; imports: boolean }) {
  const { t, i18n } = useTranslation();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const query = new URLSearchParams({ month, ...(employerId && !imports ? { employer_id: employerId } : {}) });
  const getTemplate = async () => {
    setError(null);
    try {
      await download(`/api/v1/hours/template?${query}`, `heures-${month}.csv`);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="default" onClick={() => void getTemplate()}>
          {t('hours.template', { month: monthLabel(month, i18n.language) })}
        </Button>
        {imports && <Button variant="light" onClick={() => setImporting(true)}>{t('hours.import')}</Button>}
      </Group>
      <ProblemAlert error={error} />
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </Stack>
  );
}
