import { errorCode } from '../test-support/graphql-client';
import { ProposalFixtures, UPDATE_PROPOSAL } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

const SEARCH = `query($input: SearchInput!) {
  search(input: $input) { total hits { id snippet fields { name value } } facets { field values { value count } } }
}`;

describe('searching proposals', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  const search = async (person: Parameters<ProposalFixtures['as']>[0], text: string, filters: unknown[] = []) =>
    (await (await f.as(person)).ok(SEARCH, { input: { index: 'proposals', text, filters } })).search;

  it('finds a draft for its members only, by title and suggestion words, with counts that leak nothing', async () => {
    const draft = await f.create('zhangjie', { title: '关于建设鼓山镇妇女儿童之家的建议' });
    await f.addSuggestion(draft.id, '在茶会社区设立儿童之家服务点');
    const mine = await search('zhangjie', '鼓山镇');
    expect(mine.hits.map((h: { id: string }) => h.id)).toEqual([draft.id]);
    expect((await search('zhangjie', '茶会社区')).hits.map((h: { id: string }) => h.id)).toEqual([draft.id]);
    for (const outsider of ['linxiaoyan', 'huangli', 'liusiyuan'] as const) {
      const result = await search(outsider, '鼓山镇');
      expect(result.total).toBe(0);
      expect(result.facets.flatMap((facet: { values: unknown[] }) => facet.values)).toEqual([]);
    }
  });

  it('shows a submitted proposal to the federation’s leaders, and follows a change of title at once', async () => {
    const proposal = await f.create('zhangjie', { title: '关于完善流动儿童课后服务的建议' });
    await f.addSuggestion(proposal.id, '推广四点半课堂');
    expect((await search('huangli', '四点半课堂')).total).toBe(0);
    await f.transition(proposal.id, 'in_review');
    await f.transition(proposal.id, 'submitted');
    const leader = await search('huangli', '四点半课堂');
    expect(leader.hits.map((h: { id: string }) => h.id)).toEqual([proposal.id]);
    expect(leader.hits[0].fields).toContainEqual({ name: 'status', value: 'submitted' });
    expect(leader.facets.find((facet: { field: string }) => facet.field === 'status').values).toEqual([{ value: 'submitted', count: 1 }]);

    const other = await f.create('zhangjie', { title: '关于社区托育的建议' });
    const { proposal: current } = await (await f.as('zhangjie')).ok('query($id: ID!) { proposal(id: $id) { version } }', { id: other.id });
    await (await f.as('zhangjie')).ok(UPDATE_PROPOSAL, { input: { id: other.id, expectedVersion: current.version, title: '关于普惠托育服务的建议' } });
    expect((await search('zhangjie', '普惠托育')).hits.map((h: { id: string }) => h.id)).toEqual([other.id]);
    expect((await search('zhangjie', '社区托育')).total).toBe(0);
  });

  it('filters by facet, and refuses unknown indexes, unknown filter fields and anonymous callers', async () => {
    const result = await search('zhangjie', '', [{ field: 'status', values: ['submitted'] }]);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.facets.find((facet: { field: string }) => facet.field === 'status').values.map((v: { value: string }) => v.value)).toEqual(['submitted']);
    const client = await f.as('zhangjie');
    const badIndex = await client.request(SEARCH, { input: { index: 'secrets', text: 'x' } });
    expect(badIndex.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'index' });
    const badField = await client.request(SEARCH, { input: { index: 'proposals', text: 'x', filters: [{ field: 'access', values: ['public'] }] } });
    expect(badField.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filters' });
    expect(errorCode(await t.client().request(SEARCH, { input: { index: 'proposals', text: 'x' } }))).toBe('UNAUTHENTICATED');
  });

  it('reports the engine and the index lag in /health (to an admin)', async () => {
    const body = (await (await fetch(`${t.url}/health`, { headers: { cookie: (await f.as('admin')).cookieHeader } })).json()) as any;
    expect(body.components.search).toMatchObject({ status: 'up', engine: 'embedded', lag: { pending: 0 } });
  });
});
