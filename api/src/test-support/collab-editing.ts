import { BODY_FIELD, editorSchema } from '@jianyan/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { CollabClient } from './collab-client';

/**
 * Edits a client's document as the web editor does: a ProseMirror transaction over the shared
 * schema, written into the Yjs document by y-tiptap's own diffing (so marks are stored as the
 * editor stores them, and concurrent edits merge as they would in the browser).
 */
export function editBody(client: CollabClient, edit: (tr: Transaction) => void): void {
  const fragment = client.doc.getXmlFragment(BODY_FIELD);
  const tr = EditorState.create({ doc: yXmlFragmentToProseMirrorRootNode(fragment, editorSchema()) }).tr;
  edit(tr);
  client.doc.transact(() => updateYFragment(client.doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
}

/** Positions of the first occurrence of `text` within one text block of `doc` (text-only blocks). */
export function rangeOf(doc: PMNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    const index = node.textContent.indexOf(text);
    if (index >= 0) found = { from: pos + 1 + index, to: pos + 1 + index + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  return found;
}
