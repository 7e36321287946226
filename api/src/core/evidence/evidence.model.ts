import {
  ATTACHMENT_ACCESS,
  ATTACHMENT_KINDS,
  EVIDENCE_GRANT_LEVELS,
  EVIDENCE_LINK_KINDS,
  EVIDENCE_SOURCE_TYPES,
  EVIDENCE_STATUSES,
  POPULATION_GROUPS,
  PII_KINDS,
  SENSITIVITY_LEVELS,
  type EvidenceSourceType,
  type EvidenceStatus,
  type HeldReason,
  type PopulationGroup,
  type SensitivityLevel,
} from '@jianyan/shared';
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import type { EvidenceView } from './evidence-clearance.service';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const PopulationGroupEnum = enumOf(POPULATION_GROUPS);
registerEnumType(PopulationGroupEnum, { name: 'PopulationGroup' });
export const EvidenceSourceTypeEnum = enumOf(EVIDENCE_SOURCE_TYPES);
registerEnumType(EvidenceSourceTypeEnum, { name: 'EvidenceSourceType' });
export const SensitivityEnum = enumOf(SENSITIVITY_LEVELS);
registerEnumType(SensitivityEnum, { name: 'Sensitivity', description: 'public: every signed-in user; internal: the same federation; restricted: named people' });
export const EvidenceStatusEnum = enumOf(EVIDENCE_STATUSES);
registerEnumType(EvidenceStatusEnum, { name: 'EvidenceStatus' });
export const EvidenceGrantLevelEnum = enumOf(EVIDENCE_GRANT_LEVELS);
registerEnumType(EvidenceGrantLevelEnum, { name: 'EvidenceGrantLevel', description: 'read: see the record masked; raw: also unmasked' });
export const EvidenceLinkKindEnum = enumOf(EVIDENCE_LINK_KINDS);
registerEnumType(EvidenceLinkKindEnum, { name: 'EvidenceLinkKind' });
export const PiiKindEnum = enumOf(PII_KINDS);
registerEnumType(PiiKindEnum, { name: 'PiiKind' });
export const AttachmentKindEnum = enumOf(ATTACHMENT_KINDS);
registerEnumType(AttachmentKindEnum, { name: 'AttachmentKind' });
export const AttachmentAccessEnum = enumOf(ATTACHMENT_ACCESS);
registerEnumType(AttachmentAccessEnum, {
  name: 'AttachmentAccess',
  description: 'raw: the file; masked: the text with personal data masked; withheld: raw content for the raw-cleared only',
});
export const HeldReasonEnum = enumOf(['no_consent', 'consent_expired'] as const);
registerEnumType(HeldReasonEnum, { name: 'SensitivityHeldReason' });

@ObjectType('EvidenceFigure', { description: 'A figure such as “2,000+ trained”' })
export class EvidenceFigureModel {
  @Field({ description: 'Masked like the narrative for viewers not cleared for raw content' })
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 2020—2021' })
  period!: string | null;
}

@ObjectType('EvidenceConsent')
export class EvidenceConsentModel {
  @Field()
  obtained!: boolean;

  @Field(() => String, { nullable: true, description: 'Who obtained it' })
  obtainedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  obtainedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'What the people agreed to' })
  scope!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; after it the record is held at restricted again' })
  expiresOn!: string | null;
}

@ObjectType('PiiFinding', { description: 'Personal data found in the text on save, and how it is shown to others' })
export class PiiFindingModel {
  @Field({ description: 'title, narrative or figures.N.label' })
  field!: string;

  @Field(() => PiiKindEnum)
  kind!: string;

  @Field(() => Int, { description: 'Start index in the raw text (UTF-16 code units)' })
  start!: number;

  @Field(() => Int, { description: 'End index, exclusive' })
  end!: number;

  @Field({ description: 'The masked form shown to people not cleared for raw content' })
  masked!: string;
}

