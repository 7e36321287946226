import { Global, Inject, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ComponentHealth, HealthService } from '../core/health/health.service';

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

/** Several instances: `SET key token NX PX ttl`, released only by the token's owner (compare-and-delete). */
export class RedisJobLock implements JobLock {
  private readonly instanceId = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'jianyan:lock:',
  ) {}

  async runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<ExclusiveRun<T>> {
    const token = await this.acquire(name, ttlMs);
    if (!token) return { ran: false };
    try {
      return { ran: true, result: await job() };
    } finally {
      await this.release(name, token);
    }
  }

  async runSerialized<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + ttlMs;
    let token = await this.acquire(name, ttlMs);
    while (!token) {
      if (Date.now() > deadline) throw new JobLockTimeoutError(name, ttlMs);
      await sleep(RETRY_MS);
      token = await this.acquire(name, ttlMs);
    }
    try {
      return await job();
    } finally {
      await this.release(name, token);
    }
  }

  async holdLease(name: string, ttlMs: number): Promise<boolean> {
    const held = await this.redis.eval(RENEW_OR_TAKE, 1, `${this.prefix}${name}`, `lease:${this.instanceId}`, String(ttlMs));
    return held === 1;
  }

  private async acquire(name: string, ttlMs: number): Promise<string | null> {
    const token = `${this.instanceId}:${randomUUID()}`;
    const reply = await this.redis.set(`${this.prefix}${name}`, token, 'PX', ttlMs, 'NX');
    return reply === 'OK' ? token : null;
  }

  private async release(name: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_OWNER, 1, `${this.prefix}${name}`, token);
  }
}

const REDIS_FOR_LOCKS = Symbol('REDIS_FOR_LOCKS');

/** Reports Redis in GET /health; closes the lock's Redis connection when the application stops. */
@Injectable()
class JobLockLifecycle implements OnModuleDestroy {
  constructor(@Inject(REDIS_FOR_LOCKS) private readonly redis: Redis | null, health: HealthService) {
    if (redis) health.register({ name: 'redis', check: () => this.checkRedis(redis) });
  }

  private async checkRedis(redis: Redis): Promise<ComponentHealth> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2_000);
    });
    await Promise.race([redis.ping(), timeout]).finally(() => clearTimeout(timer));
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

/** In-process locks, or Redis locks when REDIS_URL is set. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_FOR_LOCKS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.redisUrl) return null;
        const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
        const logger = new Logger('JobLock');
        redis.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
        return redis;
      },
    },
    {
      provide: JOB_LOCK,
      inject: [REDIS_FOR_LOCKS],
      useFactory: (redis: Redis | null): JobLock => (redis ? new RedisJobLock(redis) : new InProcessJobLock()),
    },
    JobLockLifecycle,
  ],
  exports: [JOB_LOCK],
})
export class JobLockModule {}
