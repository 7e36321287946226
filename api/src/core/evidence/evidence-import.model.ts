import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceModel, EvidenceSourceTypeEnum, SensitivityEnum } from './evidence.model';
import { EvidenceImportFormat } from './evidence.inputs';

@ObjectType('EvidenceImportError', { description: 'A problem in one cell (or, for row 1, in the header)' })
export class EvidenceImportErrorModel {
  @Field(() => Int, { description: 'Spreadsheet row number; the header is row 1' })
  row!: number;

  @Field({ description: 'The column key, e.g. sourceType' })
  column!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'A stable code the web app words, when there is one: MASKED_EXPORT' })
  reason?: string | null;
}

@ObjectType('EvidenceImportRow')
export class EvidenceImportRowModel {
  @Field(() => Int)
  row!: number;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  dateFrom!: string | null;

  @Field(() => EvidenceSourceTypeEnum, { nullable: true })
  sourceType!: string | null;

  @Field(() => SensitivityEnum, { nullable: true })
  sensitivity!: string | null;

  @Field()
  valid!: boolean;

  @Field(() => [EvidenceImportErrorModel])
  errors!: EvidenceImportErrorModel[];
}

@ObjectType('EvidenceImportPreview')
export class EvidenceImportPreviewModel {
  @Field(() => EvidenceImportFormat)
  format!: EvidenceImportFormat;

  @Field(() => [String], { description: 'The recognised columns, by key' })
  columns!: string[];

  @Field(() => [String], { description: 'Header cells not recognised; their values are ignored' })
  ignoredColumns!: string[];

  @Field(() => Int)
  rowCount!: number;

  @Field(() => Int)
  validCount!: number;

  @Field(() => [EvidenceImportRowModel])
  rows!: EvidenceImportRowModel[];

  @Field(() => [EvidenceImportErrorModel], { description: 'Every problem, header and rows, in order' })
  errors!: EvidenceImportErrorModel[];
}

@ObjectType('EvidenceImportResult')
export class EvidenceImportResultModel {
  @Field(() => Int)
  count!: number;

  @Field(() => [EvidenceModel])
  evidence!: EvidenceModel[];
}
