/**
 * Between the editor and the comments panel of the same proposal page (no dependencies, so the
 * panel does not pull the editor's code in): clicks on anchored text, and the anchors the open
 * editor's document holds now.
 */

type ThreadListener = (threadId: string) => void;
type AnchorsListener = (anchors: Map<string, string> | null) => void;

const threadListeners = new Map<string, Set<ThreadListener>>();
const anchorListeners = new Map<string, Set<AnchorsListener>>();
const currentAnchors = new Map<string, Map<string, string>>();
/** Anchors the open editor has held at some point (so one gone since was deleted, not yet to come). */
const seenAnchors = new Map<string, Set<string>>();

function listenersOf<T>(registry: Map<string, Set<T>>, proposalId: string): Set<T> {
  let set = registry.get(proposalId);
  if (!set) registry.set(proposalId, (set = new Set()));
  return set;
}

/** Someone clicked the anchored text of a thread (the innermost one, if threads overlap). */
export function showCommentThread(proposalId: string, threadId: string): void {
  threadListeners.get(proposalId)?.forEach((listener) => listener(threadId));
}

export function onShowCommentThread(proposalId: string, listener: ThreadListener): () => void {
  listenersOf(threadListeners, proposalId).add(listener);
  return () => threadListeners.get(proposalId)?.delete(listener);
}

/** The editor publishes the anchors of its document as it changes (null once it closes). */
export function publishAnchors(proposalId: string, anchors: Map<string, string> | null): void {
  if (anchors) {
    currentAnchors.set(proposalId, anchors);
    anchors.forEach((_text, threadId) => listenersOf(seenAnchors, proposalId).add(threadId));
  }
  else currentAnchors.delete(proposalId);
  anchorListeners.get(proposalId)?.forEach((listener) => listener(anchors));
}

export function subscribeAnchors(proposalId: string, listener: AnchorsListener): () => void {
  listenersOf(anchorListeners, proposalId).add(listener);
  listener(currentAnchors.get(proposalId) ?? null);
  return () => anchorListeners.get(proposalId)?.delete(listener);
}

export function anchorWasSeen(proposalId: string, threadId: string): boolean {
  return seenAnchors.get(proposalId)?.has(threadId) ?? false;
}
