import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/**
 * Runs `action` now, or once the input method has finished composing. A transaction dispatched
 * in the middle of a composition (pinyin not yet committed) can cut it short or duplicate text,
 * so nothing this editor adds (toolbar commands, switching to read-only) runs during one.
 */
export function whenNotComposing(editor: Editor, action: () => void): void {
  if (editor.isDestroyed) return;
  if (!editor.view.composing) {
    action();
    return;
  }
  const dom = editor.view.dom;
  const run = () => {
    dom.removeEventListener('compositionend', run);
    // ProseMirror reads the committed text on compositionend; act after it has.
    setTimeout(() => {
      if (!editor.isDestroyed) action();
    }, 0);
  };
  dom.addEventListener('compositionend', run);
}

/**
 * 建议条目: turns the top-level paragraph(s) at the cursor into a suggestion block, or inserts an
 * empty suggestion after the current block (heading, list, table, or an existing suggestion).
 * Every new suggestion gets a fresh id, the identity of the Suggestion row that tracks its fate.
 */
export function insertSuggestion(editor: Editor): boolean {
  const id = globalThis.crypto.randomUUID();
  const { state } = editor;
  const { $from, $to } = state.selection;
  const type = state.schema.nodes.suggestion;
  const paragraph = state.schema.nodes.paragraph;

  // cursor in a paragraph directly in the document: wrap that paragraph (or the selected ones)
  const topLevelParagraphs = $from.depth === 1 && $to.depth === 1 && $from.parent.type === paragraph && $to.parent.type === paragraph;
  if (topLevelParagraphs && editor.can().wrapIn(type, { id })) {
    return editor.chain().focus().wrapIn(type, { id }).run();
  }

  // otherwise: a new empty suggestion after the top-level block around the cursor
  return editor
    .chain()
    .focus()
    .command(({ tr, dispatch }) => {
      const at = tr.selection.$from;
      const insertAt = at.depth >= 1 ? at.after(1) : tr.selection.to;
      const node = type.create({ id }, paragraph.create());
      if (dispatch) {
        tr.insert(insertAt, node);
        tr.setSelection(TextSelection.create(tr.doc, insertAt + 2));
        tr.scrollIntoView();
      }
      return true;
    })
    .run();
}

/** Accepts "example.org/…" as https://example.org/…; null when it is not an http(s) or mailto address. */
export function normalizeHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return url.href;
  } catch {
    return null;
  }
}
