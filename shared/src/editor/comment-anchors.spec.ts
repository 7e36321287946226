import type { JSONContent } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import * as Y from 'yjs';
import { documentCommentAnchors } from './comment-anchors';
import { editorSchema, jsonToYDoc, plainText, yDocToJSON } from './document';

const anchor = (threadId: string) => ({ type: 'commentAnchor', attrs: { threadId } });
const cite = { type: 'evidenceCitation', attrs: { evidenceId: 'ev-1', citationId: null } };

const body: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '自2020年起，' },
        { type: 'text', text: '2000余名', marks: [anchor('t-1')] },
        { type: 'text', text: '流动妇女', marks: [{ type: 'bold' }, cite, anchor('t-1'), anchor('t-2')] },
        { type: 'text', text: '参加培训', marks: [anchor('t-2')] },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: '其中58名', marks: [anchor('t-2')] }, { type: 'text', text: '获得证书。' }] },
  ],
};

describe('commentAnchor mark', () => {
  it('is part of the shared schema: not inclusive, overlapping itself, citations and formatting', () => {
    const type = editorSchema().marks.commentAnchor;
    expect(type.spec.inclusive).toBe(false);
    const t1 = type.create({ threadId: 't-1' });
    const t2 = type.create({ threadId: 't-2' });
    expect(type.excludes(type)).toBe(false);
    const excluding = Object.values(editorSchema().marks).filter((other) => other !== type && other.excludes(type));
    // only inline code, which by tiptap's design takes no other mark at all (there is no toolbar button for it)
    expect(excluding.map((m) => m.name)).toEqual(['code']);
    expect(t2.addToSet(t1.addToSet([]))).toHaveLength(2);
    const doc = PMNode.fromJSON(editorSchema(), body);
    expect(doc.toJSON()).toEqual(body);
  });

  it('renders as a span carrying the thread id, and parses back from it', () => {
    const type = editorSchema().marks.commentAnchor;
    expect(type.spec.toDOM!(type.create({ threadId: 't-9' }), true)).toEqual([
      'span',
      { 'data-comment-thread': 't-9', class: 'comment-anchor' },
      0,
    ]);
    const rule = type.spec.parseDOM!.find((r) => 'tag' in r && r.tag === 'span[data-comment-thread]')!;
    const element = { getAttribute: (name: string) => (name === 'data-comment-thread' ? 't-9' : null) } as unknown as HTMLElement;
    const attrs = (rule.getAttrs as (e: HTMLElement) => Record<string, unknown>)(element);
    expect(type.create(attrs === null || attrs === undefined ? {} : attrs).attrs).toEqual({ threadId: 't-9' });
  });

  it('does not grow when typing right after the anchored text, but keeps text typed inside it', () => {
    const doc = PMNode.fromJSON(editorSchema(), {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '流动妇女', marks: [anchor('t-1')] }, { type: 'text', text: '就业' }] }],
    });
    const typeAt = (pos: number, text: string) => {
      const state = EditorState.create({ doc, selection: TextSelection.create(doc, pos) });
      return documentCommentAnchors(state.apply(state.tr.insertText(text)).doc.toJSON());
    };
    expect(typeAt(5, '和儿童')).toEqual([{ threadId: 't-1', text: '流动妇女' }]); // at the end
    expect(typeAt(1, '困境')).toEqual([{ threadId: 't-1', text: '流动妇女' }]); // before the start
    expect(typeAt(3, '务工')).toEqual([{ threadId: 't-1', text: '流动务工妇女' }]); // inside
  });

  it('survives the Yjs document the server stores, overlapping anchors included', () => {
    const doc = jsonToYDoc(body);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(yDocToJSON(copy)).toEqual(body);
    expect(plainText(yDocToJSON(copy))).toBe('自2020年起，2000余名流动妇女参加培训。\n其中58名获得证书。');
  });
});

describe('documentCommentAnchors', () => {
  it('collects each thread’s current text in document order, a newline between blocks', () => {
    expect(documentCommentAnchors(body)).toEqual([
      { threadId: 't-1', text: '2000余名流动妇女' },
      { threadId: 't-2', text: '流动妇女参加培训\n其中58名' },
    ]);
  });

  it('finds nothing in a document without anchors', () => {
    expect(documentCommentAnchors({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] })).toEqual([]);
  });
});
