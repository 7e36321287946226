import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A polite loading message (announced by screen readers). */
export function Loading({ label, fullPage }: { label?: string; fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullPage ? 'loading loading-full' : 'loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
