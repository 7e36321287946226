import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

export const STATUS_ENTITY_TYPES = ['proposal', 'suggestion'] as const;
export type StatusEntityType = (typeof STATUS_ENTITY_TYPES)[number];

/** Append-only: one row per status change of a proposal or a suggestion. Never updated or deleted. */
@Entity('status_events')
export class StatusEventEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 20 })
  entityType!: StatusEntityType;

  /** The proposal's or suggestion's id (no foreign key: history outlives a deleted suggestion). */
  @Column({ type: 'varchar', length: 36 })
  entityId!: string;

  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 30 })
  toStatus!: string;

  @Column({ type: 'varchar', length: 36 })
  actorId!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The document name or URL the change is based on. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  source!: string | null;

  /** When the change was recorded. */
  @Column({ type: TIMESTAMP_TYPE })
  occurredAt!: Date;

  /** The day (China time, YYYY-MM-DD) it took effect, when recorded afterwards; null: when recorded. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  effectiveOn!: string | null;
}
