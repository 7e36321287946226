import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { errorCode } from '../../test-support/graphql-client';
import { openConnections, postFromAddress } from '../../test-support/http-from-address';
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

/** Counts, in the database itself, the writes of sessions.lastSeenAt (a row trigger on the real table). */
async function countLastSeenWrites(t: TestApp): Promise<() => Promise<number>> {
  const db = t.app.get(DataSource);
  if (t.dialect === 'postgres') {
    await db.query('CREATE TABLE last_seen_writes ("id" serial PRIMARY KEY)');
    await db.query(`CREATE FUNCTION count_last_seen() RETURNS trigger AS $$ BEGIN INSERT INTO last_seen_writes DEFAULT VALUES; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.query('CREATE TRIGGER count_last_seen AFTER UPDATE OF "lastSeenAt" ON sessions FOR EACH ROW EXECUTE FUNCTION count_last_seen()');
  } else {
    // (SQLite trigger bodies take no DEFAULT VALUES)
    await db.query('CREATE TABLE last_seen_writes ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "sessionId" TEXT)');
    await db.query('CREATE TRIGGER count_last_seen AFTER UPDATE OF "lastSeenAt" ON sessions BEGIN INSERT INTO last_seen_writes ("sessionId") VALUES (NEW."id"); END');
  }
  return async () => Number((await db.query('SELECT COUNT(*) AS "writes" FROM last_seen_writes'))[0].writes);
}

describe('session last-seen writes', () => {
  let t: TestApp;
  // a 10 s idle timeout makes the last-seen resolution a tenth of it: 1 s
  const RESOLUTION_MS = 1_000;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_IDLE_TIMEOUT: '10s' });
  });
  afterAll(() => t.close());

  it('writes last-seen at most once per resolution, once even for parallel requests of one session', async () => {
    const client = await t.signIn('linxiaoyan@jianyan.demo');
    const writes = await countLastSeenWrites(t);
    const agent = await openConnections(`${t.url}/graphql`, '127.0.0.1', 20);
    const parallel = () => Promise.all(Array.from({ length: 20 }, () => postFromAddress(`${t.url}/graphql`, '127.0.0.1', { query: ME }, { cookie: client.cookieHeader }, agent)));

    // right after sign-in: within the resolution, no write
    for (let i = 0; i < 5; i++) await client.ok(ME);
    expect(await writes()).toBe(0);
    // past the resolution: 20 parallel requests all see an old last-seen, one of them writes it
    for (let round = 1; round <= 2; round++) {
      await sleep(RESOLUTION_MS + 200);
      const answers = await parallel();
      expect(answers.map((a) => a.body.data?.me?.id ?? a.body.errors)).toEqual(Array(20).fill(answers[0].body.data.me.id));
      expect(await writes()).toBe(round);
    }
    agent.destroy();
  });
});
