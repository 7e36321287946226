import type {
  AttachmentKind,
  EvidenceGrantLevel,
  EvidenceSourceType,
  EvidenceStatus,
  PiiKind,
  PopulationGroup,
  SensitivityLevel,
} from '@jianyan/shared';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

export interface EvidenceFigure {
  label: string;
  value: number;
  unit: string | null;
  period: string | null;
}

/** Where a finding was made: the title, the narrative or the label of figure N. */
export type PiiField = 'title' | 'narrative' | `figures.${number}.label`;

export interface StoredPiiFinding {
  field: PiiField;
  kind: PiiKind;
  start: number;
  end: number;
}

/**
 * One piece of case evidence. Title, narrative and figures are stored as written (raw); the
 * personal data found in them on save is kept in `piiFindings`, and the masked title and narrative
 * are stored too, so uncleared searches run over masked text only. Timestamps are set by the
 * services (millisecond precision on both databases, for cursors).
 */
@Entity('evidence')
export class EvidenceEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 400 })
  titleMasked!: string;

  @Column({ type: 'text' })
  narrative!: string;

  @Column({ type: 'text' })
  narrativeMasked!: string;

  /** YYYY-MM-DD: the date, or the start of the period. */
  @Column({ type: 'varchar', length: 10 })
  dateFrom!: string;

  /** YYYY-MM-DD end of the period; null for a single date. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dateTo!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  districtId!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  town!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  community!: string | null;

  @Column({ type: 'simple-json' })
  populations!: PopulationGroup[];

  /** Program area codes and free tags. */
  @Column({ type: 'simple-json' })
  themes!: string[];

  @Column({ type: 'varchar', length: 30 })
  sourceType!: EvidenceSourceType;

  @Column({ type: 'simple-json' })
  figures!: EvidenceFigure[];

  @Column({ type: 'varchar', length: 36 })
  contributorId!: string;

  @Column({ type: 'varchar', length: 36 })
  organizationId!: string;

  /** The level the contributor asked for; the consent rule may hold the record at restricted. */
  @Column({ type: 'varchar', length: 20 })
  sensitivity!: SensitivityLevel;

  @Column({ type: 'boolean', default: true })
  aboutIdentifiablePeople!: boolean;

  @Column({ type: 'boolean', default: false })
  consentObtained!: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  consentObtainedBy!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  consentObtainedOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  consentScope!: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  consentExpiresOn!: string | null;

  /** Names the contributor marked for masking. Personal data itself: shown only to the raw-cleared. */
  @Column({ type: 'simple-json' })
  markedNames!: string[];

  @Column({ type: 'simple-json' })
  piiFindings!: StoredPiiFinding[];

  @Column({ type: 'varchar', length: 20 })
  status!: EvidenceStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;

  @Column({ type: TIMESTAMP_TYPE })
  updatedAt!: Date;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  publishedAt!: Date | null;
}

/** Population groups and themes, one row each, for filters and facets computed in SQL. */
@Entity('evidence_tags')
export class EvidenceTagEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  evidenceId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind!: 'population' | 'theme';

  @PrimaryColumn({ type: 'varchar', length: 40 })
  value!: string;
}

/** An explicit grant of access to one record. */
@Entity('evidence_grants')
export class EvidenceGrantEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  evidenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: EvidenceGrantLevel;

  @Column({ type: 'varchar', length: 36 })
  grantedById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  grantedAt!: Date;
}

@Entity('evidence_attachments')
export class EvidenceAttachmentEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  evidenceId!: string;

  /** The name as uploaded (sanitised). */
  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  /** The type found in the bytes, not the one the client claimed. */
  @Column({ type: 'varchar', length: 10 })
  kind!: AttachmentKind;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** A text attachment in which the shared detectors found personal data on upload. */
  @Column({ type: 'boolean', default: false })
  containsPii!: boolean;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 36 })
  uploadedById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** Evidence supporting a proposal, one of its suggestions, or a quoted passage of its text. */
@Entity('evidence_links')
export class EvidenceLinkEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  evidenceId!: string;

  @Column({ type: 'varchar', length: 36 })
  proposalId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  suggestionId!: string | null;

  /** The `citationId` of the evidenceCitation mark in the proposal body. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  citationId!: string | null;

  @Column({ type: 'text', nullable: true })
  quote!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}
