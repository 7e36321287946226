import { Extensions, Mark, Node, mergeAttributes } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { CommentAnchor } from './comment-anchors';

/** Name of the Y.XmlFragment that holds the proposal body (tiptap's Collaboration default). */
export const BODY_FIELD = 'default';

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * One numbered suggestion (建议条目) of a proposal. Its `id` is the id of the `Suggestion` row
 * that tracks its fate, so it must survive edits, moves and copy-paste: a plugin gives every
 * suggestion without an id, or with the id of an earlier one, a fresh id.
 */
export const SuggestionBlock = Node.create({
  name: 'suggestion',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-suggestion-id'),
        renderHTML: (attributes) => (attributes.id ? { 'data-suggestion-id': attributes.id } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-suggestion-id]' }, { tag: 'section.suggestion-block' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { class: 'suggestion-block' }), 0];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('suggestionIds'),
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.descendants((node, pos) => {
            if (node.type.name !== 'suggestion') return true;
            const id = node.attrs.id as string | null;
            if (!id || seen.has(id)) tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newId() });
            else seen.add(id);
            return false;
          });
          return tr.docChanged ? tr : null;
        },
      }),
    ];
  },
});

/** Marks a passage as supported by one piece of case evidence. */
export const EvidenceCitation = Mark.create({
  name: 'evidenceCitation',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      evidenceId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-evidence-id'),
        renderHTML: (attributes) => ({ 'data-evidence-id': attributes.evidenceId }),
      },
      citationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-citation-id'),
        renderHTML: (attributes) => (attributes.citationId ? { 'data-citation-id': attributes.citationId } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-evidence-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'evidence-citation' }), 0];
  },
});

/**
 * The editor schema shared by the web editor and the server (which derives JSON, text and
 * the suggestion list from the stored Yjs document). History is left to Yjs (undoRedo off).
 */
export function editorExtensions(): Extensions {
  return [
    // trailingNode off: every open editor would otherwise append its own empty paragraph after a
    // final suggestion, and readers would make changes the server refuses (the web editor adds
    // one only after the writer's own edits).
    StarterKit.configure({ undoRedo: false, trailingNode: false, link: { openOnClick: false, autolink: true } }),
    TableKit.configure({ table: { resizable: false } }),
    Image.configure({ inline: false, allowBase64: false }),
    SuggestionBlock,
    EvidenceCitation,
    CommentAnchor,
  ];
}
