import { Mark, mergeAttributes, type JSONContent } from '@tiptap/core';

/** The longest quote (the text selected when an anchored thread starts) the API accepts. */
export const COMMENT_ANCHOR_QUOTE_MAX_LENGTH = 500;
/** The anchored text the server keeps per thread is cut to this many characters. */
export const COMMENT_ANCHOR_TEXT_MAX_LENGTH = 1000;

/**
 * Anchors a comment thread to a passage of the proposal body. The thread lives in the comments
 * table under `threadId`; the mark only says where it points, so it follows the text through
 * everyone's edits (it is part of the Yjs document). Not inclusive: typing at either edge does not
 * extend it. Excludes nothing, so threads overlap each other, citations and formatting (only
 * inline code, which by tiptap's design takes no other mark, drops it; it has no toolbar button).
 */
export const CommentAnchor = Mark.create({
  name: 'commentAnchor',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-comment-thread'),
        renderHTML: (attributes) => ({ 'data-comment-thread': attributes.threadId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-comment-thread]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'comment-anchor' }), 0];
  },
});

export interface DocumentCommentAnchor {
  threadId: string;
  /** The marked text now, in document order; pieces in different blocks are joined by a newline. */
  text: string;
}

/** The comment anchors present in a document, in order of first appearance, with their current text. */
export function documentCommentAnchors(json: JSONContent): DocumentCommentAnchor[] {
  const found = new Map<string, { text: string; block: number }>();
  let block = 0;
  const walk = (node: JSONContent): void => {
    if (node.type === 'text') {
      for (const mark of node.marks ?? []) {
        const threadId = mark.type === 'commentAnchor' ? (mark.attrs?.threadId as string | null | undefined) : null;
        if (!threadId) continue;
        const anchor = found.get(threadId);
        if (!anchor) found.set(threadId, { text: node.text ?? '', block });
        else {
          anchor.text += (anchor.block === block ? '' : '\n') + (node.text ?? '');
          anchor.block = block;
        }
      }
      return;
    }
    const isTextBlock = node.type === 'paragraph' || node.type === 'heading';
    if (isTextBlock) block += 1;
    node.content?.forEach(walk);
  };
  walk(json);
  return [...found].map(([threadId, { text }]) => ({ threadId, text }));
}
