import { Extension, type Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { BODY_FIELD, editorExtensions } from '@jianyan/shared';
import type { CollabSession, CollabUser } from './collab';
import { DocumentSizeLimit } from './document-size';

/**
 * Keeps an empty paragraph after a final block that is not a paragraph (a suggestion, a table…),
 * so there is always somewhere to type below it. Unlike StarterKit's TrailingNode it reacts only
 * to this person's own edits: reacting to remote changes or to the first sync would make every
 * open editor add its own paragraph at once (duplicates for all), and would give read-only
 * readers changes the server refuses, so they would never be "saved".
 */
const LocalTrailingParagraph = Extension.create({
  name: 'localTrailingParagraph',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('localTrailingParagraph'),
        appendTransaction: (transactions, _old, state) => {
          // never during an input-method composition: it is added after, with the next local edit
          if (!editor.isEditable || editor.view.composing) return null;
          const localEdit = transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey));
          if (!localEdit) return null;
          const last = state.doc.lastChild;
          const paragraph = state.schema.nodes.paragraph;
          if (!last || last.type === paragraph) return null;
          return state.tr.insert(state.doc.content.size, paragraph.create());
        },
      }),
    ];
  },
});

/** The caret of another person: a thin line in their colour, with their name above it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#5f5a54';
  const caret = document.createElement('span');
  caret.className = 'pe-caret';
  caret.style.setProperty('--user-color', color);
  const label = document.createElement('span');
  label.className = 'pe-caret-label';
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** Another person's selection: their colour, translucent. */
export function renderSelection(user: Record<string, unknown>) {
  const color = typeof user.color === 'string' ? user.color : '#5f5a54';
  return { nodeName: 'span', class: 'pe-remote-selection', style: `background-color: ${color}33` };
}

/**
 * The shared proposal schema (same as the server's), minus StarterKit's TrailingNode (replaced by
 * LocalTrailingParagraph), bound to the session's Yjs document, with the others' carets, and
 * held to the server's size limit.
 */
export function collaborativeExtensions(session: CollabSession, user: CollabUser): Extensions {
  const shared = editorExtensions().map((extension) =>
    extension.name === 'starterKit' ? extension.configure({ trailingNode: false }) : extension,
  );
  return [
    ...shared,
    LocalTrailingParagraph,
    DocumentSizeLimit.configure({ source: session }),
    Collaboration.configure({ document: session.doc, field: BODY_FIELD, provider: session.provider }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: { id: user.id, name: user.name, color: user.color },
      render: renderCaret,
      selectionRender: renderSelection,
    }),
  ];
}
