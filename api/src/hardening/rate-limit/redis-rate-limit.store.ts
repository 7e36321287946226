import Redis from 'ioredis';
import { RateLimitHit, RateLimitStore } from './rate-limit.store';

const KEY_PREFIX = 'jianyan:rate:';

/** Increments the caller's counter; the first request of a window sets its expiry. One round trip, atomic. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

/** A hit Redis has not answered by then fails, and the request goes through unlimited. */
const ANSWER_WITHIN_MS = 250;

/** Shared counters for several API instances: a caller's requests count the same on every instance. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
    });
    try {
      const answer = this.redis.eval(HIT_SCRIPT, 1, `${KEY_PREFIX}${key}`, windowMs) as Promise<[number, number]>;
      const [count, ttl] = await Promise.race([answer, timeout]);
      return { count, resetInMs: ttl };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
