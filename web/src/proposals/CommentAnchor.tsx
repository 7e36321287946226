import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { anchorWasSeen, onShowCommentThread, subscribeAnchors } from '../editor/anchor-events';
import type { CommentAnchor, CommentThread } from '../graphql/types';
import './comment-anchors.css';

/** The anchors of the open editor's document now (threadId → text), or null when no editor is open. */
export function useLiveAnchors(proposalId: string): Map<string, string> | null {
  const [anchors, setAnchors] = useState<Map<string, string> | null>(null);
  useEffect(() => subscribeAnchors(proposalId, setAnchors), [proposalId]);
  return anchors;
}

/**
 * What to show of an anchor: the open editor knows the text as it is this instant; without one,
 * the server's view (as last saved). A thread whose mark has reached neither the saved body
 * (currentText null) nor the open editor yet is not taken for detached.
 */
export function anchorState(
  proposalId: string,
  anchor: CommentAnchor,
  live: Map<string, string> | null,
): { currentText: string | null; detached: boolean } {
  if (!live) return { currentText: anchor.currentText, detached: anchor.detached };
  const text = live.get(anchor.threadId);
  if (text !== undefined) return { currentText: text, detached: false };
  const wasThere = anchor.detached || anchor.currentText !== null || anchorWasSeen(proposalId, anchor.threadId);
  return { currentText: anchor.currentText, detached: wasThere };
}

/**
 * Threads are not pushed to the page, but their marks arrive with the text: when the open editor
 * holds an anchor the page does not know yet, someone has just started a thread there, so the
 * proposal is loaded again (once per new anchor).
 */
export function useReloadOnNewAnchors(proposalId: string, threads: readonly CommentThread[], reload: () => Promise<unknown>): void {
  const live = useLiveAnchors(proposalId);
  const asked = useRef(new Set<string>());
  const known = threads.flatMap((thread) => (thread.anchor ? [thread.anchor.threadId] : [])).join(' ');
  useEffect(() => {
    if (!live) return;
    const knownIds = new Set(known.split(' '));
    const unknown = [...live.keys()].filter((threadId) => !knownIds.has(threadId) && !asked.current.has(threadId));
    if (unknown.length === 0) return;
    unknown.forEach((threadId) => asked.current.add(threadId));
    void reload();
  }, [live, known, reload]);
}

export const threadElementId = (threadId: string) => `comment-thread-${threadId}`;

/** Scrolls to and highlights the thread of anchored text clicked in the editor. */
export function useShowThreadOnAnchorClick(proposalId: string): void {
  useEffect(
    () =>
      onShowCommentThread(proposalId, (threadId) => {
        const element = document.getElementById(threadElementId(threadId));
        if (!element) return;
        element.scrollIntoView({ behavior: 'smooth', block: 'center' });
        element.focus({ preventScroll: true });
        element.classList.remove('thread-flash');
        void element.offsetWidth; // restart the animation
        element.classList.add('thread-flash');
      }),
    [proposalId],
  );
}

/** The passage a thread is about: the quote, the text now when it changed, or that it was deleted. */
export function AnchorQuote({ proposalId, anchor, live }: { proposalId: string; anchor: CommentAnchor; live: Map<string, string> | null }) {
  const { t } = useTranslation();
  const { currentText, detached } = anchorState(proposalId, anchor, live);
  const showInText = () => {
    const marked = document.querySelector<HTMLElement>(`.comment-anchor[data-comment-thread="${CSS.escape(anchor.threadId)}"]`);
    marked?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };
  return (
    <div className={`thread-anchor${detached ? ' thread-anchor-detached' : ''}`} data-testid="comment-anchor" data-detached={detached}>
      <p className="thread-anchor-line">
        <span className="muted small">{t('comments.anchorQuote')}</span>
        <q className="thread-anchor-quote">{anchor.quote}</q>
        {detached && <span className="badge badge-warning">{t('comments.anchorDetached')}</span>}
      </p>
      {currentText !== null && currentText !== anchor.quote && (
        <p className="thread-anchor-line">
          <span className="muted small">{t('comments.anchorNow')}</span>
          <q className="thread-anchor-current" data-testid="comment-anchor-current">
            {currentText}
          </q>
        </p>
      )}
      {detached ? (
        <p className="muted small">{t('comments.anchorDetachedHint')}</p>
      ) : (
        live?.has(anchor.threadId) && (
          <button type="button" className="button button-ghost button-small thread-anchor-show" onClick={showInText}>
            {t('comments.anchorShow')}
          </button>
        )
      )}
    </div>
  );
}