@ObjectType('Evidence', { description: 'Case evidence (案例 / 证据) as this viewer may see it' })
export class EvidenceModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'YYYY-MM-DD: the date, or the start of the period' })
  dateFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD end of the period; null for a single date' })
  dateTo!: string | null;

  @Field(() => ID, { nullable: true })
  districtId!: string | null;

  @Field(() => String, { nullable: true })
  town!: string | null;

  @Field(() => String, { nullable: true })
  community!: string | null;

  @Field(() => [PopulationGroupEnum])
  populations!: PopulationGroup[];

  @Field(() => [String], { description: 'Program area codes and free tags' })
  themes!: string[];

  @Field(() => EvidenceSourceTypeEnum)
  sourceType!: EvidenceSourceType;

  @Field(() => SensitivityEnum, { description: 'The level the contributor asked for' })
  sensitivity!: SensitivityLevel;

  @Field(() => SensitivityEnum, { description: 'The level applied: restricted while the consent rule holds it' })
  effectiveSensitivity!: SensitivityLevel;

  @Field({ description: 'True when the consent rule holds the record at restricted above the level asked for' })
  sensitivityHeld!: boolean;

  @Field(() => HeldReasonEnum, { nullable: true, description: 'Why the record is treated as restricted by the consent rule' })
  sensitivityHeldReason!: HeldReason | null;

  @Field()
  aboutIdentifiablePeople!: boolean;

  @Field()
  consentObtained!: boolean;

  @Field(() => EvidenceStatusEnum)
  status!: EvidenceStatus;

  @Field(() => Int, { description: 'Pass it back as expectedVersion to refuse a change over a newer one' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field({ description: 'True when title, narrative and figure labels are shown as written; false when personal data in them is masked for you' })
  rawContent!: boolean;

  @Field({ description: 'The caller is the contributor or an administrator of its organisation: may edit, publish, grant' })
  viewerCanManage!: boolean;

  contributorId!: string;
  organizationId!: string;
  view!: EvidenceView;

  static from(view: EvidenceView): EvidenceModel {
    const r = view.record;
    return Object.assign(new EvidenceModel(), {
      id: r.id,
      dateFrom: r.dateFrom,
      dateTo: r.dateTo,
      districtId: r.districtId,
      town: r.town,
      community: r.community,
      populations: r.populations,
      themes: r.themes,
      sourceType: r.sourceType,
      sensitivity: r.sensitivity,
      effectiveSensitivity: view.effective.level,
      sensitivityHeld: view.effective.held,
      sensitivityHeldReason: view.effective.reason,
      aboutIdentifiablePeople: r.aboutIdentifiablePeople,
      consentObtained: r.consentObtained,
      status: r.status,
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
      rawContent: view.canSeeRaw,
      viewerCanManage: view.canManage,
      contributorId: r.contributorId,
      organizationId: r.organizationId,
      view,
    });
  }
}

export const EvidenceConnection = Connection(EvidenceModel, 'EvidenceConnection');

@ObjectType('EvidenceAttachment')
export class EvidenceAttachmentModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Masked like the narrative for viewers not cleared for raw content' })
  fileName!: string;

  @Field(() => AttachmentKindEnum, { description: 'Found from the bytes, not from the name' })
  kind!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => AttachmentAccessEnum, { description: 'What downloading gives this viewer' })
  access!: string;

  @Field({ description: 'GET it to download (what it gives: access)' })
  downloadUrl!: string;
}

@ObjectType('EvidenceGrant')
export class EvidenceGrantModel {
  @Field(() => ID)
  id!: string;

  @Field(() => EvidenceGrantLevelEnum)
  level!: string;

  @Field(() => GraphQLISODateTime)
  grantedAt!: Date;

  userId!: string;
  grantedById!: string;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field({ description: 'The value: a district id, population group, theme, source type or sensitivity' })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('EvidenceFacets', { description: 'Counts of the evidence the caller may see; each facet ignores its own filter' })
export class EvidenceFacetsModel {
  @Field(() => Int)
  total!: number;

  @Field(() => [FacetCountModel])
  districts!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  populations!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  themes!: FacetCountModel[];

  @Field(() => [FacetCountModel])
  sourceTypes!: FacetCountModel[];

  @Field(() => [FacetCountModel], { description: 'By effective sensitivity' })
  sensitivities!: FacetCountModel[];
}
