import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { CollabClient, connectCollab, eventually } from '../../api/src/test-support/collab-client';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { RunningServer, freePort, startServer } from '../support/server';

/**
 * What the server derives from a proposal's collaborative document (its text, search entry,
 * suggestion rows, versions and DOCX export) follows every acknowledged keystroke, even when the
 * server dies before its debounced store runs, and without anyone editing after the restart.
 */

const PROPOSAL = 'query($id: ID!) { proposal(id: $id) { bodyText suggestions { id text } versions { kind bodyText } } }';
const SEARCH = 'query($input: SearchInput!) { search(input: $input) { hits { id } } }';
const SAVE_VERSION = 'mutation($input: SaveProposalVersionInput!) { saveProposalVersion(input: $input) { bodyText suggestions { text } } }';
const TRANSITION = 'mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { status } }';

async function draftOf(owner: GraphQLTestClient, title: string): Promise<string> {
  const { organizations } = await owner.ok('{ organizations { id code } }');
  const { createProposal } = await owner.ok('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
    input: { title, year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
  });
  return createProposal.id;
}

async function docxText(server: RunningServer, owner: GraphQLTestClient, proposalId: string): Promise<string> {
  const response = await fetch(`${server.url}/export/proposals/${proposalId}.docx`, { headers: { cookie: owner.cookieHeader } });
  expect(response.status).toBe(200);
  return (await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })).value;
}

describe('the derived body of a collaborative document', () => {
  let server: RunningServer | undefined;
  let dataDir: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-derive-'));
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves a version and exports the DOCX with the text typed a moment ago, before the debounced store', async () => {
    server = await startServer({}, { dataDir: mkdtempSync(path.join(tmpdir(), 'jianyan-derive-live-')) });
    const owner = new GraphQLTestClient(server.url);
    await owner.login('zhangjie@jianyan.demo');
    const proposalId = await draftOf(owner, '关于完善流动儿童校园社工服务的建议');
    const client = connectCollab(server.url, proposalId, owner.cookieHeader);
    clients.push(client);
    await client.synced;

    client.appendParagraph('导出之前刚刚写下的一段');
    await client.saved();
    expect(await docxText(server, owner, proposalId)).toContain('导出之前刚刚写下的一段');

    client.appendParagraph('保存版本之前刚刚写下的一段');
    await client.saved();
    const { saveProposalVersion } = await owner.ok(SAVE_VERSION, { input: { proposalId, name: '刚写完' } });
    expect(saveProposalVersion.bodyText).toContain('保存版本之前刚刚写下的一段');

    client.close();
    await server.stop();
    server = undefined;
  });

  it('after a SIGKILL within the debounce, the restarted server derives the last acknowledged text without anyone editing', async () => {
    const port = String(await freePort());
    server = await startServer({ PORT: port }, { dataDir, keepData: true });
    const owner = new GraphQLTestClient(server.url);
    await owner.login('zhangjie@jianyan.demo');
    const proposalId = await draftOf(owner, '关于为流动妇女提供灵活就业技能培训的建议');

    const writer = connectCollab(server.url, proposalId, owner.cookieHeader);
    clients.push(writer);
    await writer.synced;
    writer.appendParagraph('开头的一段，早已保存');
    await writer.saved();
    await eventually(async () => {
      expect((await owner.ok(PROPOSAL, { id: proposalId })).proposal.bodyText).toContain('开头的一段');
    }, 20_000);

    // the last words and a new suggestion are acknowledged (stored), then the server dies at once,
    // well within the one-second debounce of the derived body
    const suggestionId = randomUUID();
    writer.appendParagraph('崩溃之前最后确认的段落');
    writer.appendSuggestion(suggestionId, '为灵活就业妇女提供夜间托育服务');
    await writer.saved();
    await server.stop('SIGKILL');
    writer.close();

    server = await startServer({ PORT: port }, { dataDir, keepData: true });
    const reader = new GraphQLTestClient(server.url);
    await reader.login('zhangjie@jianyan.demo');

    // nobody opens the document: the server derives it by itself at start
    await eventually(async () => {
      const { proposal } = await reader.ok(PROPOSAL, { id: proposalId });
      expect(proposal.bodyText).toContain('崩溃之前最后确认的段落');
      expect(proposal.suggestions).toEqual([{ id: suggestionId, text: '为灵活就业妇女提供夜间托育服务' }]);
    }, 20_000);
    await eventually(async () => {
      const { search } = await reader.ok(SEARCH, { input: { index: 'proposals', text: '夜间托育' } });
      expect(search.hits.map((hit: { id: string }) => hit.id)).toContain(proposalId);
    }, 20_000);

    const { saveProposalVersion } = await reader.ok(SAVE_VERSION, { input: { proposalId, name: '重启之后' } });
    expect(saveProposalVersion.bodyText).toContain('崩溃之前最后确认的段落');
    expect(saveProposalVersion.suggestions).toEqual([{ text: '为灵活就业妇女提供夜间托育服务' }]);
    const docx = await docxText(server, reader, proposalId);
    expect(docx).toContain('崩溃之前最后确认的段落');
    expect(docx).toContain('为灵活就业妇女提供夜间托育服务');

    await reader.ok(TRANSITION, { input: { proposalId, to: 'in_review' } });
    await reader.ok(TRANSITION, { input: { proposalId, to: 'submitted' } });
    const { proposal } = await reader.ok(PROPOSAL, { id: proposalId });
    const frozen = proposal.versions.filter((v: { kind: string }) => v.kind === 'submitted');
    expect(frozen).toHaveLength(1);
    expect(frozen[0].bodyText).toContain('崩溃之前最后确认的段落');
    expect(frozen[0].bodyText).toContain('为灵活就业妇女提供夜间托育服务');
  });
});
