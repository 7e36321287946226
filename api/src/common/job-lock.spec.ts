import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisServer, TestRedis } from '../test-support/redis-server';
import { InProcessJobLock, JobLock, RedisJobLock } from './job-lock';
import { RedisConnection } from './redis-connection';

/** A job that stays busy until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * What every job lock must do. `instances` are two locks as two API processes see them: for
 * Redis two connections, in process the same object (one process has one lock).
 */
function jobLockContract(name: string, setup: () => Promise<{ instances: JobLock[]; teardown: () => Promise<void> }>, severalInstances: boolean) {
  describe(`job lock contract: ${name}`, () => {
    let a: JobLock;
    let b: JobLock;
    let teardown: () => Promise<void>;

    beforeAll(async () => {
      const created = await setup();
      [a, b] = created.instances;
      teardown = created.teardown;
    });
    afterAll(() => teardown());

    it('runs an exclusive job once while another run holds it, and again after it finished', async () => {
      const busy = gate();
      const started = gate();
      let runs = 0;
      const first = a.runExclusive('contract-exclusive', 10_000, async () => {
        runs++;
        started.open();
        await busy.opened;
        return 'first';
      });
      await started.opened;
      const second = await b.runExclusive('contract-exclusive', 10_000, async () => {
        runs++;
        return 'second';
      });
      expect(second).toEqual({ ran: false });
      busy.open();
      expect(await first).toEqual({ ran: true, result: 'first' });
      expect(await b.runExclusive('contract-exclusive', 10_000, async () => ++runs)).toEqual({ ran: true, result: 2 });
    });

    it('releases the lock when the job fails', async () => {
      await expect(a.runExclusive('contract-failure', 10_000, async () => Promise.reject(new Error('job failed')))).rejects.toThrow('job failed');
      expect(await b.runExclusive('contract-failure', 10_000, async () => 'ran')).toEqual({ ran: true, result: 'ran' });
    });

    it('serialises waiting jobs: none overlaps another, each runs', async () => {
      let inside = 0;
      let overlaps = 0;
      const order: number[] = [];
      await Promise.all(
        [...Array(6).keys()].map((i) =>
          (i % 2 ? a : b).runSerialized('contract-serial', 10_000, async () => {
            if (++inside > 1) overlaps++;
            await sleep(5);
            order.push(i);
            inside--;
          }),
        ),
      );
      expect(overlaps).toBe(0);
      expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('keeps a lease with its holder while it renews it', async () => {
      expect(await a.holdLease('contract-lease', 10_000)).toBe(true);
      expect(await a.holdLease('contract-lease', 10_000)).toBe(true);
      expect(await b.holdLease('contract-lease', 10_000)).toBe(!severalInstances);
    });

    if (severalInstances) {
      it('lets another instance take over a lock whose holder vanished, once its time is up', async () => {
        expect(await a.holdLease('contract-expiry', 300)).toBe(true);
        expect(await b.holdLease('contract-expiry', 300)).toBe(false);
        await sleep(400);
        expect(await b.holdLease('contract-expiry', 10_000)).toBe(true);
        expect(await a.holdLease('contract-expiry', 10_000)).toBe(false);
      });

      it('never releases a lock that expired and was taken by someone else', async () => {
        const busy = gate();
        const slowStarted = gate();
        const slow = a.runExclusive('contract-stolen', 100, async () => {
          slowStarted.open();
          await busy.opened;
        });
        await slowStarted.opened;
        await sleep(200);
        const other = gate();
        const takerStarted = gate();
        const taker = b.runExclusive('contract-stolen', 10_000, async () => {
          takerStarted.open();
          await other.opened;
        });
        await takerStarted.opened;
        busy.open();
        await slow;
        // the first holder finished late: the second holder's lock must still be in place
        expect(await a.runExclusive('contract-stolen', 10_000, async () => 'ran')).toEqual({ ran: false });
        other.open();
        await taker;
      });
    }
  });
}

jobLockContract(
  'in process',
  async () => {
    const lock = new InProcessJobLock();
    return { instances: [lock, lock], teardown: async () => undefined };
  },
  false,
);

let redis: TestRedis;
const connections: RedisConnection[] = [];
jobLockContract(
  'Redis',
  async () => {
    redis = await startRedisServer();
    connections.push(new RedisConnection(redis.url, 'JobLock'), new RedisConnection(redis.url, 'JobLock'));
    return {
      instances: connections.map((c) => new RedisJobLock(c)),
      teardown: async () => {
        await Promise.all(connections.map((c) => c.close()));
        await redis.stop();
      },
    };
  },
  true,
);

describe('Redis job lock while Redis is away', () => {
  let server: TestRedis;
  let connection: RedisConnection;
  let lock: RedisJobLock;

  beforeAll(async () => {
    server = await startRedisServer();
    connection = new RedisConnection(server.url, 'JobLock');
    lock = new RedisJobLock(connection);
    await connection.firstAttempt;
    await server.stop();
    while (connection.ready) await sleep(10);
  });
  afterAll(async () => {
    await connection.close();
    await server.stop();
  });

  it('still runs serialized jobs, one at a time within the instance, skips exclusive ones and holds no lease', async () => {
    const running: string[] = [];
    const overlaps: string[][] = [];
    const job = (id: string) => async () => {
      running.push(id);
      if (running.length > 1) overlaps.push([...running]);
      await sleep(30);
      running.splice(running.indexOf(id), 1);
      return id;
    };
    await expect(Promise.all([lock.runSerialized('away', 5_000, job('1')), lock.runSerialized('away', 5_000, job('2'))])).resolves.toEqual(['1', '2']);
    expect(overlaps).toEqual([]);
    await expect(lock.runExclusive('away-exclusive', 5_000, job('3'))).resolves.toEqual({ ran: false });
    await expect(lock.holdLease('away-lease', 5_000)).resolves.toBe(false);
  });

  it('locks through Redis again once it is back', async () => {
    await server.start();
    while (!connection.ready) await sleep(20);
    const other = new RedisJobLock(connection);
    await expect(lock.holdLease('back-lease', 5_000)).resolves.toBe(true);
    await expect(other.holdLease('back-lease', 5_000)).resolves.toBe(false);
  });
});
