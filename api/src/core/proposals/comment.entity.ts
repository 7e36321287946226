import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

/** A comment on a proposal or one of its suggestions; replies point to the thread's first comment. */
@Entity('proposal_comments')
export class CommentEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  suggestionId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Ids of mentioned proposal members. */
  @Column({ type: 'simple-json' })
  mentions!: string[];

  /** Set on the thread's first comment only. */
  @Column({ type: 'boolean', default: false })
  resolved!: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  resolvedById!: string | null;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  /** First comments of anchored threads: the threadId of the commentAnchor mark in the body. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  anchorThreadId!: string | null;

  /** The text selected when the thread started. */
  @Column({ type: 'text', nullable: true })
  anchorQuote!: string | null;

  /** The marked text as last derived from the stored body; null until the mark first reached it. */
  @Column({ type: 'text', nullable: true })
  anchorText!: string | null;

  /** The mark was in the body and is no longer (its text was deleted); the thread stays. */
  @Column({ type: 'boolean', default: false })
  anchorDetached!: boolean;
}
