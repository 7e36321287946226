import { Column, Entity } from 'typeorm';
import { EntityWithId, TIMESTAMP_TYPE } from '../../database/columns';

export const CLAUSE_KINDS = ['area', 'section', 'goal', 'measure'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** A development program (发展纲要), e.g. 福州市晋安区妇女发展纲要（2021—2030年）. */
@Entity('programs')
export class ProgramEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  issuingBody!: string;

  /** The district organisation the program belongs to; null for national or city programs. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  districtId!: string | null;

  @Column({ type: 'integer' })
  periodStart!: number;

  @Column({ type: 'integer' })
  periodEnd!: number;

  /** YYYY-MM or YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  promulgatedOn!: string | null;

  /** The source document: its name, document number or URL. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  sourceDocument!: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: TIMESTAMP_TYPE })
  createdAt!: Date;
}

/** One node of a program's tree: an area, a section heading, a goal or a measure clause. */
@Entity('program_clauses')
export class ProgramClauseEntity extends EntityWithId {
  @Column({ type: 'varchar', length: 36 })
  programId!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  /** Order among its siblings, from 0. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: ClauseKind;

  /** The number label as printed: 一、 （一） 1. （1）; empty when the node has none. */
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'text' })
  text!: string;

  /** A heading's preamble: the unnumbered text printed under it before its first item. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** 责任单位 of a measure, as printed (区民政局、区妇联). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  responsibleUnits!: string | null;
}
