import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

export const FOLLOW_TARGET_TYPES = ['proposal', 'suggestion', 'district', 'program'] as const;
export type FollowTargetType = (typeof FOLLOW_TARGET_TYPES)[number];

export const NOTIFICATION_KINDS = ['proposal_status', 'suggestion_status', 'adoption'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_FREQUENCIES = ['off', 'immediate', 'daily_digest'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

/**
 * Someone following a proposal, a suggestion, a district or a program. Members of a proposal follow
 * it on joining (and count as followers even without a row); `muted` records that one stopped following it.
 */
@Entity('follows')
export class FollowEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  targetType!: FollowTargetType;

  @Column({ type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ type: 'boolean', default: false })
  muted!: boolean;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** What a notification says, kept as it was when it happened (the title may change later). */
export interface NotificationPayload {
  title: string;
  from?: string | null;
  to?: string | null;
  suggestionNumber?: number | null;
  suggestionTitle?: string | null;
  actorName?: string | null;
}

@Entity('notifications')
export class NotificationEntity extends EntityWithId {
  /** The outbox event it tells of: one notification per event and recipient (a unique index). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  eventId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  suggestionId!: string | null;

  @Column({ type: 'simple-json' })
  payload!: NotificationPayload;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  readAt!: Date | null;

  /** When the notification went out by e-mail (immediately or in a digest); null while it has not. */
  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  emailedAt!: Date | null;

  /** While an instance sends the e-mail (set before, cleared after): another one sends it again only once this passed. */
  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  emailClaimedUntil!: Date | null;
}

@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @Column({ type: 'varchar', length: 36, primary: true })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  email!: EmailFrequency;

  /** The last daily digest sent to this user. */
  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  lastDigestAt!: Date | null;
}
