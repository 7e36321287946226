import { CollabClient, connectCollab } from '../../api/src/test-support/collab-client';
import { startRedisServer, TestRedis } from '../../api/src/test-support/redis-server';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { SubscriptionClient, subscribe } from '../../api/src/test-support/subscription-client';
import { RunningServer, startServer } from '../support/server';
import { graphqlWithCookie, signInCookie } from '../support/api-session';

/**
 * A session ended on one instance closes its sockets on the other (PostgreSQL + a real Redis, two
 * built API processes, as in multi-instance.e2e.ts; left out like it without TEST_DATABASE_URL).
 */
const SESSION_SECRET = 'multi-instance-sessions-secret-0123456789abcdef';
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** Resolves with the close code of the next time the client's WebSocket closes. */
function nextClose(client: CollabClient): Promise<number> {
  return new Promise((resolve) => client.provider.configuration.websocketProvider.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)));
}

describe('sessions ended on one instance, sockets on another', () => {
  let redis: TestRedis | undefined;
  let database: ScratchDatabase | undefined;
  let a: RunningServer;
  let b: RunningServer;
  const clients: CollabClient[] = [];
  const subscriptions: SubscriptionClient[] = [];
  let ownerCookie: string;
  let proposalId: string;

  const open = (server: RunningServer, cookie: string) => {
    const client = connectCollab(server.url, proposalId, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    if (!ADMIN_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: this test needs PostgreSQL');
    redis = await startRedisServer();
    database = await createScratchDatabase(ADMIN_DATABASE_URL, 'jianyan_sessions');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, SESSION_SECRET, LOGIN_SLOWDOWN_MS: '10' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    ownerCookie = await signInCookie(a.url, 'zhangjie@jianyan.demo');
    const { people } = await graphqlWithCookie(a.url, ownerCookie, '{ people(search: "林晓燕") { id } }');
    const { organizations } = await graphqlWithCookie(a.url, ownerCookie, '{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = await graphqlWithCookie(a.url, ownerCookie, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于完善流动儿童校园社工服务的建议', year: 2025, districtId },
    });
    proposalId = createProposal.id;
    await graphqlWithCookie(a.url, ownerCookie, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });
  });

  afterAll(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(subscriptions.splice(0).map((s) => s.dispose()));
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    await database?.drop();
  });

  it('a sign-out on A closes the session’s editor and subscription on B at once; an update sent after is not stored', async () => {
    const coauthorCookie = await signInCookie(b.url, 'linxiaoyan@jianyan.demo');
    const subscription = subscribe(b.url, coauthorCookie, 'subscription { notificationAdded { id } }');
    subscriptions.push(subscription);
    // a notification for her proves the subscription is live on B before the sign-out
    await graphqlWithCookie(a.url, ownerCookie, 'mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id } }', {
      input: { proposalId, to: 'in_review' },
    });
    await subscription.waitFor((data) => Boolean(data.notificationAdded));
    const editor = open(b, coauthorCookie);
    await editor.synced;
    editor.appendParagraph('退出前在乙实例写入');
    await editor.saved();
    const closed = nextClose(editor);

    await graphqlWithCookie(a.url, coauthorCookie, 'mutation { logout }');
    editor.appendParagraph('退出后发送的段落');

    expect(await closed).toBe(4401);
    await expect(subscription.closed).resolves.toBe(4403);
    const reader = open(a, ownerCookie);
    await reader.synced;
    expect(reader.text()).toContain('退出前在乙实例写入');
    expect(reader.text()).not.toContain('退出后发送的段落');
  });
});
