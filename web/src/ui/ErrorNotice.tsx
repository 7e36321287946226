import { useTranslation } from 'react-i18next';
import type { AppError } from '../graphql/errors';
import { errorDetail, errorMessage } from '../i18n/errorMessages';

interface ErrorNoticeProps {
  error: AppError | null | undefined;
  /** A localized message that replaces the one derived from the error code. */
  message?: string;
  /** A localized heading before the message (what failed). */
  title?: string;
  testId?: string;
  onRetry?: () => void;
}

/** A localized error message; the server's own text, when useful, follows as a detail. */
export function ErrorNotice({ error, message, title, testId, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  if (!error && !message) return null;
  const detail = error ? errorDetail(t, error) : null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      {title && <p className="notice-title">{title}</p>}
      <p className="notice-message">{message ?? (error ? errorMessage(t, error) : '')}</p>
      {detail && (
        <p className="notice-detail" lang="en">
          {detail}
        </p>
      )}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function SuccessNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="notice notice-success" role="status">
      <p className="notice-message">{message}</p>
    </div>
  );
}
