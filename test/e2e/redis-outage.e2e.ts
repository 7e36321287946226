import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient, connectCollab, eventually } from '../../api/src/test-support/collab-client';
import { startRedisServer, TestRedis } from '../../api/src/test-support/redis-server';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { SubscriptionClient, subscribe } from '../../api/src/test-support/subscription-client';
import { RedisPubSub } from '../../api/src/common/redis-pubsub';
import { RunningServer, startServer } from '../support/server';
import { graphqlWithCookie, signInCookie } from '../support/api-session';

/**
 * Redis stopped under two API instances on PostgreSQL, then started again on the same port:
 * nothing exits, editing, sign-in, GraphQL and local subscriptions go on, /health says why it is
 * degraded, an instance starts meanwhile, and once Redis is back every client converges.
 * The outage outlasts ioredis' default retry window (20 retries, about 10.5 s), after which the
 * commands queued while Redis was away used to fail with an unhandled MaxRetriesPerRequestError.
 */
const OUTAGE_MS = Number(process.env.REDIS_OUTAGE_MS ?? 12_000);
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL;
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind proposalId } }';

const HEALTH_TOKEN = 'redis-outage-test-health-token-0123456789';

describe('a Redis outage under several API instances', () => {
  let redis: TestRedis | undefined;
  let database: ScratchDatabase | undefined;
  const servers: RunningServer[] = [];
  const clients: CollabClient[] = [];
  const subscriptions: SubscriptionClient[] = [];
  let env: Record<string, string>;
  let starting: Promise<unknown> = Promise.resolve();

  // the details of /health are for admins and monitoring: this test reads them as monitoring does
  const health = async (server: RunningServer) => (await fetch(`${server.url}/health`, { headers: { 'x-health-token': HEALTH_TOKEN } })).json();
  const alive = (server: RunningServer) => server.process.exitCode === null && server.process.signalCode === null;
  const open = (server: RunningServer, proposalId: string, cookie: string) => {
    const client = connectCollab(server.url, proposalId, cookie);
    clients.push(client);
    return client;
  };
  /** Fails with what the servers logged, which explains most failures here. */
  const withServerOutput = <T>(check: Promise<T>) =>
    check.catch((error: Error): never => {
      const output = servers.map((s, i) => `--- instance ${i}${alive(s) ? '' : ' (exited)'}:\n${s.output().split('\n').slice(-25).join('\n')}`);
      throw new Error(`${error.message}\n${output.join('\n')}`);
    });

  beforeAll(async () => {
    if (!ADMIN_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: several instances need PostgreSQL');
    redis = await startRedisServer();
    database = await createScratchDatabase(ADMIN_DATABASE_URL, 'jianyan_redis_outage');
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: 'redis-outage-test-secret-0123456789abcdef',
      HEALTH_TOKEN,
      LOG_LEVEL: 'warn',
      LOGIN_SLOWDOWN_MS: '10',
    };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  });

  afterAll(async () => {
    await starting.catch(() => undefined);
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(subscriptions.splice(0).map((s) => s.dispose()));
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    await database?.drop();
  });

  it('keeps both instances editing and answering while Redis is down, and converges once it is back', async () => {
    const [a, b] = servers;
    const owner = await signInCookie(a.url, 'zhangjie@jianyan.demo');
    const coauthor = await signInCookie(b.url, 'linxiaoyan@jianyan.demo');
    const { people } = await graphqlWithCookie(a.url, owner, '{ people(search: "林晓燕") { id } }');
    const { organizations } = await graphqlWithCookie(a.url, owner, '{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const newProposal = async (title: string) => {
      const { createProposal } = await graphqlWithCookie(a.url, owner, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: { title, year: 2025, districtId },
      });
      await graphqlWithCookie(a.url, owner, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
        input: { proposalId: createProposal.id, userId: people[0].id, role: 'coauthor' },
      });
      return createProposal.id as string;
    };
    const proposalId = await newProposal('关于完善流动儿童校园社工服务的建议');
    const notifiedProposalId = await newProposal('关于加强农村留守妇女就业培训的建议');

    const onA = open(a, proposalId, owner);
    const onB = open(b, proposalId, coauthor);
    await Promise.all([onA.synced, onB.synced]);
    onA.appendParagraph('停机前甲');
    await withServerOutput(eventually(() => expect(onB.text()).toContain('停机前甲')));

    // a subscription on A, active (a message through Redis reaches it) before Redis goes away
    const notifications = subscribe(a.url, coauthor, NOTIFICATION_ADDED);
    subscriptions.push(notifications);
    const probes = new RedisPubSub(redis!.url);
    try {
      const probe = { id: 'probe', kind: 'proposal_status', proposalId: 'probe', suggestionId: null, title: 'probe', createdAt: new Date(), readAt: null };
      await eventually(async () => {
        await probes.publish(`notifications:${people[0].id}`, probe);
        await sleep(100);
        expect(notifications.received.some((d) => d.notificationAdded.id === 'probe')).toBe(true);
      });
    } finally {
      await probes.onModuleDestroy();
    }

    await redis!.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    const typed: string[] = [];
    let c: RunningServer | undefined;
    const startingC = startServer(env).then((server) => {
      servers.push(server);
      c = server;
    });
    starting = startingC;
    for (let i = 0; Date.now() < outageEnds; i++) {
      onA.appendParagraph(`停机中甲${i}`);
      onB.appendParagraph(`停机中乙${i}`);
      typed.push(`停机中甲${i}`, `停机中乙${i}`);
      await withServerOutput(Promise.all([onA.saved(), onB.saved()]));
      await sleep(1_000);
    }
    await withServerOutput(startingC);
    expect(servers.every(alive)).toBe(true);

    // still during the outage: health, sign-in, GraphQL and a local subscription on every instance
    for (const server of servers) {
      const report = await health(server);
      expect(report).toMatchObject({ status: 'degraded', components: { redis: { status: 'down', error: expect.any(String) } } });
      const cookie = await signInCookie(server.url, 'linxiaoyan@jianyan.demo');
      expect((await graphqlWithCookie(server.url, cookie, '{ me { email } }')).me.email).toBe('linxiaoyan@jianyan.demo');
    }
    await graphqlWithCookie(a.url, owner, 'mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id } }', {
      input: { proposalId: notifiedProposalId, to: 'in_review' },
    });
    await withServerOutput(eventually(() => expect(notifications.received.some((d) => d.notificationAdded.proposalId === notifiedProposalId)).toBe(true)));
    // a client on the instance started during the outage opens the document from the database
    const onC = open(c!, proposalId, owner);
    await onC.synced;
    onC.appendParagraph('停机中丙');
    typed.push('停机中丙');
    await onC.saved();
    expect(servers.every(alive)).toBe(true);

    await redis!.start();
    const back = Date.now();
    await withServerOutput(
      eventually(async () => {
        for (const server of servers) expect((await health(server)).status).toBe('ok');
      }, 20_000),
    );
    const healthyAfterMs = Date.now() - back;
    await withServerOutput(
      eventually(() => {
        expect(onB.text()).toBe(onA.text());
        expect(onC.text()).toBe(onA.text());
      }, 20_000),
    );
    const convergedAfterMs = Date.now() - back;
    for (const line of ['停机前甲', ...typed]) expect(onA.text()).toContain(line);
    // live fan-out again: an edit on B reaches A and C without reconnecting
    onB.appendParagraph('恢复后乙');
    await withServerOutput(eventually(() => expect([onA.text(), onC.text()].every((t) => t.includes('恢复后乙'))).toBe(true), 10_000));
    // everything acknowledged is stored: a fresh client sees it all
    const fresh = open(b, proposalId, coauthor);
    await fresh.synced;
    for (const line of ['停机前甲', ...typed, '恢复后乙']) expect(fresh.text()).toContain(line);
    expect(servers.every(alive)).toBe(true);
    // no ioredis client without an error listener, no command failing unhandled after its retries
    for (const server of servers) expect(server.output()).not.toMatch(/Unhandled error event|MaxRetriesPerRequestError|unhandledRejection/);
    process.stdout.write(`Redis back: /health ok after ${healthyAfterMs} ms, clients converged after ${convergedAfterMs} ms\n`);
  });
});
