import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { ComponentHealth } from '../core/health/health.service';

/** Reconnect attempts back off up to this delay: Redis that is back is used again within it. */
const MAX_RECONNECT_DELAY_MS = 1_000;
const PING_WITHIN_MS = 2_000;

/**
 * An ioredis connection that rides through a Redis outage: it reconnects for ever, and a command
 * sent while Redis is away fails at once (no offline queue, no retries) instead of piling up and
 * failing later, all at once, with MaxRetriesPerRequestError. Every caller handles that failure.
 * The outage is logged once when it starts and once when it ends, not at every reconnect attempt.
 */
export class RedisConnection {
  readonly client: Redis;
  private readonly logger: Logger;
  private lastError: string | null = null;
  private wasReady = false;
  /** Settles with the first connection attempt: ready, or failed (then commands fail until it is back). */
  readonly firstAttempt: Promise<void>;

  /** `autoResubscribe: false` for a subscriber that subscribes its channels itself once ready. */
  constructor(url: string, name: string, options: { autoResubscribe?: boolean } = {}) {
    this.logger = new Logger(name);
    this.client = new Redis(url, {
      ...options,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    });
    this.firstAttempt = new Promise((resolve) => {
      this.client.once('ready', () => resolve());
      this.client.once('error', () => resolve());
    });
    this.client.on('error', (error: Error) => {
      if (this.lastError === null) this.logger.warn(`redis unreachable: ${error.message}`);
      this.lastError = error.message;
    });
    this.client.on('ready', () => {
      if (this.wasReady) this.logger.warn('redis reachable again');
      this.wasReady = true;
      this.lastError = null;
    });
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  /** Runs `listener` each time the connection becomes ready (the first time and after every outage). */
  onReady(listener: () => void): void {
    this.client.on('ready', listener);
  }

  /** For GET /health: up with the PING latency, or down with why. */
  async health(): Promise<ComponentHealth> {
    if (!this.ready) return { status: 'down', error: this.lastError ?? `not connected (${this.client.status})` };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to PING within ${PING_WITHIN_MS} ms`)), PING_WITHIN_MS);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
    } catch (error) {
      return { status: 'down', error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
