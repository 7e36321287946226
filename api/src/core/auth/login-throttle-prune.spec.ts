import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { createScratchDatabase, ScratchDatabase } from '../../test-support/scratch-database';
import { signInFrom } from '../../test-support/sign-in-attempts';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { LoginThrottleEntity } from './login-throttle.entity';

const HOUR_MS = 3_600_000;

/**
 * Anonymous sign-in attempts from ever new addresses with ever new identifiers each leave throttle
 * rows behind. The product deletes those that no longer count when it starts (and hourly after):
 * this test fills the table over real sockets, ages part of it, restarts the API on the same database.
 */
describe('login_throttles pruning', () => {
  let dataDir: string;
  let postgres: ScratchDatabase | null = null;
  let t: TestApp | null = null;
  const env = () => ({ DATA_DIR: dataDir, LOGIN_SLOWDOWN_MS: '0', ...(postgres ? { DATABASE_URL: postgres.url } : {}) });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-prune-'));
    if (process.env.TEST_DATABASE === 'postgres') postgres = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'jianyan_prune');
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const keys = async (app: TestApp) => (await app.app.get(DataSource).getRepository(LoginThrottleEntity).find()).map((row) => row.key).sort();
  const keysOf = (all: string[], address: string) => all.filter((key) => key.includes(address));

  it('deletes the buckets whose window ended more than a day ago at start, and keeps the others', async () => {
    t = await startTestApp(env());
    const addresses = ['127.0.6.1', '127.0.6.2', '127.0.6.3'];
    for (const from of addresses) {
      for (let i = 0; i < 3; i++) expect((await signInFrom(t, from, `from-${from}-${i}@example.org`, 'wrong-password')).outcome).toBe('INVALID_CREDENTIALS');
    }
    const before = await keys(t);
    const [gone, lately, live] = addresses.map((address) => keysOf(before, address));
    expect(gone.length).toBe(7); // the address, and each identifier from it and from everywhere
    // the first address tried 25 hours ago, the second 23 hours ago (its windows still lengthen the next ones)
    const rows = t.app.get(DataSource).getRepository(LoginThrottleEntity);
    for (const [group, ageMs] of [[gone, 25 * HOUR_MS], [lately, 23 * HOUR_MS]] as const) {
      for (const key of group) {
        const row = await rows.findOneByOrFail({ key });
        await rows.update({ key }, { resetAt: row.resetAt - ageMs - row.windowMs });
      }
    }
    await t.close();

    t = await startTestApp(env());
    let after = await keys(t);
    for (let waited = 0; after.some((key) => gone.includes(key)) && waited < 20; waited++) {
      await sleep(250);
      after = await keys(t);
    }
    expect(after).toEqual([...lately, ...live].sort());
  });
});
