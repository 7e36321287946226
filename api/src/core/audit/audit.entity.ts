import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

/**
 * One entry of the append-only audit log. Nothing in the application updates or deletes these rows,
 * and database triggers refuse it (see the evidence migration).
 */
@Entity('audit_log')
export class AuditEntryEntity extends EntityWithId {
  @Column({ type: TIMESTAMP_TYPE })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 36 })
  actorId!: string;

  /** e.g. evidence.raw_read (see EVIDENCE_AUDIT_ACTIONS in shared). */
  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 30 })
  entityType!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  entityId!: string | null;

  /** The organisation the entry belongs to, so each administrator sees the entries of her organisations. */
  @Column({ type: 'varchar', length: 36 })
  organizationId!: string;

  /** JSON object with the particulars (never the raw personal data itself). */
  @Column({ type: 'text' })
  details!: string;
}
