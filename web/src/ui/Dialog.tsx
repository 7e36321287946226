import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Block Escape and the close button while something is being saved. */
  busy?: boolean;
  size?: 'small' | 'medium';
}

/**
 * A modal dialog on the native <dialog> element (focus trap, Escape, backdrop), returning focus
 * to where it was on close. Content is rendered only while open, so forms start fresh each time.
 */
export function Dialog({ open, title, onClose, children, busy, size = 'medium' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {open && (
        <div className="dialog-body">
          <header className="dialog-header">
            <h2 id={titleId} className="dialog-title">
              {title}
            </h2>
            <button type="button" className="button button-ghost button-small" onClick={onClose} disabled={busy}>
              {t('common.close')}
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}
