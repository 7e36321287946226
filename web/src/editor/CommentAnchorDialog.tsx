import { useMutation } from '@apollo/client';
import { COMMENT_BODY_MAX_LENGTH } from '@jianyan/shared';
import type { Editor } from '@tiptap/core';
import { useId, useState, type FormEvent } from 'react';
import { toAppError, type AppError } from '../graphql/errors';
import { ADD_COMMENT_MUTATION, PROPOSAL_OPERATION } from '../graphql/proposals';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { showCommentThread } from './anchor-events';
import { applyCommentAnchor, type AnchorSelection } from './comment-anchors';
import { whenNotComposing } from './commands';
import { EDITOR_TEST_IDS } from './testids';
import type { EditorText } from './useEditorText';

interface CommentAnchorDialogProps {
  editor: Editor;
  proposalId: string;
  /** The passage, captured when the dialog opened (it follows everyone's edits meanwhile). */
  selection: AnchorSelection | null;
  onClose: () => void;
  t: EditorText;
}

/**
 * 评论: the first comment of a thread on the selected passage. The thread is created first; only
 * then is the passage marked with its commentAnchor mark (no mark when the thread was refused).
 */
export function CommentAnchorDialog({ editor, proposalId, selection, onClose, t }: CommentAnchorDialogProps) {
  const id = useId();
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [addComment, { loading }] = useMutation(ADD_COMMENT_MUTATION, { refetchQueries: [PROPOSAL_OPERATION] });

  const close = () => {
    setBody('');
    setBodyError(null);
    setError(null);
    setMessage(null);
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!selection) return;
    const text = body.trim();
    if (!text) return setBodyError(t('comment.required'));
    if (text.length > COMMENT_BODY_MAX_LENGTH) return setBodyError(t('comment.tooLong', { max: COMMENT_BODY_MAX_LENGTH }));
    setBodyError(null);
    setError(null);
    if (!selection.resolve()) return setMessage(t('comment.textGone'));
    const threadId = globalThis.crypto.randomUUID();
    try {
      await addComment({ variables: { input: { proposalId, body: text, anchor: { threadId, quote: selection.quote } } } });
    } catch (caught) {
      setError(toAppError(caught));
      return;
    }
    whenNotComposing(editor, () => {
      if (applyCommentAnchor(editor, selection, threadId)) {
        close();
        showCommentThread(proposalId, threadId);
      } else {
        setMessage(t('comment.notPlaced'));
      }
    });
  }

  return (
    <Dialog open={selection !== null} title={t('comment.title')} onClose={close} busy={loading} size="small">
      <form className="pe-comment-form" onSubmit={submit} noValidate data-testid={EDITOR_TEST_IDS.commentDialog}>
        <p className="field-label">{t('comment.quote')}</p>
        <blockquote className="pe-comment-quote">{selection?.quote}</blockquote>
        <div className={`field${bodyError ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-body`} className="field-label">
            {t('comment.label')}
          </label>
          <textarea
            id={`${id}-body`}
            className="input textarea"
            rows={3}
            value={body}
            maxLength={COMMENT_BODY_MAX_LENGTH}
            placeholder={t('comment.placeholder')}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? `${id}-error` : undefined}
            autoFocus
            onChange={(event) => setBody(event.target.value)}
            data-testid={EDITOR_TEST_IDS.commentDialogInput}
          />
          {bodyError && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {bodyError}
            </p>
          )}
        </div>
        <ErrorNotice error={error} message={message ?? undefined} />
        <div className="form-actions">
          <button type="button" className="button button-small" onClick={close} disabled={loading}>
            {t('comment.cancel')}
          </button>
          {!message && (
            <button type="submit" className="button button-primary button-small" disabled={loading} data-testid={EDITOR_TEST_IDS.commentDialogSubmit}>
              {loading ? t('comment.posting') : t('comment.submit')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
