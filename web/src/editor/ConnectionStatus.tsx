import { saveStateOf, useCollabSnapshot, type CollabSession } from './collab';
import type { EditorMessageKey } from './messages';
import { EDITOR_TEST_IDS } from './testids';
import type { EditorText } from './useEditorText';

const HINTS: Record<string, EditorMessageKey> = {
  saved: 'status.savedHint',
  saving: 'status.savingHint',
  connecting: 'status.savingHint',
  offline: 'status.offlineHint',
  readonly: 'status.readonlyHint',
  denied: 'editor.denied',
};

/** 已保存 / 保存中 / 离线 / 只读: whether this person's changes are stored on the server. */
export function ConnectionStatus({ session, canEdit, t }: { session: CollabSession; canEdit: boolean; t: EditorText }) {
  const { state, variant } = saveStateOf(useCollabSnapshot(session), canEdit);
  // Saving ↔ saved flips with every keystroke: only losing the connection or the right to edit is
  // announced to screen readers.
  const announce = variant === 'offline' || variant === 'denied' || variant === 'readonly';
  return (
    <>
      <p className={`pe-status pe-status-${variant}`} data-testid={EDITOR_TEST_IDS.connectionStatus} data-state={state} title={t(HINTS[variant])}>
        <span className="pe-status-dot" aria-hidden="true" />
        <span>{t(`status.${variant}`)}</span>
      </p>
      <span className="visually-hidden" role="status">
        {announce ? t(HINTS[variant]) : ''}
      </span>
    </>
  );
}
