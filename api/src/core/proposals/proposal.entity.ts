import type { AnswerClass, ProposalRole, ProposalStatus, ProposalVersionKind } from '@jianyan/shared';
import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

/**
 * Timestamps in this module are set by the services (not by database defaults), so they keep
 * millisecond precision on both databases and round-trip exactly through pagination cursors.
 */
@Entity('proposals')
export class ProposalEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  target!: string | null;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'simple-json' })
  topics!: string[];

  @Column({ type: 'varchar', length: 36 })
  districtId!: string;

  @Column({ type: 'varchar', length: 36 })
  leadAuthorId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ProposalStatus;

  /** Incremented by every change of the proposal row, for optimistic concurrency. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  updatedAt!: Date;

  /** Plain text of the collaborative body, kept in step by the collaboration server. */
  @Column({ type: 'text', nullable: true })
  bodyText!: string | null;

  /** ProseMirror JSON of the body (serialised), for read-only views and exports. */
  @Column({ type: 'text', nullable: true })
  bodyJson!: string | null;
}

@Entity('proposal_members')
export class ProposalMemberEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: ProposalRole;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** A suggestion as it was frozen in a submitted version. */
export interface SuggestionSnapshot {
  id: string;
  number: number;
  title: string;
  text: string;
  programArea: string | null;
}

/** The text as submitted: number 1, 2, ... per proposal. */
@Entity('proposal_versions')
export class ProposalVersionEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'simple-json' })
  suggestions!: SuggestionSnapshot[];

  /** The collaborative body as submitted. */
  @Column({ type: 'text', nullable: true })
  bodyText!: string | null;

  @Column({ type: 'text', nullable: true })
  bodyJson!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'submitted' })
  kind!: ProposalVersionKind;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** The official reply to a submitted proposal. */
@Entity('proposal_answers')
export class ProposalAnswerEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36, unique: true })
  proposalId!: string;

  /** Calendar date of the reply, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  answeredOn!: string;

  @Column({ type: 'varchar', length: 200 })
  replyingUnit!: string;

  @Column({ type: 'varchar', length: 1 })
  answerClass!: AnswerClass;

  @Column({ type: 'text', nullable: true })
  text!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  documentRef!: string | null;

  @Column({ type: 'varchar', length: 36 })
  recordedById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}
