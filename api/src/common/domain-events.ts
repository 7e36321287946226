import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Subject, Subscription, filter } from 'rxjs';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { EventOutboxEntity } from './event-outbox.entity';

/** Events that other modules react to, so that no module calls into another's internals. */
export type DomainEvent =
  | { type: 'proposal.membership.changed'; proposalId: string; userId: string }
  | { type: 'proposal.status.changed'; proposalId: string; from: string; to: string; actorId?: string }
  | {
      type: 'suggestion.status.changed';
      proposalId: string;
      suggestionId: string;
      from: string;
      to: string;
      actorId?: string;
      /** The adoption record whose `adoption.recorded` event, in the same transaction, already tells of this move. */
      toldByAdoptionId?: string;
    }
  | {
      type: 'adoption.recorded';
      proposalId: string;
      suggestionId: string;
      adoptionId: string;
      status: string;
      actorId?: string;
      /** The program whose clause adopted the suggestion, so that followers of the program are told. */
      programId?: string | null;
    }
  /** Sessions that ended before their time: one (`sessionId`, a sign-out) or all of the user's. */
  | { type: 'sessions.revoked'; userId: string; sessionId?: string }
  | { type: 'adoption.deleted'; proposalId: string; suggestionId: string; adoptionId: string; status: string; actorId?: string; programId?: string | null };

export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** What a durable consumer is told besides the event: its id (the same for every consumer) and when it was recorded. */
export interface Delivery {
  eventId: string;
  occurredAt: Date;
}

export type DurableHandler = (event: DomainEvent, delivery: Delivery) => Promise<void>;

/**
 * The event bus. `record` writes an event inside the caller's transaction: durable consumers get it
 * through the outbox (at least once, after the commit, even if this process dies right after it),
 * and in-process listeners (`on`) get it once the transaction has committed. `emit` is in-process only.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly events = new Subject<DomainEvent>();
  private readonly durableConsumers = new Map<string, { types: ReadonlySet<DomainEventType>; handler: DurableHandler }>();
  private readonly uncommitted = new WeakMap<QueryRunner, DomainEvent[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        if (queryRunner.isTransactionActive) return; // a savepoint was released: the outer transaction may still roll back
        const committed = this.uncommitted.get(queryRunner) ?? [];
        this.uncommitted.delete(queryRunner);
        for (const event of committed) this.emit(event);
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.uncommitted.delete(queryRunner);
      },
    });
  }

  /** Records an event as part of the transaction of `manager`: it exists for consumers if and only if the transaction commits. */
  async record(manager: EntityManager, event: DomainEvent): Promise<void> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) throw new Error(`domain event ${event.type} recorded outside a transaction`);
    const consumers = [...this.durableConsumers].filter(([, c]) => c.types.has(event.type)).map(([name]) => name);
    if (consumers.length > 0) {
      const eventId = randomUUID();
      const now = new Date();
      await manager.insert(
        EventOutboxEntity,
        consumers.map((consumer) => ({ eventId, consumer, type: event.type, payload: JSON.stringify(event), createdAt: now, availableAt: now, attempts: 0 })),
      );
    }
    if (!this.uncommitted.has(queryRunner)) this.uncommitted.set(queryRunner, []);
    this.uncommitted.get(queryRunner)!.push(event);
  }

  /**
   * Registers a durable consumer, before the application serves requests (the events recorded
   * from then on get a row for it). Its handler may run more than once for one event (a crash
   * before the row is marked done): it must be idempotent, e.g. keyed on `delivery.eventId`.
   */
  durable(consumer: string, types: readonly DomainEventType[], handler: DurableHandler): void {
    if (this.durableConsumers.has(consumer)) throw new Error(`durable consumer ${consumer} registered twice`);
    this.durableConsumers.set(consumer, { types: new Set(types), handler });
  }

  durableHandler(consumer: string): DurableHandler | undefined {
    return this.durableConsumers.get(consumer)?.handler;
  }

  emit(event: DomainEvent): void {
    try {
      this.events.next(event);
    } catch (error) {
      this.logger.error(`listener of ${event.type} failed: ${(error as Error).message}`, (error as Error).stack);
    }
  }

  on<T extends DomainEventType>(type: T, handler: (event: EventOf<T>) => void): Subscription {
    return this.events.pipe(filter((e): e is EventOf<T> => e.type === type)).subscribe(handler);
  }

  /** Every event, for the outbox worker's nudge after a commit. */
  onAny(handler: (event: DomainEvent) => void): Subscription {
    return this.events.subscribe(handler);
  }
}
