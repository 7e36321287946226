import type { EvidenceGrantLevel, EvidenceSourceType, EvidenceStatus, PopulationGroup, SensitivityLevel } from '@jianyan/shared';
import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { EvidenceGrantLevelEnum, EvidenceSourceTypeEnum, EvidenceStatusEnum, PopulationGroupEnum, SensitivityEnum } from './evidence.model';

@InputType()
export class EvidenceFigureInput {
  @Field()
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  unit?: string | null;

  @Field(() => String, { nullable: true })
  period?: string | null;
}

@InputType()
export class EvidenceConsentInput {
  @Field()
  obtained!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when obtained' })
  obtainedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required when obtained' })
  obtainedOn?: string | null;

  @Field(() => String, { nullable: true })
  scope?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  expiresOn?: string | null;
}

@InputType()
export class CreateEvidenceInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'Plain text, up to 20,000 characters' })
  narrative?: string | null;

  @Field({ description: 'YYYY-MM-DD: the date, or the start of the period' })
  dateFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD end of the period' })
  dateTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'A district of the caller’s federation' })
  districtId?: string | null;

  @Field(() => String, { nullable: true })
  town?: string | null;

  @Field(() => String, { nullable: true })
  community?: string | null;

  @Field(() => [PopulationGroupEnum], { nullable: true })
  populations?: PopulationGroup[] | null;

  @Field(() => [String], { nullable: true, description: 'Program area codes and free tags' })
  themes?: string[] | null;

  @Field(() => EvidenceSourceTypeEnum)
  sourceType!: EvidenceSourceType;

  @Field(() => [EvidenceFigureInput], { nullable: true })
  figures?: EvidenceFigureInput[] | null;

  @Field(() => SensitivityEnum, { nullable: true, description: 'Defaults to restricted' })
  sensitivity?: SensitivityLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Defaults to true' })
  aboutIdentifiablePeople?: boolean | null;

  @Field(() => EvidenceConsentInput, { nullable: true })
  consent?: EvidenceConsentInput | null;

  @Field(() => [String], { nullable: true, description: 'Names to mask wherever they appear' })
  markedNames?: string[] | null;
}

@InputType({ description: 'The fields to change; sensitivity, consent and marked names have their own mutations' })
export class UpdateEvidenceInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  narrative?: string | null;

  @Field(() => String, { nullable: true })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true })
  dateTo?: string | null;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => String, { nullable: true })
  town?: string | null;

  @Field(() => String, { nullable: true })
  community?: string | null;

  @Field(() => [PopulationGroupEnum], { nullable: true })
  populations?: PopulationGroup[] | null;

  @Field(() => [String], { nullable: true })
  themes?: string[] | null;

  @Field(() => EvidenceSourceTypeEnum, { nullable: true })
  sourceType?: EvidenceSourceType | null;

  @Field(() => [EvidenceFigureInput], { nullable: true })
  figures?: EvidenceFigureInput[] | null;
}

@InputType()
export class EvidenceTransitionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class PublishEvidenceManyInput {
  @Field(() => [ID], { description: 'At most 1000 records; repeated ids count once' })
  ids!: string[];
}

@InputType()
export class ChangeEvidenceSensitivityInput {
  @Field(() => ID)
  id!: string;

  @Field(() => SensitivityEnum)
  sensitivity!: SensitivityLevel;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Why, for the audit log' })
  reason?: string | null;
}

@InputType()
export class RecordEvidenceConsentInput {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceConsentInput)
  consent!: EvidenceConsentInput;

  @Field(() => Boolean, { nullable: true, description: 'Change whether the record is about identifiable people' })
  aboutIdentifiablePeople?: boolean | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class MarkEvidenceNamesInput {
  @Field(() => ID)
  id!: string;

  @Field(() => [String], { description: 'The full list of names to mask (replaces the previous list)' })
  names!: string[];

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class GrantEvidenceAccessInput {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => EvidenceGrantLevelEnum, { defaultValue: 'read' })
  level!: EvidenceGrantLevel;
}

@InputType()
export class RevokeEvidenceAccessInput {
  @Field(() => ID)
  evidenceId!: string;

  @Field(() => ID)
  userId!: string;
}

@InputType()
export class EvidenceFilter {
  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => PopulationGroupEnum, { nullable: true })
  population?: PopulationGroup | null;

  @Field(() => String, { nullable: true, description: 'A program area code or free tag' })
  theme?: string | null;

  @Field(() => EvidenceSourceTypeEnum, { nullable: true })
  sourceType?: EvidenceSourceType | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: records whose date or period reaches this day or later' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: records whose date or period starts by this day' })
  to?: string | null;

  @Field(() => SensitivityEnum, { nullable: true, description: 'Effective sensitivity' })
  sensitivity?: SensitivityLevel | null;

  @Field(() => EvidenceStatusEnum, { nullable: true })
  status?: EvidenceStatus | null;

  @Field(() => ID, { nullable: true })
  contributorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or narrative (masked text unless you may read it raw)' })
  text?: string | null;
}

export enum EvidenceImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(EvidenceImportFormat, { name: 'EvidenceImportFormat' });
