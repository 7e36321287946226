import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';

type CopyState = 'idle' | 'copied' | 'failed';

/** The generated password, shown once, with a copy button. */
export function TemporaryPasswordPanel({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const codeRef = useRef<HTMLElement>(null);

  async function onCopy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy('copied');
    } catch {
      // Clipboard API unavailable (e.g. plain HTTP): select the text for a manual copy.
      const node = codeRef.current;
      const selection = window.getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      setCopy('failed');
    }
  }

  return (
    <div className="stack">
      <p>{t('tempPassword.body', { name })}</p>
      <div className="secret">
        <code ref={codeRef} className="secret-value" data-testid={TEST_IDS.temporaryPassword} translate="no">
          {password}
        </code>
        <button type="button" className="button button-small" onClick={onCopy}>
          {copy === 'copied' ? t('tempPassword.copied') : t('tempPassword.copy')}
        </button>
      </div>
      <p className="muted small" role="status">
        {copy === 'failed' ? t('tempPassword.copyFailed') : ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          {t('tempPassword.done')}
        </button>
      </div>
    </div>
  );
}
