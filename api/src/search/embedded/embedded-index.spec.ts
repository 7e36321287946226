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

  it('applies access and deny tokens, and filters on fields with several values, with exact counts', () => {
    const index = new EmbeddedIndex({ ...definition, facetFields: ['population'] });
    const record = (id: string, extra: object) => ({ ...doc(id, '流动妇女职业技能培训'), ...extra });
    index.upsert(record('raw', { facets: { population: ['women', 'children'] }, access: ['owner'] }));
    index.upsert(record('masked', { facets: { population: ['women', 'children'] }, access: ['public'], deny: ['owner'] }));
    index.upsert(record('plain', { facets: { population: ['women'] } }));
    index.upsert(record('gone', {}));
    index.remove('gone');
    const search = (accessTokens: string[], filters?: Record<string, string[]>) => {
      const result = index.search({ text: '培训', accessTokens, filters, facets: ['population'] });
      return { ids: result.hits.map((h) => h.id).sort(), total: result.total, facets: result.facets.population };
    };
    expect(search(['public', 'owner'])).toEqual({ ids: ['plain', 'raw'], total: 2, facets: { women: 2, children: 1 } });
    expect(search(['public'])).toEqual({ ids: ['masked', 'plain'], total: 2, facets: { women: 2, children: 1 } });
    expect(search(['public'], { population: ['children'] })).toEqual({ ids: ['masked'], total: 1, facets: { women: 1, children: 1 } });
    expect(search(['public'], { population: ['elderly', 'women'] }).total).toBe(2);
    expect(search(['public'], { population: ['elderly'] }).total).toBe(0);
    expect(search(['public'], { district: ['jinan'] }).total).toBe(0);
    expect(search(['nobody']).total).toBe(0);
    expect(index.search({ text: '', accessTokens: ['public'], filters: { population: ['children'] } }).hits.map((h) => h.id)).toEqual(['masked']);
  });
});
