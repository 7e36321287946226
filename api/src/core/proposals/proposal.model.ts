import {
  ANSWER_CLASSES,
  AnswerClass,
  PROGRAM_AREA_CODES,
  PROPOSAL_ROLES,
  PROPOSAL_STATUSES,
  PROPOSAL_VERSION_KINDS,
  ProposalVersionKind,
  ProgramAreaCode,
  ProposalRole,
  ProposalStatus,
  SUGGESTION_STATUSES,
  SuggestionStatus,
} from '@jianyan/shared';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination';
import { ProposalAnswerEntity, ProposalEntity, ProposalMemberEntity, ProposalVersionEntity } from './proposal.entity';
import { STATUS_ENTITY_TYPES, StatusEntityType, StatusEventEntity } from './status-event.entity';

function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const ProposalStatusEnum = enumOf(PROPOSAL_STATUSES);
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });
export const ProposalRoleEnum = enumOf(PROPOSAL_ROLES);
registerEnumType(ProposalRoleEnum, { name: 'ProposalRole', description: 'A person’s role on one proposal' });
export const SuggestionStatusEnum = enumOf(SUGGESTION_STATUSES);
registerEnumType(SuggestionStatusEnum, { name: 'SuggestionStatus' });
export const AnswerClassEnum = enumOf(ANSWER_CLASSES);
registerEnumType(AnswerClassEnum, {
  name: 'AnswerClass',
  description: 'A = solved or basically solved; B = included in plans; C = kept for reference / not possible now',
});
export const ProgramAreaEnum = enumOf(PROGRAM_AREA_CODES);
registerEnumType(ProgramAreaEnum, { name: 'ProgramArea', description: 'An area of the Women’s or Children’s Development Program' });
export const ProposalVersionKindEnum = enumOf(PROPOSAL_VERSION_KINDS);
registerEnumType(ProposalVersionKindEnum, { name: 'ProposalVersionKind' });
export const StatusEntityTypeEnum = enumOf(STATUS_ENTITY_TYPES);
registerEnumType(StatusEntityTypeEnum, { name: 'StatusEntityType' });

export type { AnswerClass, ProgramAreaCode, ProposalRole, ProposalStatus, SuggestionStatus };

@ObjectType('Proposal', { description: 'A proposal (建议) with its numbered suggestions' })
export class ProposalModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => String, { nullable: true, description: 'To whom it is addressed, e.g. 晋安区人民政府' })
  target!: string | null;

  @Field(() => Int)
  year!: number;

  @Field(() => [String], { description: 'Program area codes or free topics' })
  topics!: string[];

  @Field(() => ProposalStatusEnum)
  status!: ProposalStatus;

  @Field(() => Int, { description: 'Pass it back as expectedVersion to refuse an update over a newer one' })
  version!: number;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Plain text of the collaborative body, for previews and read-only views' })
  bodyText!: string | null;

  districtId!: string;
  leadAuthorId!: string;

  static from(entity: ProposalEntity): ProposalModel {
    return Object.assign(new ProposalModel(), entity);
  }
}

export const ProposalConnection = Connection(ProposalModel, 'ProposalConnection');

@ObjectType('ProposalMember')
export class ProposalMemberModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ProposalRoleEnum)
  role!: ProposalRole;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  proposalId!: string;
  userId!: string;

  static from(entity: ProposalMemberEntity): ProposalMemberModel {
    return Object.assign(new ProposalMemberModel(), entity);
  }
}

@ObjectType('StatusEvent', { description: 'One entry of the append-only status history' })
export class StatusEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => StatusEntityTypeEnum)
  entityType!: StatusEntityType;

  @Field(() => ID, { description: 'The proposal or suggestion whose status changed' })
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'Null for the first status of a new proposal or suggestion' })
  fromStatus!: string | null;

  @Field()
  toStatus!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Document name or URL the change rests on' })
  source!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the change was recorded in Jianyan' })
  occurredAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The day (YYYY-MM-DD) the change took effect when it was recorded afterwards, e.g. a proposal handed in on paper and entered later',
  })
  effectiveOn!: string | null;

  proposalId!: string;
  actorId!: string;

  static from(entity: StatusEventEntity): StatusEventModel {
    return Object.assign(new StatusEventModel(), entity);
  }
}

@ObjectType('SuggestionSnapshot', { description: 'A suggestion as frozen in a submitted version' })
export class SuggestionSnapshotModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => ProgramAreaEnum, { nullable: true })
  programArea!: ProgramAreaCode | null;
}

@ObjectType('ProposalVersion', { description: 'The proposal as it was at one moment: saved by hand, at submission, or on a restore' })
export class ProposalVersionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => String, { nullable: true, description: 'The name given when saved by hand' })
  name!: string | null;

  @Field(() => ProposalVersionKindEnum)
  kind!: ProposalVersionKind;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [SuggestionSnapshotModel])
  suggestions!: SuggestionSnapshotModel[];

  @Field(() => String, { nullable: true, description: 'Plain text of the collaborative body at that moment' })
  bodyText!: string | null;

  @Field(() => String, { nullable: true, description: 'ProseMirror JSON of the body at that moment (serialised)' })
  bodyJson!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  createdById!: string;

  static from(entity: ProposalVersionEntity): ProposalVersionModel {
    return Object.assign(new ProposalVersionModel(), entity) as ProposalVersionModel;
  }
}

@ObjectType('ProposalAnswer', { description: 'The official reply to a submitted proposal' })
export class ProposalAnswerModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Date of the reply, YYYY-MM-DD' })
  answeredOn!: string;

  @Field()
  replyingUnit!: string;

  @Field(() => AnswerClassEnum)
  answerClass!: AnswerClass;

  @Field(() => String, { nullable: true })
  text!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference number or URL of the reply document' })
  documentRef!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  recordedById!: string;

  static from(entity: ProposalAnswerEntity): ProposalAnswerModel {
    return Object.assign(new ProposalAnswerModel(), entity);
  }
}
