import Database from 'better-sqlite3';
import path from 'node:path';
import { apiSession, signInCookie } from '../support/api-session';
import { RunningServer, startServer } from '../support/server';

/**
 * Legacy data at start: a proposal body of 10 MB (stored before the document size limit existed)
 * and a row the source cannot read, written into the SQLite file while the product is stopped.
 * The built product starts, fills its embedded index from the database (that failed on every start
 * with `Maximum call stack size exceeded`), every index answers every caller, the big proposal is
 * found by its beginning, and an admin's /health names the skipped row.
 */
const SEARCH = `query($input: SearchInput!) { search(input: $input) { total hits { id } } }`;
const CREATE = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;

function hugeBody(beginning: string): string {
  const chunk = '流动妇女就业困难职业技能培训课后托管服务需求调查 training 2024 job-fair ';
  return `${beginning}。${chunk.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(chunk)))}`;
}

describe('search with legacy data in the database, across a restart of the built product', () => {
  let server: RunningServer | undefined;
  afterAll(() => server?.stop());

  it('starts, answers searches on every index and reports the row it skipped', async () => {
    const first = await startServer({}, { keepData: true });
    const owner = await apiSession(first.url, 'zhangjie@jianyan.demo');
    const districts = await owner(`{ me { organization { id } } }`);
    const create = async (title: string) =>
      (await owner(CREATE, { input: { title, year: 2025, districtId: districts.me.organization.id } })).createProposal.id as string;
    const big = await create('关于超长正文的建议');
    const broken = await create('损坏的建议：白鹭洲');
    const intact = await create('完好的建议：白鹭洲');
    await first.stop();

    const database = new Database(path.join(first.dataDir, 'jianyan.sqlite'));
    database.prepare('UPDATE proposals SET bodyText = ? WHERE id = ?').run(hugeBody('开头的独一无二词语鼓楼区茉莉花'), big);
    database.prepare(`UPDATE proposals SET topics = '{not json' WHERE id = ?`).run(broken);
    database.close();

    server = await startServer({}, { dataDir: first.dataDir });
    const callers = await Promise.all(['zhangjie@jianyan.demo', 'liusiyuan@jianyan.demo', 'admin@jianyan.demo'].map((who) => apiSession(server!.url, who)));
    for (const caller of callers) {
      for (const index of ['evidence', 'proposals', 'clauses']) await caller(SEARCH, { input: { index, text: '流动' } });
    }
    const member = callers[0];
    expect((await member(SEARCH, { input: { index: 'proposals', text: '茉莉花' } })).search.hits).toEqual([{ id: big }]);
    expect((await member(SEARCH, { input: { index: 'proposals', text: '白鹭洲' } })).search.hits).toEqual([{ id: intact }]);

    const adminCookie = await signInCookie(server.url, 'admin@jianyan.demo');
    const response = await fetch(`${server.url}/health`, { headers: { cookie: adminCookie } });
    expect(response.status).toBe(200);
    const health = (await response.json()) as any;
    expect(health.components.search.status).toBe('up');
    expect(health.components.search.indexes.proposals.failedDocuments).toMatchObject({ count: 1, ids: [broken] });
    expect(server.output()).toContain(`document ${broken} skipped`);
  });
});
