import { Global, Inject, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { HealthService } from '../core/health/health.service';
import { RedisConnection } from './redis-connection';

export type ExclusiveRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Makes background work run once across API instances (compaction, the search outbox, digests).
 * `ttlMs` bounds how long a crashed holder can keep others out; a job must finish well within it.
 */
export interface JobLock {
  /** Runs `job` unless another run of `name` (here or on another instance) holds the lock; then skips it. */
  runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<ExclusiveRun<T>>;
  /** Waits (up to `ttlMs`) until no other run of `name` holds the lock, then runs `job`. */
  runSerialized<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T>;
  /**
   * A lease for a job only one instance should run continuously (e.g. polling): true while this
   * instance holds it. The holder renews it by calling again within `ttlMs`.
   */
  holdLease(name: string, ttlMs: number): Promise<boolean>;
}

export const JOB_LOCK = Symbol('JOB_LOCK');

export class JobLockTimeoutError extends Error {
  constructor(name: string, waitedMs: number) {
    super(`the lock ${name} stayed busy for ${waitedMs} ms`);
  }
}

/** One API instance: locks only need to exclude concurrent runs inside this process. */
export class InProcessJobLock implements JobLock {
  private readonly running = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();

  async runExclusive<T>(name: string, _ttlMs: number, job: () => Promise<T>): Promise<ExclusiveRun<T>> {
    if (this.running.has(name) || this.queues.has(name)) return { ran: false };
    this.running.add(name);
    try {
      return { ran: true, result: await job() };
    } finally {
      this.running.delete(name);
    }
  }

  runSerialized<T>(name: string, _ttlMs: number, job: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(async () => {
      while (this.running.has(name)) await sleep(10);
      return job();
    });
    const settled = run.catch(() => undefined);
    this.queues.set(name, settled);
    void settled.then(() => {
      if (this.queues.get(name) === settled) this.queues.delete(name);
    });
    return run;
  }

  async holdLease(): Promise<boolean> {
    return true;
  }
}

const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW_OR_TAKE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1
elseif redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 else return 0 end`;
const RETRY_MS = 20;

/** Redis could not be asked: see RedisJobLock for what is done then. */
const UNREACHABLE = Symbol('unreachable');

/**
 * Several instances: `SET key token NX PX ttl`, released only by the token's owner (compare-and-delete).
 *
 * While Redis cannot be reached, locks fall back to what is safe without it:
 * - `runExclusive` skips the run: its jobs (compaction, digests) are periodic and run again later;
 * - `holdLease` holds nothing: lease jobs (consent expiry, outbox polling) resume from their
 *   last run once Redis is back;
 * - `runSerialized` runs the job serialized within this instance only. Its jobs must not wait
 *   for Redis: the body derivation after an edit, a document's first state and the demo seed.
 *   The edits themselves never wait for a lock (each is stored before it is acknowledged), the
 *   derivation first merges every update stored by any instance (so it never works from a
 *   document that lacks another instance's edits), and the first state and the seed check the
 *   database again inside the lock. What is left unguarded is two instances doing one of them at
 *   the same moment during the outage; the next derivation corrects a derived body.
 */
export class RedisJobLock implements JobLock {
  private readonly instanceId = randomUUID();
  private readonly withoutRedis = new InProcessJobLock();

  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix = 'jianyan:lock:',
  ) {}

  async runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<ExclusiveRun<T>> {
    const token = await this.acquire(name, ttlMs);
    if (token === null || token === UNREACHABLE) return { ran: false };
    try {
      return { ran: true, result: await job() };
    } finally {
      await this.release(name, token);
    }
  }

  async runSerialized<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + ttlMs;
    let token = await this.acquire(name, ttlMs);
    while (token === null) {
      if (Date.now() > deadline) throw new JobLockTimeoutError(name, ttlMs);
      await sleep(RETRY_MS);
      token = await this.acquire(name, ttlMs);
    }
    if (token === UNREACHABLE) return this.withoutRedis.runSerialized(name, ttlMs, job);
    try {
      return await job();
    } finally {
      await this.release(name, token);
    }
  }

  async holdLease(name: string, ttlMs: number): Promise<boolean> {
    if (!(await this.reachable())) return false;
    const held = await this.connection.client
      .eval(RENEW_OR_TAKE, 1, `${this.prefix}${name}`, `lease:${this.instanceId}`, String(ttlMs))
      .catch(() => 0);
    return held === 1;
  }

  private async reachable(): Promise<boolean> {
    await this.connection.firstAttempt;
    return this.connection.ready;
  }

  private async acquire(name: string, ttlMs: number): Promise<string | null | typeof UNREACHABLE> {
    if (!(await this.reachable())) return UNREACHABLE;
    const token = `${this.instanceId}:${randomUUID()}`;
    try {
      const reply = await this.connection.client.set(`${this.prefix}${name}`, token, 'PX', ttlMs, 'NX');
      return reply === 'OK' ? token : null;
    } catch {
      return UNREACHABLE;
    }
  }

  /** A lock that cannot be released now expires after its ttl. */
  private async release(name: string, token: string): Promise<void> {
    await this.connection.client.eval(RELEASE_IF_OWNER, 1, `${this.prefix}${name}`, token).catch(() => undefined);
  }
}

const REDIS_FOR_LOCKS = Symbol('REDIS_FOR_LOCKS');

/** Reports Redis in GET /health (degraded while it is away); closes the lock's connection when the application stops. */
@Injectable()
class JobLockLifecycle implements OnModuleDestroy {
  constructor(@Inject(REDIS_FOR_LOCKS) private readonly redis: RedisConnection | null, health: HealthService) {
    if (redis) health.register({ name: 'redis', check: () => redis.health() });
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.close();
  }
}

/** In-process locks, or Redis locks when REDIS_URL is set. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_FOR_LOCKS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.redisUrl ? new RedisConnection(config.redisUrl, 'JobLock') : null),
    },
    {
      provide: JOB_LOCK,
      inject: [REDIS_FOR_LOCKS],
      useFactory: (redis: RedisConnection | null): JobLock => (redis ? new RedisJobLock(redis) : new InProcessJobLock()),
    },
    JobLockLifecycle,
  ],
  exports: [JOB_LOCK],
})
export class JobLockModule {}
