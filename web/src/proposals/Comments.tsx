import { useMutation } from '@apollo/client';
import { COMMENT_BODY_MAX_LENGTH, COMMENT_MENTIONS_MAX } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useCurrentUser } from '../auth/session';
import { toAppError, type AppError } from '../graphql/errors';
import {
  ADD_COMMENT_MUTATION,
  PROPOSAL_OPERATION,
  RESOLVE_COMMENT_THREAD_MUTATION,
  UNRESOLVE_COMMENT_THREAD_MUTATION,
} from '../graphql/proposals';
import type { Comment, CommentThread } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AnchorQuote, threadElementId, useLiveAnchors, useReloadOnNewAnchors, useShowThreadOnAnchorClick } from './CommentAnchor';
import { fieldErrorOf } from './errors';
import type { SectionProps } from './section';

/** Discussion of the proposal as a whole. */
export function CommentsSection(props: SectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const count = props.proposal.comments.reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
  useShowThreadOnAnchorClick(props.proposal.id);
  useReloadOnNewAnchors(props.proposal.id, props.proposal.comments, props.reload);
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('comments.title')}
          <span className="count">{count}</span>
        </h2>
      </header>
      {props.permissions.canEdit && <p className="muted small">{t('comments.anchorHint')}</p>}
      <CommentThreads {...props} threads={props.proposal.comments} suggestionId={null} />
    </section>
  );
}

interface CommentThreadsProps extends SectionProps {
  threads: readonly CommentThread[];
  /** The suggestion discussed, or null for the proposal. */
  suggestionId: string | null;
}

/** Threads (first comment, replies, resolve / reopen) and the form to start a new one. */
export function CommentThreads(props: CommentThreadsProps) {
  const { threads, permissions, suggestionId } = props;
  const { t } = useTranslation();
  const live = useLiveAnchors(props.proposal.id);
  return (
    <div className="comments">
      {threads.length === 0 ? (
        <p className="muted">{permissions.canComment ? t('comments.emptyCanComment') : t('comments.empty')}</p>
      ) : (
        <ul className="thread-list">
          {threads.map((thread) => (
            <Thread key={thread.id} {...props} thread={thread} live={live} />
          ))}
        </ul>
      )}
      {permissions.canComment ? (
        <CommentForm {...props} suggestionId={suggestionId} parentId={null} />
      ) : (
        permissions.isMember && <p className="muted small">{t('comments.readOnly')}</p>
      )}
    </div>
  );
}

function Thread(props: CommentThreadsProps & { thread: CommentThread; live: Map<string, string> | null }) {
  const { thread, permissions, live } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [resolve, resolving] = useMutation(RESOLVE_COMMENT_THREAD_MUTATION);
  const [unresolve, unresolving] = useMutation(UNRESOLVE_COMMENT_THREAD_MUTATION);
  const busy = resolving.loading || unresolving.loading;

  async function toggleResolved() {
    setError(null);
    try {
      const variables = { commentId: thread.id };
      await (thread.resolved ? unresolve({ variables }) : resolve({ variables }));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <li
      className={`thread${thread.resolved ? ' thread-resolved' : ''}`}
      aria-label={t('comments.threadLabel', { name: thread.author.displayName })}
      id={thread.anchor ? threadElementId(thread.anchor.threadId) : undefined}
      tabIndex={thread.anchor ? -1 : undefined}
      data-anchor-thread={thread.anchor?.threadId}
    >
      {thread.anchor && <AnchorQuote proposalId={props.proposal.id} anchor={thread.anchor} live={live} />}
      <CommentView comment={thread} />
      {thread.replies.length > 0 && (
        <ul className="reply-list">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} />
            </li>
          ))}
        </ul>
      )}
      {thread.resolved && (
        <p className="thread-resolved-note small">
          <span className="badge badge-success">{t('comments.resolved')}</span>{' '}
          {thread.resolvedBy &&
            thread.resolvedAt &&
            t('comments.resolvedBy', { name: thread.resolvedBy.displayName, date: format.date(thread.resolvedAt) })}
        </p>
      )}
      <ErrorNotice error={error} />
      <div className="thread-actions">
        {permissions.canComment && !replying && (
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={t('comments.replyTo', { name: thread.author.displayName })}
            onClick={() => setReplying(true)}
          >
            {t('comments.reply')}
          </button>
        )}
        {permissions.canResolve(thread) && (
          <button type="button" className="button button-ghost button-small" onClick={() => void toggleResolved()} disabled={busy}>
            {thread.resolved ? t('comments.unresolve') : t('comments.resolve')}
          </button>
        )}
      </div>
      {replying && (
        <CommentForm {...props} suggestionId={thread.suggestionId} parentId={thread.id} onDone={() => setReplying(false)} />
      )}
    </li>
  );
}

