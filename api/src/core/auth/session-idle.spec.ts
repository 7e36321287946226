import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { errorCode } from '../../test-support/graphql-client';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { SessionEntity } from './session.entity';

const ME = '{ me { id } }';
const IDLE_SECONDS = 3;

describe('session idle timeout (SESSION_IDLE_TIMEOUT)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_TIMEOUT: `${IDLE_SECONDS}s` });
  });
  afterAll(() => t.close());

  const sessionsOf = (userId: string) => t.app.get(DataSource).getRepository(SessionEntity).findBy({ userId });

  it('keeps a used session past the idle timeout, then refuses and ends it after that long unused', async () => {
    const client = await t.signIn('zhangjie@jianyan.demo');
    const { me } = await client.ok(ME);
    const started = Date.now();
    // requests half a second apart for longer than the idle timeout: activity keeps the session
    while (Date.now() - started < (IDLE_SECONDS + 2) * 1000) {
      await client.ok(ME);
      await sleep(500);
    }
    expect(await sessionsOf(me.id)).toHaveLength(1);

    await sleep((IDLE_SECONDS + 1) * 1000);
    const idle = await client.request(ME);
    expect(errorCode(idle)).toBe('UNAUTHENTICATED');
    expect(idle.errors![0].extensions).toMatchObject({ reason: 'SESSION_IDLE', idleTimeoutSeconds: IDLE_SECONDS });
    // ended at once: the row stays only as an expired session, so every later request learns why
    const [ended] = await sessionsOf(me.id);
    expect(ended.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    const again = await client.request(ME);
    expect(again.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' });
    // signing in again works and removes the ended session
    expect((await (await t.signIn('zhangjie@jianyan.demo')).ok(ME)).me.id).toBe(me.id);
    const left = await sessionsOf(me.id);
    expect(left).toHaveLength(1);
    expect(left[0].id).not.toBe(ended.id);
  });
});

describe('session last-seen writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('does not write last-seen on every request (default 8 h idle timeout: at most every 5 minutes)', async () => {
    const client = await t.signIn('linxiaoyan@jianyan.demo');
    const { me } = await client.ok(ME);
    const sessions = t.app.get(DataSource).getRepository(SessionEntity);
    const [before] = await sessions.findBy({ userId: me.id });
    for (let i = 0; i < 10; i++) await client.ok(ME);
    const [after] = await sessions.findBy({ userId: me.id });
    expect(after.lastSeenAt.getTime()).toBe(before.lastSeenAt.getTime());
  });
});
