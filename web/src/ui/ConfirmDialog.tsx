import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { AppError } from '../graphql/errors';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  error?: AppError | null;
  /** A localized message that replaces the one derived from the error code. */
  errorMessage?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra content between the message and the buttons (e.g. a note field). */
  children?: ReactNode;
  /** Disables the confirm button (e.g. while a required field is empty). */
  confirmDisabled?: boolean;
}

export function ConfirmDialog({ open, title, body, confirmLabel, tone = 'primary', busy, error, errorMessage, onConfirm, onCancel, children, confirmDisabled }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onCancel} busy={busy} size="small">
      <p>{body}</p>
      {children}
      <ErrorNotice error={error} message={error ? errorMessage : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`button ${tone === 'danger' ? 'button-danger' : 'button-primary'}`}
          onClick={onConfirm}
          disabled={busy || confirmDisabled}
          data-testid={TEST_IDS.confirmDialogConfirm}
          autoFocus
        >
          {busy ? t('common.working') : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
