import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient, connectCollab, eventually } from '../../api/src/test-support/collab-client';
import { startRedisServer, TestRedis } from '../../api/src/test-support/redis-server';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { SubscriptionClient, subscribe } from '../../api/src/test-support/subscription-client';
import { RedisPubSub } from '../../api/src/common/redis-pubsub';
import { startRoundRobinProxy } from '../support/round-robin-proxy';
import { RunningServer, startServer } from '../support/server';
import { graphqlWithCookie, signInCookie } from '../support/api-session';

/**
 * Two API processes over one PostgreSQL database and one Redis, as in docker/compose.yaml (with a
 * round-robin proxy standing in for Caddy): start-up, sessions, collaboration, subscriptions, the
 * domain-event relay and background jobs across instances.
 * Several instances need PostgreSQL (SQLite is for one process): without TEST_DATABASE_URL this
 * file fails; tools/run-tests.mjs leaves it out (and says so) when PostgreSQL is not configured.
 */
const SESSION_SECRET = 'multi-instance-test-secret-0123456789abcdef';
const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind proposalId fromStatus toStatus title } }';
/** The pub/sub channel of a user's notifications (notificationChannel in api/src/core/notifications). */
const notificationChannel = (userId: string) => `notifications:${userId}`;
const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL;
/** Requests per account per minute on both instances: well above what the other tests here send. */
const RATE_LIMIT = 200;
const MISSING_DATABASE =
  'TEST_DATABASE_URL is not set: the multi-instance test needs PostgreSQL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres)';

describeSeveralInstances();

