import { COMMENT_ANCHOR_QUOTE_MAX_LENGTH, documentCommentAnchors } from '@jianyan/shared';
import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * Anchored comment threads in the editor: the selection a new thread is about (kept as Yjs
 * relative positions, so it follows everyone's edits while the first comment is being written),
 * the commentAnchor mark put on it once the thread exists, and clicks on anchored text, which the
 * comments panel answers by showing the thread.
 */

/** A selection captured for a new thread. */
export interface AnchorSelection {
  quote: string;
  resolve: () => { from: number; to: number } | null;
}

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

interface SyncState {
  doc: Parameters<typeof relativePositionToAbsolutePosition>[0];
  type: Parameters<typeof relativePositionToAbsolutePosition>[1];
  binding: { mapping: Mapping } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

/** The current selection as the passage of a new thread; null when nothing (or only space) is selected. */
export function captureAnchorSelection(editor: Editor): AnchorSelection | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim().slice(0, COMMENT_ANCHOR_QUOTE_MAX_LENGTH);
  if (!quote) return null;
  const sync = syncState(editor);
  if (!sync?.binding) return { quote, resolve: () => (editor.state.doc.content.size >= to ? { from, to } : null) };
  const mapping = sync.binding.mapping;
  const relativeFrom = absolutePositionToRelativePosition(from, sync.type, mapping);
  const relativeTo = absolutePositionToRelativePosition(to, sync.type, mapping);
  return {
    quote,
    resolve: () => {
      const now = syncState(editor);
      if (!now?.binding || editor.isDestroyed) return null;
      const start = relativePositionToAbsolutePosition(now.doc, now.type, relativeFrom, now.binding.mapping);
      const end = relativePositionToAbsolutePosition(now.doc, now.type, relativeTo, now.binding.mapping);
      if (start === null || end === null || end <= start) return null;
      return editor.state.doc.textBetween(start, end, '').trim() ? { from: start, to: end } : null;
    },
  };
}

/** Marks the passage with the thread's commentAnchor mark; false when its text is gone. */
export function applyCommentAnchor(editor: Editor, selection: AnchorSelection, threadId: string): boolean {
  const range = selection.resolve();
  if (!range || !editor.isEditable) return false;
  const mark = editor.schema.marks.commentAnchor.create({ threadId });
  editor.view.dispatch(editor.state.tr.addMark(range.from, range.to, mark));
  return true;
}

/** The threads anchored in the editor's document now, with their text. */
export function liveAnchors(editor: Editor): Map<string, string> {
  return new Map(documentCommentAnchors(editor.getJSON()).map((a) => [a.threadId, a.text]));
}
