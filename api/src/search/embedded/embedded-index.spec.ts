import { EmbeddedIndex } from './embedded-index';

const definition = { name: 't', textFields: [{ name: 'body', weight: 1 }], facetFields: [], snippetField: 'body' };
const doc = (id: string, body: string) => ({ id, text: { body }, facets: {}, access: ['public'], date: 0 });

describe('EmbeddedIndex', () => {
  it.each([1, 2, 3, 4, 5])('answers a one-word query the same after a query of %i words (match marks never collide)', (words) => {
    const index = new EmbeddedIndex(definition);
    index.upsert(doc('a', 'alpha bravo charlie delta echo foxtrot'));
    index.upsert(doc('b', 'alpha'));
    const query = (text: string) => index.search({ text, accessTokens: ['public'] }).hits.map((h) => h.id).sort();
    expect(query('alpha')).toEqual(['a', 'b']);
    query(['alpha', 'bravo', 'charlie', 'delta', 'echo'].slice(0, words).join(' '));
    expect(query('alpha')).toEqual(['a', 'b']);
  });

  it('forgets removed documents and replaces updated ones', () => {
    const index = new EmbeddedIndex(definition);
    index.upsert(doc('a', '流动儿童课后托管'));
    index.upsert(doc('a', '老年照料者喘息服务'));
    expect(index.search({ text: '课后托管', accessTokens: ['public'] }).total).toBe(0);
    expect(index.search({ text: '喘息服务', accessTokens: ['public'] }).total).toBe(1);
    index.remove('a');
    expect(index.size).toBe(0);
    expect(index.search({ text: '', accessTokens: ['public'] }).total).toBe(0);
  });
});
