import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient, connectCollab } from '../../api/src/test-support/collab-client';
import { startRedisServer, TestRedis } from '../../api/src/test-support/redis-server';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { WRITE_ACCESS_REUSE_MS } from '../../api/src/collaboration/collaboration-session-check';
import { RunningServer, startServer } from '../support/server';
import { graphqlWithCookie, signInCookie } from '../support/api-session';

/**
 * A member removed on instance A while Redis is down: the message that would close her editor on
 * instance B is lost, and B's check at every update is what stops her (PostgreSQL + a real Redis,
 * two built API processes; left out like multi-instance.e2e.ts without TEST_DATABASE_URL).
 */
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe('a member removed while the instances cannot tell each other', () => {
  let redis: TestRedis | undefined;
  let database: ScratchDatabase | undefined;
  let a: RunningServer;
  let b: RunningServer;
  const clients: CollabClient[] = [];

  const open = (server: RunningServer, proposalId: string, cookie: string) => {
    const client = connectCollab(server.url, proposalId, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    if (!ADMIN_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: this test needs PostgreSQL');
    redis = await startRedisServer();
    database = await createScratchDatabase(ADMIN_DATABASE_URL, 'jianyan_removed_member');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, SESSION_SECRET: 'removed-member-outage-secret-0123456789abcdef', LOGIN_SLOWDOWN_MS: '10' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  afterAll(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await database?.drop();
  });

  it('Redis down, she is removed on A: her next update through B is refused, not stored, and nobody sees it', async () => {
    const owner = await signInCookie(a.url, 'zhangjie@jianyan.demo');
    const coauthor = await signInCookie(b.url, 'linxiaoyan@jianyan.demo');
    const { people } = await graphqlWithCookie(a.url, owner, '{ people(search: "林晓燕") { id } }');
    const { organizations } = await graphqlWithCookie(a.url, owner, '{ organizations { id code } }');
    const { createProposal } = await graphqlWithCookie(a.url, owner, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于完善流动儿童校园社工服务的建议', year: 2025, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    const proposalId: string = createProposal.id;
    await graphqlWithCookie(a.url, owner, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });
    const editor = open(b, proposalId, coauthor);
    await editor.synced;
    editor.appendParagraph('移除前在乙实例写入');
    await editor.saved();
    const closed = new Promise<void>((resolve) => editor.provider.on('close', () => resolve()));

    // the relay is cut: the removal's message to B is lost
    await redis!.stop();
    await graphqlWithCookie(a.url, owner, 'mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id },
    });
    // past the time B may reuse her last "may write" answer
    await sleep(WRITE_ACCESS_REUSE_MS + 100);
    editor.appendParagraph('移除后经乙实例发送的段落');

    await closed;
    // A has never opened the document: it loads what is stored; B's live document is read by a fresh client there
    for (const server of [a, b]) {
      const reader = open(server, proposalId, owner);
      await reader.synced;
      expect(reader.text()).toContain('移除前在乙实例写入');
      expect(reader.text()).not.toContain('移除后经乙实例发送的段落');
    }
    // her reconnection is refused
    await expect(open(b, proposalId, coauthor).refused).resolves.toBeDefined();
  });
});
