import { Button, Code } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DocumentRead } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { DataTable } from '../../components/DataTable';
import { monthLabel } from '../hours/hours';
import { download } from '../tenders/files';
import { useAuth } from '../auth/AuthProvider';
import { fileSize, issuedAt, shortDigest, showsDigest } from './documents';

/** Issued documents, each with its edition, date, size, digest (for the facilitator and the
 * admin) and a download button (and the
 * month it covers, `withMonth`, for monthly reports). */
export function DocumentsTable({ documents, caption, withMonth = false }: { documents: readonly DocumentRead[]; caption: string; withMonth?: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const digest = showsDigest(useAuth().me?.role);
  const columns = [
    t('documents.file'),
    ...(withMonth ? [t('documents.month')] : []),
    t('documents.edition'),
    t('documents.issuedAt'),
    t('documents.size'),
    ...(digest ? [t('documents.digest')] : []),
    t('documents.fileColumn'),
  ];
  const rows = documents.map((document) => ({
    key: document.id,
    cells: [
      document.filename,
      ...(withMonth ? [document.month ? monthLabel(document.month, i18n.language) : '—'] : []),
      String(document.edition),
      issuedAt(document.issued_at, i18n.language),
      fileSize(document.size, i18n.language),
      ...(digest ? [<Code title={document.sha256}>{shortDigest(document)}</Code>] : []),
      <Button
        size="xs"
        variant="light"
        aria-label={t('documents.downloadNamed', { name: document.filename })}
        onClick={() => {
          setError(null);
          download(document.download_url, document.filename).catch(setError);
        }}
      >
        {t('documents.download')}
      </Button>,
    ],
  }));
  return (
    <>
      <ProblemAlert error={error} />
      <DataTable caption={caption} columns={columns} rows={rows} minWidth={720} />
    </>
  );
}
