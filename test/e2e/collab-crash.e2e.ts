import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CollabClient, connectCollab, eventually } from '../../api/src/test-support/collab-client';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { RunningServer, freePort, startServer } from '../support/server';
import * as Y from 'yjs';
import { BODY_FIELD } from '@jianyan/shared';

const WRITERS = 5;

/** Types `text` into the writer's own paragraph, one character per Yjs transaction. */
async function type(client: CollabClient, paragraph: Y.XmlText, text: string, delayMs: number): Promise<void> {
  for (const char of text) {
    client.doc.transact(() => paragraph.insert(paragraph.length, char));
    await new Promise((r) => setTimeout(r, delayMs));
  }
}

describe('durability: the API killed with SIGKILL in the middle of a five-writer session', () => {
  let server: RunningServer | undefined;
  let dataDir: string;
  const clients: CollabClient[] = [];

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing that was acknowledged, and every client converges on the stored document', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-crash-'));
    const port = String(await freePort());
    server = await startServer({ PORT: port }, { dataDir, keepData: true });

    const owner = new GraphQLTestClient(server.url);
    const coauthor = new GraphQLTestClient(server.url);
    await owner.login('zhangjie@jianyan.demo');
    await coauthor.login('linxiaoyan@jianyan.demo');
    const { organizations } = await owner.ok('{ organizations { id code } }');
    const { createProposal } = await owner.ok(
      'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      { input: { title: '关于完善流动儿童校园社工服务的建议', year: 2025, districtId: organizations.find((o: any) => o.code === 'jinan').id } },
    );
    const proposalId: string = createProposal.id;
    const { people } = await owner.ok('{ people(search: "林晓燕") { id } }');
    await owner.ok('mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });

    for (let i = 0; i < WRITERS; i++) {
      clients.push(connectCollab(server.url, proposalId, (i % 2 === 0 ? owner : coauthor).cookieHeader));
    }
    await Promise.all(clients.map((c) => c.synced));

    // each writer gets its own paragraph, then types into it
    const paragraphs = clients.map((client, i) => {
      const text = new Y.XmlText();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      client.doc.getXmlFragment(BODY_FIELD).push([paragraph]);
      return { text, before: `写作者${i}：前半段内容-${i}-abcdefghij`, after: `|后半段内容-${i}-klmnopqrst` };
    });
    await Promise.all(clients.map((c, i) => type(c, paragraphs[i].text, paragraphs[i].before, 5)));
    await Promise.all(clients.map((c) => c.saved())).catch((e) => {
      throw new Error(`${e.message}; unsynced: ${clients.map((c) => (c.provider as any).unsyncedChanges)}\n${server!.output()}`);
    });
    // Each writer's own changes are acknowledged; the others' reach it by broadcast a moment later.
    await eventually(() => {
      for (const c of clients) for (const p of paragraphs) expect(c.text()).toContain(p.before);
    }, 20_000);

    // keep typing and kill the server while updates are in flight; whenever a writer has nothing
    // unacknowledged, its paragraph as it stands then has been stored
    let recording = true;
    const acknowledged = paragraphs.map((p) => p.text.toString());
    let firstAcknowledgedWhileTyping!: () => void;
    const acknowledgedWhileTyping = new Promise<void>((resolve) => (firstAcknowledgedWhileTyping = resolve));
    clients.forEach((c, i) =>
      c.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (!recording || number !== 0) return;
        acknowledged[i] = paragraphs[i].text.toString();
        if (acknowledged[i].length > paragraphs[i].before.length) firstAcknowledgedWhileTyping();
      }),
    );
    const typing = clients.map((c, i) => type(c, paragraphs[i].text, paragraphs[i].after, 10));
    // the kill comes right after the first acknowledgement of this second round, with the typing going on
    await acknowledgedWhileTyping;
    await server.stop('SIGKILL');
    recording = false;
    clients.forEach((c) => c.goOffline());
    await Promise.all(typing);

    server = await startServer({ PORT: port }, { dataDir, keepData: true });
    const observerSession = new GraphQLTestClient(server.url);
    await observerSession.login('zhangjie@jianyan.demo');
    const observer = connectCollab(server.url, proposalId, observerSession.cookieHeader);
    clients.push(observer);
    await observer.synced;
    // everything the writers had been told was saved is there before any of them reconnects,
    // including what was acknowledged while they were typing when the server was killed
    for (const p of paragraphs) expect(observer.text()).toContain(p.before);
    for (const text of acknowledged) expect(observer.text()).toContain(text);

    // the writers reconnect; their sessions survived the crash (they are in the database)
    await Promise.all(clients.slice(0, WRITERS).map((c) => c.goOnline()));
    await Promise.all(clients.slice(0, WRITERS).map((c) => c.saved()));
    await eventually(() => {
      const texts = clients.map((c) => c.text());
      expect(new Set(texts).size).toBe(1);
    }, 20_000);
    for (const p of paragraphs) expect(observer.text()).toContain(`${p.before}${p.after}`);

    const fresh = connectCollab(server.url, proposalId, observerSession.cookieHeader);
    clients.push(fresh);
    await fresh.synced;
    expect(fresh.text()).toBe(observer.text());
  });
});
