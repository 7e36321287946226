import { Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import type { PubSubPort } from './pubsub';

/**
 * Several API instances: messages go through Redis pub/sub as JSON. A subscribed connection
 * cannot run other commands, so publishing uses a second connection.
 */
export class RedisPubSub implements PubSubPort, OnModuleDestroy {
  private readonly logger = new Logger(RedisPubSub.name);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();
  /** Channel -> the SUBSCRIBE command, so a second subscriber also waits until it is active. */
  private readonly active = new Map<string, Promise<unknown>>();
  /** A SUBSCRIBE sent before the connection's ready check would make that check fail. */
  private readonly subscriberReady: Promise<void>;

  constructor(
    redisUrl: string,
    private readonly prefix = 'jianyan:pubsub:',
  ) {
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(redisUrl);
    this.subscriberReady = new Promise((resolve) => this.subscriber.once('ready', () => resolve()));
    this.subscriber.on('message', (channel: string, raw: string) => this.deliver(channel, raw));
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (error: Error) => this.logger.warn(`redis pub/sub: ${error.message}`));
    }
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + channel, JSON.stringify(message));
  }

  async subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.active.set(channel, this.subscriberReady.then(() => this.subscriber.subscribe(this.prefix + channel)));
    }
    set.add(handler);
    await this.active.get(channel);
    const handlers = set;
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        this.active.delete(channel);
        await this.subscriber.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  private deliver(prefixedChannel: string, raw: string): void {
    if (!prefixedChannel.startsWith(this.prefix)) return;
    const handlers = this.handlers.get(prefixedChannel.slice(this.prefix.length));
    if (!handlers) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      this.logger.warn(`dropped a message that is not JSON on ${prefixedChannel}`);
      return;
    }
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`pub/sub handler on ${prefixedChannel} failed: ${(error as Error).message}`);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.publisher.quit(), this.subscriber.quit()].map((p) => p.catch(() => undefined)));
  }
}