function CommentView({ comment }: { comment: Comment }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className="comment" data-testid={TEST_IDS.commentItem} data-comment-id={comment.id}>
      <header className="comment-head">
        <span className="comment-author">{comment.author.displayName}</span>
        <time className="muted small" dateTime={comment.createdAt}>
          {format.dateTime(comment.createdAt)}
        </time>
      </header>
      <p className="prewrap comment-body">{comment.body}</p>
      {comment.mentions.length > 0 && (
        <p className="muted small">{t('comments.mentioned', { names: comment.mentions.map((m) => m.displayName).join('、') })}</p>
      )}
    </article>
  );
}

interface CommentFormProps extends SectionProps {
  suggestionId: string | null;
  parentId: string | null;
  /** Replies close their form when posted or cancelled. */
  onDone?: () => void;
}

function CommentForm({ proposal, suggestionId, parentId, onDone }: CommentFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = useId();
  const [addComment, { loading }] = useMutation(ADD_COMMENT_MUTATION, {
    refetchQueries: [PROPOSAL_OPERATION],
    awaitRefetchQueries: true,
  });
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const others = proposal.members.filter((m) => m.user.id !== me.id);
  const isReply = parentId !== null;

  function toggleMention(userId: string, checked: boolean) {
    setMentions((list) => (checked ? [...list, userId].slice(0, COMMENT_MENTIONS_MAX) : list.filter((v) => v !== userId)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const text = body.trim();
    if (!text) return setBodyError(t('comments.bodyRequired'));
    if (text.length > COMMENT_BODY_MAX_LENGTH) return setBodyError(t('comments.bodyTooLong', { max: COMMENT_BODY_MAX_LENGTH }));
    setBodyError(null);
    try {
      await addComment({ variables: { input: { proposalId: proposal.id, suggestionId, parentId, body: text, mentions } } });
      setBody('');
      setMentions([]);
      onDone?.();
    } catch (caught) {
      const appError = toAppError(caught);
      const field = fieldErrorOf(t, appError, ['body'] as const);
      if (field) setBodyError(field.message);
      setError(appError);
    }
  }

  return (
    <form className={`comment-form${isReply ? ' comment-form-reply' : ''}`} onSubmit={onSubmit} noValidate>
      <div className={`field${bodyError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-body`} className={isReply ? 'visually-hidden' : 'field-label'}>
          {isReply ? t('comments.replyLabel') : t('comments.newLabel')}
        </label>
        <textarea
          id={`${id}-body`}
          className="input textarea"
          rows={isReply ? 2 : 3}
          value={body}
          maxLength={COMMENT_BODY_MAX_LENGTH}
          placeholder={t('comments.placeholder')}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? `${id}-error` : undefined}
          autoFocus={isReply}
          onChange={(event) => setBody(event.target.value)}
          data-testid={TEST_IDS.commentInput}
        />
        {bodyError && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {bodyError}
          </p>
        )}
      </div>
      {others.length > 0 && (
        <fieldset className="fieldset mentions">
          <legend className="field-hint">{t('comments.mentions')}</legend>
          <div className="check-row">
            {others.map((member) => (
              <label key={member.user.id} className="check check-chip">
                <input
                  type="checkbox"
                  checked={mentions.includes(member.user.id)}
                  onChange={(event) => toggleMention(member.user.id, event.target.checked)}
                />
                <span>@{member.user.displayName}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <ErrorNotice error={error} />
      <div className="form-actions">
        {onDone && (
          <button type="button" className="button button-small" onClick={onDone} disabled={loading}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary button-small" disabled={loading} data-testid={TEST_IDS.commentSubmit}>
          {loading ? t('comments.posting') : t('comments.post')}
        </button>
      </div>
    </form>
  );
}
