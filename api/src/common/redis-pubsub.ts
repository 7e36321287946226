import { Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PubSubPort } from './pubsub';
import { RedisConnection } from './redis-connection';

/** What travels through Redis: the message and the instance that published it. */
interface Envelope {
  from: string;
  message: unknown;
}

/**
 * Several API instances: messages go through Redis pub/sub as JSON. A subscribed connection
 * cannot run other commands, so publishing uses a second connection.
 *
 * This instance's own subscribers get a message directly, not through Redis (its copy coming back
 * from Redis is ignored), so that they keep receiving while Redis is away. Messages for the other
 * instances published during an outage are lost (logged); channels are subscribed again when
 * the subscriber connection is ready again.
 */
export class RedisPubSub implements PubSubPort, OnModuleDestroy {
  private readonly logger = new Logger(RedisPubSub.name);
  private readonly instanceId = randomUUID();
  private readonly publisher: RedisConnection;
  private readonly subscriber: RedisConnection;
  private readonly handlers = new Map<string, Set<(message: unknown) => void>>();

  constructor(
    redisUrl: string,
    private readonly prefix = 'jianyan:pubsub:',
  ) {
    this.publisher = new RedisConnection(redisUrl, RedisPubSub.name);
    // after an outage only the channels that still have handlers are subscribed again (onReady):
    // ioredis' own resubscription would also bring back channels unsubscribed while Redis was away
    this.subscriber = new RedisConnection(redisUrl, RedisPubSub.name, { autoResubscribe: false });
    this.subscriber.client.on('message', (channel: string, raw: string) => this.receive(channel, raw));
    this.subscriber.onReady(() => {
      for (const channel of this.handlers.keys()) void this.subscribeAtRedis(channel);
    });
  }

  async publish(channel: string, message: unknown): Promise<void> {
    const raw = JSON.stringify({ from: this.instanceId, message } satisfies Envelope);
    queueMicrotask(() => this.deliver(channel, raw));
    await this.publisher.firstAttempt;
    await this.publisher.client.publish(this.prefix + channel, raw).catch((error: Error) => {
      this.logger.warn(`${channel}: not relayed to other instances (${error.message})`);
    });
  }

  /** Resolves once the subscription is active here, and at Redis unless Redis is away (then once it is back). */
  async subscribe(channel: string, handler: (message: unknown) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    await this.subscribeAtRedis(channel);
    const handlers = set;
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.handlers.get(channel) === handlers) {
        this.handlers.delete(channel);
        await this.subscriber.client.unsubscribe(this.prefix + channel).catch(() => undefined);
      }
    };
  }

  /** A SUBSCRIBE is sent only on a ready connection (one sent before the ready check makes it fail). */
  private async subscribeAtRedis(channel: string): Promise<void> {
    await this.subscriber.firstAttempt;
    if (!this.subscriber.ready) return;
    await this.subscriber.client.subscribe(this.prefix + channel).catch((error: Error) => {
      this.logger.warn(`${channel}: subscribed again once Redis is back (${error.message})`);
    });
  }

  private receive(prefixedChannel: string, raw: string): void {
    if (!prefixedChannel.startsWith(this.prefix)) return;
    let envelope: Partial<Envelope>;
    try {
      envelope = JSON.parse(raw);
    } catch {
      this.logger.warn(`dropped a message that is not JSON on ${prefixedChannel}`);
      return;
    }
    if (envelope.from !== this.instanceId) this.deliver(prefixedChannel.slice(this.prefix.length), raw);
  }

  /** Each handler gets its own copy, parsed from the JSON that travels, as on the other instances. */
  private deliver(channel: string, raw: string): void {
    for (const handler of [...(this.handlers.get(channel) ?? [])]) {
      try {
        handler((JSON.parse(raw) as Envelope).message);
      } catch (error) {
        this.logger.error(`pub/sub handler on ${channel} failed: ${(error as Error).message}`);
      }
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.publisher.close(), this.subscriber.close()]);
  }
}
