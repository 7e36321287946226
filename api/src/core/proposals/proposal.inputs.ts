import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  AnswerClass,
  AnswerClassEnum,
  ProgramAreaCode,
  ProgramAreaEnum,
  ProposalRole,
  ProposalRoleEnum,
  ProposalStatus,
  ProposalStatusEnum,
  SuggestionStatus,
  SuggestionStatusEnum,
} from './proposal.model';

export enum ProposalSortField {
  UPDATED_AT = 'UPDATED_AT',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
  YEAR = 'YEAR',
}
registerEnumType(ProposalSortField, { name: 'ProposalSortField' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType()
export class ProposalFilter {
  @Field(() => ProposalStatusEnum, { nullable: true })
  status?: ProposalStatus | null;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'A topic the proposal carries, e.g. a program area code' })
  topic?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only proposals this user is a member of' })
  memberId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words the title contains' })
  text?: string | null;
}

@InputType()
export class ProposalSort {
  @Field(() => ProposalSortField, { defaultValue: ProposalSortField.UPDATED_AT })
  field!: ProposalSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

@InputType()
export class CreateProposalInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  target?: string | null;

  @Field(() => Int)
  year!: number;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => ID, { description: 'The district (organisation of kind district) the proposal concerns' })
  districtId!: string;
}

@InputType()
export class UpdateProposalInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT if the proposal has changed since this version' })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged; null: removed' })
  target?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => [String], { nullable: true })
  topics?: string[] | null;

  @Field(() => ID, { nullable: true })
  districtId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An owner or co-author' })
  leadAuthorId?: string | null;
}

@InputType()
export class TransitionProposalInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ProposalStatusEnum)
  to!: ProposalStatus;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only with to: submitted, for a proposal handed in before it was entered here: the day (YYYY-MM-DD) it was submitted',
  })
  submittedOn?: string | null;
}

@InputType()
export class RecordAnswerInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'Date of the reply, YYYY-MM-DD' })
  answeredOn!: string;

  @Field()
  replyingUnit!: string;

  @Field(() => AnswerClassEnum)
  answerClass!: AnswerClass;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference number or URL of the reply document' })
  documentRef?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}

@InputType()
export class ProposalMemberInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => ProposalRoleEnum)
  role!: ProposalRole;
}

@InputType()
export class RemoveProposalMemberInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID)
  userId!: string;
}

@InputType()
export class AddSuggestionInput {
  @Field(() => ID)
  proposalId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ProgramAreaEnum, { nullable: true })
  programArea?: ProgramAreaCode | null;
}

@InputType()
export class UpdateSuggestionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ProgramAreaEnum, { nullable: true, description: 'Left out: unchanged; null: removed' })
  programArea?: ProgramAreaCode | null;
}

@InputType()
export class ReorderSuggestionsInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => [ID], { description: 'Every suggestion id of the proposal, in the new order' })
  suggestionIds!: string[];
}

@InputType()
export class ChangeSuggestionStatusInput {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => SuggestionStatusEnum)
  to!: SuggestionStatus;

  @Field(() => String, { nullable: true, description: 'Required when not adopted: the reason' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Document name or URL the change rests on' })
  source?: string | null;
}

@InputType({ description: 'The passage a new thread is about: the client then marks it with a commentAnchor mark carrying threadId' })
export class CommentAnchorInput {
  @Field(() => ID, { description: 'A new UUID, unique in the proposal: the threadId of the commentAnchor mark' })
  threadId!: string;

  @Field({ description: 'The selected text' })
  quote!: string;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true, description: 'Comment on this suggestion rather than the whole proposal' })
  suggestionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Reply in the thread of this comment' })
  parentId?: string | null;

  @Field()
  body!: string;

  @Field(() => [ID], { nullable: true, description: 'Mentioned users; each must be a member of the proposal' })
  mentions?: string[] | null;

  @Field(() => CommentAnchorInput, {
    nullable: true,
    description: 'Anchors a new thread to a passage of the body (owners and co-authors of an editable proposal; not with suggestionId or parentId)',
  })
  anchor?: CommentAnchorInput | null;
}

@InputType()
export class SaveProposalVersionInput {
  @Field(() => ID)
  proposalId!: string;

  @Field({ description: 'e.g. 征求意见稿, 第二稿' })
  name!: string;
}

@InputType()
export class RestoreProposalVersionInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { description: 'The number of the version whose body is put back' })
  number!: number;
}
