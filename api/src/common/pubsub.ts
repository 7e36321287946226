import { Global, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RedisPubSub } from './redis-pubsub';

/**
 * Messages that must reach every API instance (e.g. a notification for a subscriber connected
 * to another instance). Payloads are JSON: the in-memory adapter round-trips them through JSON
 * so it behaves like the Redis adapter.
 */
export interface PubSubPort {
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is active; the returned function ends it. */
  subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>>;
}

export const PUBSUB = Symbol('PUBSUB');

/** One process: the default on a single machine. */
@Injectable()
export class InMemoryPubSub implements PubSubPort, OnModuleDestroy {
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();

  async publish(channel: string, message: unknown): Promise<void> {
    const copy = JSON.stringify(message);
    for (const handler of [...(this.handlers.get(channel) ?? [])]) {
      queueMicrotask(() => handler(JSON.parse(copy)));
    }
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    const set = this.handlers.get(channel) ?? new Set();
    set.add(handler);
    this.handlers.set(channel, set);
    return async () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(channel);
    };
  }

  onModuleDestroy(): void {
    this.handlers.clear();
  }
}

/** In memory, or Redis pub/sub when REDIS_URL is set (several API instances). */
@Global()
@Module({
  providers: [
    {
      provide: PUBSUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): PubSubPort => (config.redisUrl ? new RedisPubSub(config.redisUrl) : new InMemoryPubSub()),
    },
  ],
  exports: [PUBSUB],
})
export class PubSubModule {}
