import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { Notice } from '../proposals/useNotice';

/** Success notices fade; warnings (a conflict) stay until dismissed. */
export function NoticeToast({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {notice && (
        <div key={notice.id} className={`toast toast-${notice.kind}`} data-testid={TEST_IDS.evidenceNotice} data-kind={notice.kind}>
          <p>{notice.message}</p>
          <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}
