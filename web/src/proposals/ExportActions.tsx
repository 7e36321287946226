import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { docxExportUrl, downloadDocx } from './docxDownload';

/** The print-ready view of a proposal (no app shell). */
export const printPath = (proposalId: string): string => `/proposals/${encodeURIComponent(proposalId)}/print`;

interface ExportActionsProps {
  proposalId: string;
  showPrint?: boolean;
  /** Tells the user why the download failed (a localized message). */
  onError: (message: string) => void;
  /** A new download starts (to clear an earlier failure). */
  onStart?: () => void;
}

/**
 * 下载 Word / 打印: the proposal as a formal document, for anyone who can read it. The Word link is
 * a plain download link; with scripts on, a click fetches the file (see downloadDocx) so that a
 * failure is explained on the page.
 */
export function ExportActions({ proposalId, showPrint = true, onError, onStart }: ExportActionsProps) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState(false);

  async function onDocx(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (downloading) return;
    setDownloading(true);
    onStart?.();
    try {
      const result = await downloadDocx(proposalId);
      if (!result.ok) {
        const key = result.failure === 'UNAUTHENTICATED' ? 'exports.signedOut' : result.failure === 'NOT_FOUND' ? 'exports.notFound' : 'exports.failed';
        onError(t(key));
      }
    } finally {
      setDownloading(false);
    }
  }

  return (
    <div className="export-actions" role="group" aria-label={t('exports.groupLabel')}>
      <a
        href={docxExportUrl(proposalId)}
        download
        className="button button-small"
        title={t('exports.docxHint')}
        aria-busy={downloading || undefined}
        onClick={(event) => void onDocx(event)}
        data-testid={TEST_IDS.exportDocx}
      >
        <DownloadIcon />
        {downloading ? t('exports.downloading') : t('exports.docx')}
      </a>
      {showPrint && (
        <Link to={printPath(proposalId)} className="button button-small" title={t('exports.printHint')}>
          <PrintIcon />
          {t('exports.print')}
        </Link>
      )}
    </div>
  );
}

const iconProps = {
  className: 'button-icon-svg',
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

function DownloadIcon() {
  return (
    <svg {...iconProps}>
      <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
    </svg>
  );
}

export function PrintIcon() {
  return (
    <svg {...iconProps}>
      <path d="M4.5 6V2.5h7V6M4.5 11.5h-2v-5h11v5h-2M4.5 9.5h7v4h-7z" />
    </svg>
  );
}
