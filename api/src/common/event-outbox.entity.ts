import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../database/columns';

/**
 * One domain event for one durable consumer, committed with the change it tells of. A worker claims
 * it (`claimToken` until `claimedUntil`), hands it to the consumer, and marks it done or due again later.
 */
@Entity('event_outbox')
export class EventOutboxEntity {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** The same for every consumer's row of one event: consumers key their idempotent deliveries on it. */
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 60 })
  consumer!: string;

  @Column({ type: 'varchar', length: 60 })
  type!: string;

  /** The event as JSON. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  /** Not delivered before this moment (the backoff after a failed delivery). */
  @Column({ type: TIMESTAMP_TYPE })
  availableAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  /** A claim not finished by then (its instance died) is taken over by another worker. */
  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  doneAt!: Date | null;

  /** Set when the last allowed attempt failed: the row is kept (with `lastError`) and no longer retried. */
  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  failedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;
}
