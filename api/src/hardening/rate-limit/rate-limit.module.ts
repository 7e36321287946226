import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { RedisConnection } from '../../common/redis-connection';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { RedisRateLimitStore } from './redis-rate-limit.store';
import { InMemoryRateLimitStore, RATE_LIMIT_STORE, RateLimitStore } from './rate-limit.store';

class RateLimitLifecycle implements OnModuleDestroy {
  constructor(@Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore) {}

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}

/** Request counters in memory, or in Redis when REDIS_URL is set so that every instance counts together. */
@Global()
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RateLimitStore => {
        if (!config.redisUrl) return new InMemoryRateLimitStore();
        // while Redis is away a hit fails at once (no offline queue) and the request goes through
        return new RedisRateLimitStore(new RedisConnection(config.redisUrl, 'RateLimit').client);
      },
    },
    RateLimitLifecycle,
  ],
  exports: [RATE_LIMIT_STORE],
})
export class RateLimitModule {}
