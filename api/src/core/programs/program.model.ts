import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CLAUSE_KINDS, ClauseKind, ProgramEntity } from './program.entity';

export const ClauseKindEnum = Object.fromEntries(CLAUSE_KINDS.map((k) => [k, k])) as Record<ClauseKind, ClauseKind>;
registerEnumType(ClauseKindEnum, { name: 'ClauseKind', description: 'area (领域), section heading, goal (主要目标) or measure (策略措施)' });

@ObjectType('Program', { description: 'A development program (发展纲要) with its tree of areas, goals and measures' })
export class ProgramModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'e.g. 晋安区人民政府' })
  issuingBody!: string;

  @Field(() => ID, { nullable: true, description: 'The district organisation; null for national or city programs' })
  districtId!: string | null;

  @Field(() => Int)
  periodStart!: number;

  @Field(() => Int)
  periodEnd!: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM or YYYY-MM-DD' })
  promulgatedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The source document: name, document number or URL' })
  sourceDocument!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  /** Not exposed: who may manage a national or city program depends on who imported it. */
  createdById!: string;

  static from(entity: ProgramEntity): ProgramModel {
    return Object.assign(new ProgramModel(), entity);
  }
}

@ObjectType('ProgramClause', { description: 'One node of a program: area, section, goal or measure clause' })
export class ProgramClauseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  programId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => Int, { description: '0 for top-level nodes' })
  depth!: number;

  @Field(() => ClauseKindEnum)
  kind!: ClauseKind;

  @Field({ description: 'The number as printed (一、 （一） 1. （1）), or empty' })
  number!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'A heading’s preamble (the unnumbered text printed under it)' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: '责任单位 of a measure, as printed' })
  responsibleUnits!: string | null;
}

@ObjectType('ProgramNode', { description: 'A recognised node of an import preview, in pre-order' })
export class ProgramNodeModel {
  @Field(() => Int)
  depth!: number;

  @Field(() => ClauseKindEnum)
  kind!: ClauseKind;

  @Field()
  number!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true })
  responsibleUnits!: string | null;

  @Field({ description: 'The kind follows from the node’s place and shape, not from heading words: check it' })
  kindInferred!: boolean;

  @Field({ description: 'The number is not printed as such (Word’s automatic numbering, or told from a figure by its sequence)' })
  numberInferred!: boolean;
}

@ObjectType('ProgramStructureWarning', { description: 'Doubtful structure to check before saving (shared programStructureWarnings)' })
export class ProgramStructureWarningModel {
  @Field({ description: 'KIND_AGAINST_HEADING, HEADING_AS_CLAUSE, DUPLICATE_NUMBER or NUMBER_GAP' })
  code!: string;

  @Field(() => Int, { description: 'The node’s row in pre-order' })
  index!: number;

  @Field()
  number!: string;

  @Field(() => String, { nullable: true, description: 'The kind or number the layout suggests' })
  expected!: string | null;
}

@ObjectType('ProgramImportPreview')
export class ProgramImportPreviewModel {
  @Field(() => String, { nullable: true, description: 'The title line, when the text starts with one' })
  suggestedName!: string | null;

  @Field(() => [ProgramNodeModel])
  nodes!: ProgramNodeModel[];

  @Field(() => [ProgramStructureWarningModel])
  warnings!: ProgramStructureWarningModel[];
}

@InputType()
export class ProgramImportInput {
  @Field(() => String, { nullable: true, description: 'Pasted text' })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'A .docx file, base64-encoded' })
  docxBase64?: string | null;

  @Field(() => String, { nullable: true, description: 'A PDF file with a text layer, base64-encoded' })
  pdfBase64?: string | null;
}

@InputType()
export class ProgramNodeInput {
  @Field(() => Int, { description: '0 for top level; at most one more than the node before' })
  depth!: number;

  @Field(() => ClauseKindEnum)
  kind!: ClauseKind;

  @Field({ defaultValue: '' })
  number!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true })
  responsibleUnits?: string | null;
}

@InputType()
export class CreateProgramInput {
  @Field()
  name!: string;

  @Field()
  issuingBody!: string;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => Int)
  periodStart!: number;

  @Field(() => Int)
  periodEnd!: number;

  @Field(() => String, { nullable: true })
  promulgatedOn?: string | null;

  @Field(() => String, { nullable: true })
  sourceDocument?: string | null;

  @Field(() => [ProgramNodeInput], { description: 'The corrected tree in pre-order' })
  nodes!: ProgramNodeInput[];

  @Field(() => Boolean, { nullable: true, description: 'Save although the tree has structure warnings; otherwise PROGRAM_STRUCTURE_DOUBTFUL' })
  acceptWarnings?: boolean | null;
}

@InputType({ description: 'A saved program’s details; omitted fields keep their value' })
export class UpdateProgramInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  issuingBody?: string | null;

  @Field(() => ID, { nullable: true, description: 'null: a national or city program' })
  districtId?: string | null;

  @Field(() => Int, { nullable: true })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM or YYYY-MM-DD; null clears it' })
  promulgatedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'null or blank clears it' })
  sourceDocument?: string | null;
}

@InputType({ description: 'One node of a saved program; omitted fields keep their value. Its place in the tree does not change.' })
export class UpdateProgramClauseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'As printed (一、 （一） 1. （1）), or empty' })
  number?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ClauseKindEnum, { nullable: true, description: 'Within headings (area, section) or within clauses (goal, measure); a heading may become a clause' })
  kind?: ClauseKind | null;
}
