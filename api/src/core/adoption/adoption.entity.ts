import type { SuggestionStatus } from '@jianyan/shared';
import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

export const ADOPTION_TARGET_KINDS = ['clause', 'official_reply', 'policy_document'] as const;
export type AdoptionTargetKind = (typeof ADOPTION_TARGET_KINDS)[number];

/** A suggestion taken up by a program clause, an official reply or another policy document. */
@Entity('adoptions')
export class AdoptionEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  suggestionId!: string;

  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 20 })
  targetKind!: AdoptionTargetKind;

  @Column({ type: 'varchar', length: 36, nullable: true })
  clauseId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  programId!: string | null;

  /** The reply's or policy document's title, when the target is not a clause. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  documentTitle!: string | null;

  @Column({ type: 'varchar', length: 30 })
  status!: SuggestionStatus;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  decidedOn!: string;

  @Column({ type: 'text', nullable: true })
  quotedText!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  source!: string | null;

  /** A note, or the reason when not adopted. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 36 })
  recordedById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  updatedAt!: Date;
}

export const MATCH_DECISIONS = ['confirmed', 'rejected'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];

/** A person's verdict on a proposed suggestion/clause pair; decided pairs are not proposed again. */
@Entity('match_decisions')
export class MatchDecisionEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  suggestionId!: string;

  @Column({ type: 'varchar', length: 36 })
  clauseId!: string;

  @Column({ type: 'varchar', length: 10 })
  decision!: MatchDecision;

  @Column({ type: 'varchar', length: 36 })
  decidedById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  decidedAt!: Date;
}