/** Rejects with `message` unless `promise` settles within `ms` (and leaves no timer behind). */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describeSeveralInstances() {
  describe('several API instances through Redis', () => {
    let redis: TestRedis | undefined;
    let database: ScratchDatabase | undefined;
    let a: RunningServer;
    let b: RunningServer;
    const clients: CollabClient[] = [];
    const subscriptions: SubscriptionClient[] = [];
    const people = { owner: 'zhangjie@jianyan.demo', coauthor: 'linxiaoyan@jianyan.demo' };
    let cookies: { owner: string; coauthor: string };
    let userIds: Record<string, string>;
    let districtId: string;

    const open = (server: { url: string }, proposalId: string, cookie: string) => {
      const client = connectCollab(server.url, proposalId, cookie);
      clients.push(client);
      return client;
    };

    /** A new proposal by the owner (created through A) with the coauthor as a member. */
    const newProposal = async (): Promise<string> => {
      const { createProposal } = await graphqlWithCookie(a.url, cookies.owner, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: { title: '关于完善流动儿童校园社工服务的建议', year: 2025, districtId },
      });
      await graphqlWithCookie(a.url, cookies.owner, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
        input: { proposalId: createProposal.id, userId: userIds.coauthor, role: 'coauthor' },
      });
      return createProposal.id;
    };

    const logLines = (pattern: RegExp) => [a, b].flatMap((server) => server.output().split('\n').filter((line) => pattern.test(line)));
    /** Fails with the servers' warnings and errors, which explain most failures here. */
    const withServerProblems = async <T>(check: Promise<T>) =>
      check.catch((error: Error): never => {
        const problems = logLines(/"level":"(warn|error)"|Error/).slice(-40).join('\n');
        throw new Error(`${error.message}\nserver warnings and errors:\n${problems}`);
      });

    beforeAll(async () => {
      if (!ADMIN_DATABASE_URL) throw new Error(MISSING_DATABASE);
      redis = await startRedisServer();
      database = await createScratchDatabase(ADMIN_DATABASE_URL, 'jianyan_multi');
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        SESSION_SECRET,
        LOG_LEVEL: 'info',
        LOGIN_SLOWDOWN_MS: '10',
        COLLAB_COMPACT_AFTER: '10',
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      };
      // together, as compose starts them: one migrates and seeds the empty database, the other waits
      [a, b] = await Promise.all([startServer(env), startServer(env)]);

      cookies = { owner: await signInCookie(a.url, people.owner), coauthor: await signInCookie(b.url, people.coauthor) };
      const { people: found } = await graphqlWithCookie(a.url, cookies.owner, '{ people(search: "林晓燕") { id } }');
      userIds = { coauthor: found[0].id };
      const { organizations } = await graphqlWithCookie(a.url, cookies.owner, '{ organizations { id code } }');
      districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    });

    afterEach(async () => {
      clients.splice(0).forEach((c) => c.close());
      await Promise.all(subscriptions.splice(0).map((s) => s.dispose()));
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await redis?.stop();
      await database?.drop();
    });

    it('starts both instances together on an empty database: migrated and seeded once', async () => {
      const admin = await signInCookie(b.url, 'admin@jianyan.demo');
      const { users } = await graphqlWithCookie(a.url, admin, '{ users(first: 100) { nodes { email } } }');
      const emails: string[] = users.nodes.map((u: { email: string }) => u.email);
      expect(emails).toContain(people.owner);
      expect(new Set(emails).size).toBe(emails.length);
      expect(logLines(/"msg":"demo data seeded/)).toHaveLength(1);
      for (const server of [a, b]) {
        const health = await (await fetch(`${server.url}/health`, { headers: { cookie: admin } })).json();
        expect(health.components).toMatchObject({ database: { status: 'up', dialect: 'postgres' }, redis: { status: 'up' } });
      }
    });

    it('accepts a session on either instance (sessions are in the database)', async () => {
      const onA = await graphqlWithCookie(a.url, cookies.coauthor, '{ me { email } }');
      const onB = await graphqlWithCookie(b.url, cookies.coauthor, '{ me { email } }');
      expect(onA.me.email).toBe(people.coauthor);
      expect(onB.me.email).toBe(people.coauthor);
    });

    it('lets two Yjs clients on different instances converge, and a fresh client on either sees the same document', async () => {
      const proposalId = await newProposal();
      const onA = open(a, proposalId, cookies.owner);
      const onB = open(b, proposalId, cookies.coauthor);
      await Promise.all([onA.synced, onB.synced]);
      for (let i = 0; i < 5; i++) {
        onA.appendParagraph(`晋安区流动妇女就业情况（甲${i}）`);
        onB.appendParagraph(`鼓山镇茶会社区课后服务（乙${i}）`);
        await sleep(10);
      }
      await Promise.all([onA.saved(), onB.saved()]);
      await eventually(() => expect(onA.text()).toBe(onB.text()), 10_000);
      for (let i = 0; i < 5; i++) {
        expect(onA.text()).toContain(`甲${i}`);
        expect(onA.text()).toContain(`乙${i}`);
      }
      // live: a later edit on B reaches the client on A without reconnecting
      onB.appendParagraph('后来在乙实例写入');
      await eventually(() => expect(onA.text()).toContain('后来在乙实例写入'), 10_000);

      const freshOnA = open(a, proposalId, cookies.coauthor);
      const freshOnB = open(b, proposalId, cookies.owner);
      await Promise.all([freshOnA.synced, freshOnB.synced]);
      await eventually(() => {
        expect(freshOnA.text()).toBe(onA.text());
        expect(freshOnB.text()).toBe(onA.text());
      });
    });

    it('saves a version on one instance with the edits just made on the other', async () => {
      const proposalId = await newProposal();
      const writer = open(a, proposalId, cookies.owner);
      await writer.synced;
      writer.appendParagraph('刚刚在甲实例写入的段落');
      await writer.saved();
      // within the store debounce: the body row may not have it yet, the stored updates do
      const { saveProposalVersion } = await graphqlWithCookie(
        b.url,
        cookies.owner,
        'mutation($input: SaveProposalVersionInput!) { saveProposalVersion(input: $input) { bodyText } }',
        { input: { proposalId, name: '征求意见稿' } },
      );
      expect(saveProposalVersion.bodyText).toContain('刚刚在甲实例写入的段落');
    });

    it('disconnects a member removed on instance B from her document on instance A, and refuses her there', async () => {
      const proposalId = await newProposal();
      const coauthorOnA = open(a, proposalId, cookies.coauthor);
      await coauthorOnA.synced;
      let closed = false;
      coauthorOnA.provider.on('close', () => (closed = true));
      await graphqlWithCookie(b.url, cookies.owner, 'mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { id } }', {
        input: { proposalId, userId: userIds.coauthor },
      });
      await withServerProblems(eventually(() => expect(closed).toBe(true), 5_000));
      const again = open(a, proposalId, cookies.coauthor);
      await expect(again.refused).resolves.toBeDefined();
    });

    it('delivers a notification caused on instance B to the subscription open on instance A', async () => {
      const proposalId = await newProposal();
      await graphqlWithCookie(a.url, cookies.owner, 'mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }', {
        input: { proposalId, title: '建立流动儿童课后托管服务点', text: '依托社区开展。' },
      });
      const onA = subscribe(a.url, cookies.coauthor, NOTIFICATION_ADDED);
      subscriptions.push(onA);
      // the server starts the subscription asynchronously: probe through Redis until one arrives
      const probes = new RedisPubSub(redis!.url);
      try {
        const probe = { id: 'probe', kind: 'proposal_status', proposalId: 'probe', suggestionId: null, title: 'probe', createdAt: new Date(), readAt: null };
        while (!onA.received.some((d) => d.notificationAdded.id === 'probe')) {
          await probes.publish(notificationChannel(userIds.coauthor), probe);
          await within(onA.waitFor((d) => d.notificationAdded.id === 'probe'), 100, 'not yet').catch(() => undefined);
        }
      } finally {
        await probes.onModuleDestroy();
      }

      await graphqlWithCookie(b.url, cookies.owner, 'mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id } }', {
        input: { proposalId, to: 'in_review' },
      });
      const received = await withServerProblems(
        within(onA.waitFor((d) => d.notificationAdded.proposalId === proposalId), 10_000, 'no notification reached instance A within 10 s'),
      );
      expect(received.notificationAdded).toMatchObject({ kind: 'proposal_status', fromStatus: 'draft', toStatus: 'in_review' });
    });

    it('serves one person through a round-robin proxy, as in compose (no sticky sessions)', async () => {
      const proxy = await startRoundRobinProxy([a.url, b.url]);
      try {
        const cookie = await signInCookie(proxy.url, people.coauthor);
        for (let i = 0; i < 4; i++) expect((await graphqlWithCookie(proxy.url, cookie, '{ me { email } }')).me.email).toBe(people.coauthor);
        const proposalId = await newProposal();
        // two editors' WebSockets, one after the other: the proxy sends them to different instances
        const first = open(proxy, proposalId, cookies.owner);
        const second = open(proxy, proposalId, cookie);
        await Promise.all([first.synced, second.synced]);
        first.appendParagraph('经代理写入（一）');
        second.appendParagraph('经代理写入（二）');
        await Promise.all([first.saved(), second.saved()]);
        await eventually(() => {
          expect(first.text()).toBe(second.text());
          expect(first.text()).toContain('经代理写入（一）');
          expect(first.text()).toContain('经代理写入（二）');
        }, 10_000);
        expect(proxy.served.every((count) => count >= 3)).toBe(true);
      } finally {
        await proxy.close();
      }
    });

    it('counts the requests of one account on both instances together against one rate limit', async () => {
      const cookie = await signInCookie(a.url, 'liusiyuan@jianyan.demo');
      const statuses: number[] = [];
      for (let i = 0; i < RATE_LIMIT; i++) {
        const server = i % 2 === 0 ? a : b;
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: '{ me { email } }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // one request more, on either instance, is refused: each instance alone has seen only half
      for (const server of [a, b]) {
        const refused = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: '{ me { email } }' }),
        });
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
        expect((await refused.json()).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      }
      // other accounts are not affected
      expect((await graphqlWithCookie(b.url, cookies.coauthor, '{ me { email } }')).me.email).toBe(people.coauthor);
    });

    it('compacts a document edited on both instances once, not once per instance', async () => {
      const proposalId = await newProposal();
      const onA = open(a, proposalId, cookies.owner);
      const onB = open(b, proposalId, cookies.coauthor);
      await Promise.all([onA.synced, onB.synced]);
      // 1 initial state + 12 edits, over the threshold of 10 on both instances at about the same time
      for (let i = 0; i < 6; i++) {
        onA.appendParagraph(`甲段落${i}`);
        onB.appendParagraph(`乙段落${i}`);
      }
      await Promise.all([onA.saved(), onB.saved()]);
      const compactions = new RegExp(`"msg":"compacted proposal:${proposalId}: \\d+ updates merged"`);
      await withServerProblems(eventually(() => expect(logLines(compactions).length).toBeGreaterThan(0), 15_000));
      // both instances' debounced stores (1 s, at most 5 s) have run well before this
      await sleep(6_000);
      expect(logLines(compactions)).toHaveLength(1);
      const merged = Number(/(\d+) updates merged/.exec(logLines(compactions)[0])![1]);
      expect(merged).toBeGreaterThanOrEqual(10);

      const fresh = open(b, proposalId, cookies.owner);
      await fresh.synced;
      await eventually(() => expect(fresh.text()).toBe(onA.text()));
      for (let i = 0; i < 6; i++) expect(fresh.text()).toContain(`乙段落${i}`);
    });
  });
}
