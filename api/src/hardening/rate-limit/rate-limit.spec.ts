import express from 'express';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { JsonLogger } from '../../common/logger';
import { TestRedis, startRedisServer } from '../../test-support/redis-server';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { clientAddressKey } from './client-address';
import { rateLimitMiddleware } from './rate-limit.middleware';
import { InMemoryRateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

const ME = '{ me { email } }';

function postGraphQL(url: string, cookie = '', query = ME): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
}

describe('rate limit stores', () => {
  it('in memory: counts a window from the first request and starts a new one when it ends', async () => {
    let now = 1_000;
    const store = new InMemoryRateLimitStore(() => now);
    expect(await store.hit('user:a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 59_000;
    expect(await store.hit('user:a', 60_000)).toEqual({ count: 2, resetInMs: 1_000 });
    expect(await store.hit('user:b', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 1_000;
    expect(await store.hit('user:a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });

  it('in memory: sweeps expired windows instead of growing without bound', async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore(() => now);
    for (let i = 0; i < 10_000; i++) await store.hit(`ip:${i}`, 1_000);
    now = 2_000;
    await store.hit('ip:new', 1_000);
    expect(store.size).toBe(1);
  });

  it('in memory: above its ceiling, the oldest windows make room for new callers', async () => {
    let now = 0;
    const store = new InMemoryRateLimitStore(() => now, 3);
    for (const key of ['a', 'b', 'c']) {
      await store.hit(key, 60_000);
      now += 1;
    }
    await store.hit('b', 60_000);
    await store.hit('d', 60_000);
    expect(store.size).toBe(3);
    // 'a', whose window is the oldest, was dropped and starts again; 'b' kept its window (count 3 now)
    expect((await store.hit('b', 60_000)).count).toBe(3);
    expect((await store.hit('a', 60_000)).count).toBe(1);
  });

  it('counts an IPv6 client by its /64 network, and an IPv4 address (mapped or not) as itself', () => {
    expect(clientAddressKey('2001:db8:85a3:12:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:85a3:12::/64');
    expect(clientAddressKey('2001:db8:85a3:12::1')).toBe('2001:db8:85a3:12::/64');
    expect(clientAddressKey('2001:0DB8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey(undefined)).toBe('unknown');
  });

  describe('in Redis', () => {
    let redis: TestRedis;
    const connections: Redis[] = [];
    const store = () => {
      const connection = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      connection.on('error', () => undefined);
      connections.push(connection);
      return new RedisRateLimitStore(connection);
    };
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      connections.forEach((c) => c.disconnect());
      await redis.stop();
    });

    it('shares one count between two instances, with the expiry set by the first request', async () => {
      const [onA, onB] = [store(), store()];
      const first = await onA.hit('user:shared', 60_000);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeGreaterThan(59_000);
      expect((await onB.hit('user:shared', 60_000)).count).toBe(2);
      expect((await onA.hit('user:shared', 60_000)).count).toBe(3);
      expect((await onB.hit('user:other', 60_000)).count).toBe(1);
    });

    it('starts a new window once the old one has expired', async () => {
      const s = store();
      await s.hit('user:short', 150);
      expect((await s.hit('user:short', 150)).count).toBe(2);
      await new Promise((r) => setTimeout(r, 250));
      expect((await s.hit('user:short', 150)).count).toBe(1);
    });

    it('lets requests through, with a warning, while Redis cannot be reached', async () => {
      const lost = await startRedisServer();
      const connection = new Redis(lost.url, { maxRetriesPerRequest: 1 });
      connection.on('error', () => undefined);
      connections.push(connection);
      await connection.ping();
      await lost.stop();
      const app = express();
      const warnings: string[] = [];
      const logger = new JsonLogger('warn');
      logger.write = (_level, msg) => void warnings.push(msg);
      app.use(rateLimitMiddleware(new RedisRateLimitStore(connection), { perMinute: 1 }, logger));
      app.post('/graphql', (_req, res) => res.json({ data: { ok: true } }));
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        for (let i = 0; i < 3; i++) expect((await fetch(`${url}/graphql`, { method: 'POST' })).status).toBe(200);
        expect(warnings).toEqual(['rate limit store unavailable; requests are not limited']);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });
});

describe('rate limit on the API (5 requests a minute)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('refuses the sixth request of an account with 429 TOO_MANY_REQUESTS and Retry-After, and serves other accounts', async () => {
    const member = await t.signIn('zhangjie@jianyan.demo');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postGraphQL(t.url, member.cookieHeader)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await postGraphQL(t.url, member.cookieHeader);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe('5');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({
      errors: [{ message: `Too many requests: try again in ${retryAfter} s`, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter } }],
    });
    // the path is matched as Express routes it, whatever its case
    const upperCase = await fetch(`${t.url}/GraphQL`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: member.cookieHeader }, body: JSON.stringify({ query: ME }) });
    expect(upperCase.status).toBe(429);
    // counted per sign-in (decided from the signed cookie, before any database read): another device has its own count
    const secondSession = await t.signIn('zhangjie@jianyan.demo');
    expect((await postGraphQL(t.url, secondSession.cookieHeader)).status).toBe(200);
    // the plain HTTP routes answer in their own shape
    const exportRefused = await fetch(`${t.url}/export/dashboard.csv`, { headers: { cookie: member.cookieHeader } });
    expect(exportRefused.status).toBe(429);
    expect(await exportRefused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    const other = await t.signIn('linxiaoyan@jianyan.demo');
    const served = await postGraphQL(t.url, other.cookieHeader);
    expect(served.status).toBe(200);
    expect(served.headers.get('ratelimit-remaining')).toBe('4');
    expect(((await served.json()) as { data: { me: { email: string } } }).data.me.email).toBe('linxiaoyan@jianyan.demo');
  });

  it('counts signed-out callers by address, and never limits health checks', async () => {
    const fromAddress = (ip: string) =>
      fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ query: ME }) }).then((r) => r.status);
    const first: number[] = [];
    for (let i = 0; i < 6; i++) first.push(await fromAddress('203.0.113.7'));
    expect(first).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await fromAddress('203.0.113.8')).toBe(200);
    for (let i = 0; i < 10; i++) expect((await fetch(`${t.url}/health`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
  });
});
