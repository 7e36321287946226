import type { Editor } from '@tiptap/core';

/** What citing evidence at the selection produced, for recording the passage link. */
export interface Citation {
  citationId: string;
  quote: string;
  /** The suggestion the cited passage is in, if any. */
  suggestionId: string | null;
}

/** The open, editable editor of each proposal (the proposal page's evidence panel cites into it). */
const editors = new Map<string, Editor>();

export function registerCitationEditor(proposalId: string, editor: Editor | null): () => void {
  if (editor) editors.set(proposalId, editor);
  return () => {
    if (editors.get(proposalId) === editor) editors.delete(proposalId);
  };
}

/**
 * Wraps the current selection of the proposal's editor in an `evidenceCitation` mark carrying the
 * evidence id and a new citation id. Null when no editable editor is open or nothing is selected.
 */
export function citeAtSelection(proposalId: string, evidenceId: string): Citation | null {
  const editor = editors.get(proposalId);
  if (!editor || editor.isDestroyed || !editor.isEditable) return null;
  const { from, to, empty, $from } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim();
  if (!quote) return null;
  let suggestionId: string | null = null;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === 'suggestion') {
      suggestionId = (node.attrs.id as string | null) ?? null;
      break;
    }
  }
  const citationId = globalThis.crypto.randomUUID();
  editor.chain().focus().setMark('evidenceCitation', { evidenceId, citationId }).run();
  return { citationId, quote: quote.slice(0, 500), suggestionId };
}
