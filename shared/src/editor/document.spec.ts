import * as Y from 'yjs';
import { applySuggestionRows, documentCitations, documentSuggestions, jsonToYDoc, plainText, yDocToJSON } from './document';

const body = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '一、基本情况' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '自2020年起，' },
        { type: 'text', text: '2000余名流动妇女参加免费职业技能培训', marks: [{ type: 'evidenceCitation', attrs: { evidenceId: 'ev-1' } }] },
        { type: 'text', text: '。' },
      ],
    },
    { type: 'suggestion', attrs: { id: 's-1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '加大政府购买服务资金投入' }] }] },
    { type: 'suggestion', attrs: { id: 's-2' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '推广校园社工站' }] }] },
  ],
};

describe('editor document derivations', () => {
  it('round-trips through a Yjs document, as the server stores it', () => {
    const doc = jsonToYDoc(body);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(yDocToJSON(copy)).toMatchObject(body);
  });

  it('derives plain text, numbered suggestions and citations', () => {
    expect(plainText(body)).toBe('一、基本情况\n自2020年起，2000余名流动妇女参加免费职业技能培训。\n加大政府购买服务资金投入\n推广校园社工站');
    expect(documentSuggestions(body)).toEqual([
      { id: 's-1', number: 1, text: '加大政府购买服务资金投入' },
      { id: 's-2', number: 2, text: '推广校园社工站' },
    ]);
    expect(documentCitations(body)).toEqual([{ evidenceId: 'ev-1', text: '2000余名流动妇女参加免费职业技能培训' }]);
  });
});

describe('applySuggestionRows', () => {
  const texts = (doc: Y.Doc) => documentSuggestions(yDocToJSON(doc)).map((s) => `${s.id}:${s.text}`);

  it('adds, edits, reorders and removes suggestion blocks to match the rows, keeping other content', () => {
    const doc = jsonToYDoc(body);
    expect(applySuggestionRows(doc, [{ id: 's-1', text: '加大政府购买服务资金投入' }, { id: 's-2', text: '推广校园社工站' }])).toBe(false);
    applySuggestionRows(doc, [
      { id: 's-2', text: '推广校园社工站经验' },
      { id: 's-3', text: '建立流动儿童关爱机制' },
      { id: 's-1', text: '加大政府购买服务资金投入' },
    ]);
    expect(texts(doc)).toEqual(['s-2:推广校园社工站经验', 's-3:建立流动儿童关爱机制', 's-1:加大政府购买服务资金投入']);
    expect(plainText(yDocToJSON(doc))).toContain('一、基本情况');
    applySuggestionRows(doc, [{ id: 's-3', text: '建立流动儿童关爱机制' }]);
    expect(texts(doc)).toEqual(['s-3:建立流动儿童关爱机制']);
    expect(documentCitations(yDocToJSON(doc))).toEqual([{ evidenceId: 'ev-1', text: '2000余名流动妇女参加免费职业技能培训' }]);
  });
});
