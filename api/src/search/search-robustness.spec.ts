import { DataSource } from 'typeorm';
import { ProposalEntity } from '../core/proposals/proposal.entity';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';
import { SearchIndexer, enqueueForIndexing } from './search-indexer';

const SEARCH = `query($input: SearchInput!) { search(input: $input) { total hits { id snippet } } }`;
const INDEXES = ['evidence', 'proposals', 'clauses'];

/** About 10 MB of UTF-8, Chinese and ASCII mixed in long runs, after a beginning of its own. */
function hugeBody(beginning: string): string {
  const chunk = '流动妇女就业困难职业技能培训课后托管服务需求调查 training 2024 job-fair ';
  return `${beginning}。${chunk.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(chunk)))}`;
}

/**
 * Faults in indexed data, written straight into the database the way legacy data (stored before
 * the document size limit existed) or a corrupted row would be there, then indexed by the outbox
 * and by a full rebuild (what every start of the embedded engine does).
 */
describe('search survives documents it cannot index whole', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let database: DataSource;
  let indexer: SearchIndexer;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    database = t.app.get(DataSource);
    indexer = t.app.get(SearchIndexer);
    indexer.stopPolling();
    await indexer.catchUp();
  });
  afterAll(() => t.close());

  const search = async (person: 'zhangjie' | 'liusiyuan' | 'admin', index: string, text: string) => {
    const result = await (await p.as(person)).request(SEARCH, { input: { index, text } });
    expect(result.errors).toBeUndefined();
    return result.data!.search as { total: number; hits: { id: string; snippet: string }[] };
  };
  /** `search` fails the test on any error. */
  const everyIndexAnswers = async () => {
    for (const person of ['zhangjie', 'liusiyuan', 'admin'] as const) for (const index of INDEXES) await search(person, index, '流动');
  };
  const searchHealth = async () => {
    const response = await fetch(`${t.url}/health`, { headers: { cookie: (await p.as('admin')).cookieHeader } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('indexes the beginning of a 10 MB body and keeps every index answering, through the outbox and a rebuild', async () => {
    const { id } = await p.create('zhangjie', { title: '关于巨型正文的测试建议' });
    await database.getRepository(ProposalEntity).update(id, { bodyText: hugeBody('开头的独一无二词语鼓楼区茉莉花') });
    await enqueueForIndexing(database.manager, 'proposals', [id]);

    await everyIndexAnswers();
    const found = await search('zhangjie', 'proposals', '茉莉花');
    expect(found.hits.map((h) => h.id)).toEqual([id]);
    expect(found.hits[0].snippet).toContain('<mark>茉莉花</mark>');

    await indexer.rebuild();
    await everyIndexAnswers();
    expect((await search('zhangjie', 'proposals', '茉莉花')).hits.map((h) => h.id)).toEqual([id]);
    const { status, body } = await searchHealth();
    expect(status).toBe(200);
    expect(body.components.search).toMatchObject({ status: 'up', indexes: { proposals: { failure: null, failedDocuments: { count: 0 } } } });
  });

  it('skips and reports a document whose indexing throws, and indexes the others of its batch', async () => {
    const bad = await p.create('zhangjie', { title: '损坏记录的建议：白鹭洲' });
    const good = await p.create('zhangjie', { title: '完好记录的建议：白鹭洲' });
    // a row TypeORM cannot read (its JSON column is not JSON): the source throws for it
    await database.createQueryBuilder().update(ProposalEntity).set({ topics: () => `'{not json'` }).where('id = :id', { id: bad.id }).execute();
    await enqueueForIndexing(database.manager, 'proposals', [bad.id, good.id]);

    for (const pass of ['outbox', 'rebuild']) {
      if (pass === 'rebuild') await indexer.rebuild();
      await everyIndexAnswers();
      expect((await search('zhangjie', 'proposals', '白鹭洲')).hits.map((h) => h.id)).toEqual([good.id]);
      const { status, body } = await searchHealth();
      expect(status).toBe(200);
      expect(body.components.search.status).toBe('up');
      expect(body.components.search.indexes.proposals.failedDocuments).toMatchObject({ count: 1, ids: [bad.id] });
      expect(body.components.search.indexes.proposals.failedDocuments.lastError).toMatch(/JSON/);
    }

    await database.createQueryBuilder().update(ProposalEntity).set({ topics: () => `'[]'` }).where('id = :id', { id: bad.id }).execute();
    await enqueueForIndexing(database.manager, 'proposals', [bad.id]);
    expect((await search('zhangjie', 'proposals', '白鹭洲')).hits.map((h) => h.id).sort()).toEqual([bad.id, good.id].sort());
    expect((await searchHealth()).body.components.search.indexes.proposals.failedDocuments.count).toBe(0);
  });
});
