import { gql, useQuery, type TypedDocumentNode } from '@apollo/client';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useId, useMemo, useState, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { useCurrentUser } from '../auth/session';
import { Loading } from '../ui/Status';
import { colorForUser } from './colors';
import { useCollabSession, useCollabValue, type CollabSession, type SizeRefusal } from './collab';
import { sizeLabel } from './document-size';
import { whenNotComposing } from './commands';
import { ConnectionStatus } from './ConnectionStatus';
import { collaborativeExtensions } from './extensions';
import { Presence } from './Presence';
import { EDITOR_TEST_IDS } from './testids';
import { Toolbar } from './Toolbar';
import { useEditorText, type EditorText } from './useEditorText';
import { registerCitationEditor } from './citations';
import { publishAnchors, showCommentThread } from './anchor-events';
import { captureAnchorSelection, liveAnchors, type AnchorSelection } from './comment-anchors';
import { CommentAnchorDialog } from './CommentAnchorDialog';
import './editor.css';

export interface ProposalEditorProps {
  proposalId: string;
  /**
   * Whether the signed-in person may change the text (owner or co-author of an editable
   * proposal). The server has the last word: it may still make the connection read-only.
   */
  canEdit: boolean;
  /** Inside a card of the page (flat: no shadow of its own). */
  embedded?: boolean;
}

const BODY_LIMIT_QUERY: TypedDocumentNode<{ proposal: { id: string; bodyMaxBytes: number } }, { id: string }> = gql`
  query ProposalBodyLimit($id: ID!) {
    proposal(id: $id) {
      id
      bodyMaxBytes
    }
  }
`;

/**
 * 正文: the proposal body, edited together in real time (tiptap + Yjs over /collab). Shows who
 * is in the document, their carets, and whether one's changes are saved; works offline and
 * syncs when the connection is back; read-only for those who may not edit.
 */
export function ProposalEditor({ proposalId, canEdit, embedded = false }: ProposalEditorProps) {
  const me = useCurrentUser();
  const t = useEditorText();
  const user = useMemo(() => ({ id: me.id, name: me.displayName, color: colorForUser(me.id) }), [me.id, me.displayName]);
  const limit = useQuery(BODY_LIMIT_QUERY, { variables: { id: proposalId } });
  const { session, refusal, dismissRefusal } = useCollabSession(proposalId, user, limit.data?.proposal.bodyMaxBytes ?? null);
  const refusalNotice = refusal && <SizeRefusalNotice refusal={refusal} onDismiss={dismissRefusal} t={t} />;
  if (!session) {
    return (
      <div className={embedded ? 'pe pe-embedded' : 'pe'}>
        {refusalNotice}
        <Loading label={t('editor.loading')} />
      </div>
    );
  }
  return (
    <CollaborativeEditor
      key={session.key}
      proposalId={proposalId}
      session={session}
      canEdit={canEdit}
      embedded={embedded}
      t={t}
      notice={refusalNotice}
    />
  );
}

/** A change was not saved: the document would have passed the server's size limit. */
function SizeRefusalNotice({ refusal, onDismiss, t }: { refusal: SizeRefusal; onDismiss(): void; t: EditorText }) {
  return (
    <div className="notice notice-error pe-notice" role="alert" data-testid={EDITOR_TEST_IDS.sizeRefusal}>
      <p>{t(refusal.reloaded ? 'editor.tooLargeReloaded' : 'editor.tooLarge', { size: sizeLabel(refusal.maxBytes) })}</p>
      <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
        {t('editor.dismiss')}
      </button>
    </div>
  );
}

interface CollaborativeEditorProps {
  proposalId: string;
  session: CollabSession;
  canEdit: boolean;
  embedded: boolean;
  t: EditorText;
  notice: ReactNode;
}

function CollaborativeEditor({ proposalId, session, canEdit, embedded, t, notice }: CollaborativeEditorProps) {
  const scope = useCollabValue(session, 'scope');
  const denied = useCollabValue(session, 'denied');
  const loaded = useCollabValue(session, 'loaded');
  const disconnected = useCollabValue(session, 'connection') === 'disconnected';
  /** May edit, as far as we know (the server may still answer read-only). */
  const mayEdit = canEdit && scope !== 'readonly' && !denied;
  // Typing into the empty placeholder before the stored text arrived would merge into it oddly.
  const editable = mayEdit && loaded;
  const labelId = useId();
  const extensions = useMemo(() => collaborativeExtensions(session, session.user), [session]);

  // Created once per session; `editable` here is only the initial value (see the effect below).
  const editor = useEditor(
    {
      extensions,
      editable,
      editorProps: {
        attributes: { class: 'pe-content', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': labelId },
      },
    },
    [session],
  );

  // While editable, the evidence panel on the same page may cite evidence at the selection.
  useEffect(() => registerCitationEditor(proposalId, editable ? editor : null), [proposalId, editor, editable]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || editor.isEditable === editable) return;
    whenNotComposing(editor, () => {
      if (editor.isEditable !== editable) editor.setEditable(editable, false);
    });
  }, [editor, editable]);

  // The comments panel shows each anchored thread's text as it is now in this document.
  useEffect(() => {
    if (!editor || !loaded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const publish = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const anchors = liveAnchors(editor);
      const key = JSON.stringify([...anchors]);
      if (key !== last) publishAnchors(proposalId, anchors);
      last = key;
    };
    const schedule = () => {
      timer ??= setTimeout(publish, 250);
    };
    publish();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      if (timer) clearTimeout(timer);
      publishAnchors(proposalId, null);
    };
  }, [editor, loaded, proposalId]);

  const [anchorSelection, setAnchorSelection] = useState<AnchorSelection | null>(null);
  const startComment = () => {
    if (editor) setAnchorSelection(captureAnchorSelection(editor));
  };

  /** A click on anchored text shows its thread in the comments panel (the innermost of overlapping ones). */
  const onBodyClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-comment-thread]') : null;
    const threadId = anchor?.dataset.commentThread;
    if (threadId && editor?.state.selection.empty !== false) showCommentThread(proposalId, threadId);
  };

  const style = { '--pe-suggestion-label': JSON.stringify(t('editor.suggestionLabel')) } as CSSProperties;

  return (
    <div className={['pe', mayEdit ? 'pe-editable' : 'pe-readonly', embedded && 'pe-embedded'].filter(Boolean).join(' ')} style={style}>
      <div className="pe-header">
        <span id={labelId} className="visually-hidden">
          {t('editor.label')}
        </span>
        <Presence session={session} t={t} />
        <ConnectionStatus session={session} canEdit={canEdit} t={t} />
      </div>
      {mayEdit && editor && <Toolbar editor={editor} enabled={editable} t={t} onComment={startComment} />}
      {editor && (
        <CommentAnchorDialog editor={editor} proposalId={proposalId} selection={anchorSelection} onClose={() => setAnchorSelection(null)} t={t} />
      )}
      {notice}
      {denied && (
        <div className="notice notice-error pe-notice" role="alert">
          <p>{t('editor.denied')}</p>
        </div>
      )}
      {canEdit && scope === 'readonly' && (
        <div className="notice notice-info pe-notice">
          <p>{t('editor.readonlyNotice')}</p>
        </div>
      )}
      <div className="pe-body" data-testid={EDITOR_TEST_IDS.editor} aria-busy={!loaded || undefined} onClick={onBodyClick}>
        {!loaded && !denied && !disconnected && (
          <div className="pe-loading">
            <Loading label={t('editor.loading')} />
          </div>
        )}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
