import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { IsNull, LessThan, Not, Repository } from 'typeorm';
import { HealthService } from '../core/health/health.service';
import { DomainEvent, DomainEvents } from './domain-events';
import { EventOutboxEntity } from './event-outbox.entity';

const POLL_MS = 1_000;
const BATCH = 50;
/** How long a claimed row is an instance's; after that (it died mid-delivery) another one takes the row over. */
export const CLAIM_LEASE_MS = 30_000;
/** A delivery still running renews its claim this often, so a long one (many e-mails) is not taken over. */
const CLAIM_RENEW_MS = CLAIM_LEASE_MS / 3;
/** After this many failed deliveries a row is marked failed (kept with its last error) instead of retried. */
export const MAX_DELIVERY_ATTEMPTS = 20;
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5 * 60 * 1000;
const KEEP_DONE_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** The wait before attempt `attempts + 1` once `attempts` deliveries failed: doubling from 1 s, at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox's durable events to their consumers, on every instance: rows are claimed by
 * one conditional UPDATE (with FOR UPDATE SKIP LOCKED on PostgreSQL), so two instances never hand
 * the same row over at once; a failed delivery is retried with backoff; what was left when a process
 * stopped is delivered at the next start (or by another instance once the claim's lease ran out).
 * A row that failed MAX_DELIVERY_ATTEMPTS times ends as failed, logged as an error and counted in
 * /health, so one consumer's permanent fault (an address the SMTP server refuses) is not retried forever.
 */
@Injectable()
export class EventOutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventOutboxWorker.name);
  private timer?: NodeJS.Timeout;
  private nudges?: Subscription;
  private running: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private lastPrune = 0;
  private stopped = false;

  constructor(
    @InjectRepository(EventOutboxEntity) private readonly outbox: Repository<EventOutboxEntity>,
    private readonly events: DomainEvents,
    health: HealthService,
  ) {
    health.register({ name: 'eventOutbox', check: async () => ({ status: 'up', pending: await this.pending(), failed: await this.failed() }) });
  }

  onApplicationBootstrap(): void {
    // an event committed in this process is delivered at once; the poll finds the rest (other instances, retries, leftovers)
    this.nudges = this.events.onAny(() => void this.drain());
    void this.drain();
    this.timer = setInterval(() => void this.drain(), POLL_MS);
    this.timer.unref();
  }

  /** Stops the poll and the nudges (a test counting its own queries); `drain` still delivers on demand. */
  stopPolling(): void {
    clearInterval(this.timer);
    this.nudges?.unsubscribe();
  }

  /** Before the database connection closes (that happens at application shutdown). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.nudges?.unsubscribe();
    await this.running;
  }

  /** Delivers every row due now; resolves when done (one pass at a time, a call during a pass queues one more). */
  drain(): Promise<void> {
    if (!this.queued) {
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.stopped ? undefined : this.deliverDue();
      });
      this.running = this.queued.catch((error: Error) => this.logger.error(`event outbox delivery failed: ${error.message}`, error.stack));
    }
    return this.running;
  }

  async pending(): Promise<number> {
    return this.outbox.createQueryBuilder('o').where('o.doneAt IS NULL AND o.failedAt IS NULL').getCount();
  }

  /** Rows given up after MAX_DELIVERY_ATTEMPTS (kept for an operator, with their last error). */
  async failed(): Promise<number> {
    return this.outbox.countBy({ failedAt: Not(IsNull()) });
  }

  private async deliverDue(): Promise<void> {
    for (;;) {
      const rows = await this.claim(new Date());
      if (rows.length === 0) break;
      for (const row of rows) await this.deliver(row);
    }
    await this.prune();
  }

  /** Claims up to BATCH due rows for this pass; returns them in the order they were recorded. */
  private async claim(now: Date): Promise<EventOutboxEntity[]> {
    const claimToken = randomUUID();
    const due = (alias: string) =>
      `${alias}."doneAt" IS NULL AND ${alias}."failedAt" IS NULL AND ${alias}."availableAt" <= :now AND (${alias}."claimedUntil" IS NULL OR ${alias}."claimedUntil" < :now)`;
    const candidates = this.outbox.createQueryBuilder('candidate').select('candidate.id').where(due('"candidate"')).orderBy('candidate.id').limit(BATCH);
    if (this.outbox.manager.connection.options.type === 'postgres') candidates.setLock('pessimistic_write').setOnLocked('skip_locked');
    await this.outbox
      .createQueryBuilder()
      .update()
      .set({ claimToken, claimedUntil: new Date(now.getTime() + CLAIM_LEASE_MS) })
      // the conditions again on the row itself: a row another instance claimed meanwhile no longer matches
      .where(`id IN (${candidates.getQuery()}) AND ${due('"event_outbox"')}`)
      .setParameters({ now })
      .execute();
    return this.outbox.find({ where: { claimToken }, order: { id: 'ASC' } });
  }

  private async deliver(row: EventOutboxEntity): Promise<void> {
    const handler = this.events.durableHandler(row.consumer);
    const claim = { id: row.id, claimToken: row.claimToken! };
    const renewal = setInterval(() => {
      this.outbox
        .update(claim, { claimedUntil: new Date(Date.now() + CLAIM_LEASE_MS) })
        .catch((error: Error) => this.logger.warn(`could not renew the claim of outbox row ${row.id}: ${error.message}`));
    }, CLAIM_RENEW_MS);
    try {
      if (!handler) throw new Error(`no consumer ${row.consumer} in this version`);
      await handler(JSON.parse(row.payload) as DomainEvent, { eventId: row.eventId, occurredAt: row.createdAt });
      await this.outbox.update(claim, { doneAt: new Date(), claimToken: null, claimedUntil: null, lastError: null });
    } catch (error) {
      await this.failedOnce(row, (error as Error).message);
    } finally {
      clearInterval(renewal);
    }
  }

  private async failedOnce(row: EventOutboxEntity, message: string): Promise<void> {
    const attempts = row.attempts + 1;
    const released = { attempts, claimToken: null, claimedUntil: null, lastError: message.slice(0, 2000) };
    const claim = { id: row.id, claimToken: row.claimToken! };
    if (attempts >= MAX_DELIVERY_ATTEMPTS) {
      await this.outbox.update(claim, { ...released, failedAt: new Date() });
      this.logger.error(`${row.consumer} gave up on ${row.type} ${row.eventId} after ${attempts} attempts (outbox row ${row.id}): ${message}`);
      return;
    }
    const retryAt = new Date(Date.now() + retryDelayMs(attempts));
    await this.outbox.update(claim, { ...released, availableAt: retryAt });
    this.logger.warn(`${row.consumer} could not handle ${row.type} ${row.eventId} (attempt ${attempts}, next at ${retryAt.toISOString()}): ${message}`);
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.outbox.delete({ doneAt: LessThan(new Date(Date.now() - KEEP_DONE_MS)) });
  }
}
