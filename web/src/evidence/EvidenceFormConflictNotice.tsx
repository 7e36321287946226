import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../graphql/evidence';

interface EvidenceFormConflictNoticeProps {
  /** The latest version on the server. */
  conflict: EvidenceDetail;
  busy: boolean;
  onReload: (latest: EvidenceDetail) => void;
  onOverwrite: (latest: EvidenceDetail) => void;
}

/** Someone saved the record in between: reload their version or save hers over it. */
export function EvidenceFormConflictNotice({ conflict, busy, onReload, onOverwrite }: EvidenceFormConflictNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-message">{t('evidenceForm.conflict', { version: conflict.version })}</p>
      <div className="notice-actions">
        <button type="button" className="button button-small" onClick={() => onReload(conflict)}>
          {t('evidenceForm.conflictReload')}
        </button>
        <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => onOverwrite(conflict)}>
          {t('evidenceForm.conflictOverwrite')}
        </button>
      </div>
    </div>
  );
}
