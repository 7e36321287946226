import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { EvidenceFilter } from '../graphql/evidence';
import { downloadFile } from './download';
import { exportQuery } from './libraryParams';

/** CSV and XLSX downloads of the library as filtered. */
export function ExportButtons({ filter }: { filter: EvidenceFilter }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<null | 'csv' | 'xlsx'>(null);
  const [error, setError] = useState<string | null>(null);

  async function onExport(format: 'csv' | 'xlsx') {
    if (busy) return;
    setBusy(format);
    setError(null);
    try {
      const accept = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const result = await downloadFile(`/export/evidence.${format}${exportQuery(filter)}`, accept, `evidence.${format}`);
      if (!result.ok) setError(t(result.failure === 'UNAUTHENTICATED' ? 'evidence.downloadSignedOut' : 'evidence.downloadFailed'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-group">
      <div className="export-actions" role="group" aria-label={t('evidenceList.exportLabel')} title={t('evidenceList.exportHint')}>
        <button type="button" className="button button-small" onClick={() => void onExport('csv')} disabled={busy !== null} data-testid={TEST_IDS.evidenceExportCsv}>
          <DownloadIcon />
          {busy === 'csv' ? t('evidenceList.exporting') : t('evidenceList.exportCsv')}
        </button>
        <button type="button" className="button button-small" onClick={() => void onExport('xlsx')} disabled={busy !== null} data-testid={TEST_IDS.evidenceExportXlsx}>
          <DownloadIcon />
          {busy === 'xlsx' ? t('evidenceList.exporting') : t('evidenceList.exportXlsx')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg className="button-icon-svg" width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable={false}>
      <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
    </svg>
  );
}
