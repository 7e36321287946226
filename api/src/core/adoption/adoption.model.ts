import { Field, Float, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NO_MATCH_REASONS, NoMatchReason, SuggestionStatus } from '@jianyan/shared';
import { SuggestionStatusEnum } from '../proposals/proposal.model';
import { ADOPTION_TARGET_KINDS, AdoptionEntity, AdoptionTargetKind } from './adoption.entity';

export const AdoptionTargetKindEnum = Object.fromEntries(ADOPTION_TARGET_KINDS.map((k) => [k, k])) as Record<AdoptionTargetKind, AdoptionTargetKind>;
registerEnumType(AdoptionTargetKindEnum, { name: 'AdoptionTargetKind', description: 'What took the suggestion up' });

@ObjectType('Adoption', { description: 'A suggestion taken up by a program clause, an official reply or a policy document (采纳)' })
export class AdoptionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  suggestionId!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => AdoptionTargetKindEnum)
  targetKind!: AdoptionTargetKind;

  @Field(() => ID, { nullable: true })
  clauseId!: string | null;

  @Field(() => ID, { nullable: true })
  programId!: string | null;

  @Field(() => String, { nullable: true })
  documentTitle!: string | null;

  @Field(() => SuggestionStatusEnum)
  status!: SuggestionStatus;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field(() => String, { nullable: true })
  quotedText!: string | null;

  @Field(() => String, { nullable: true })
  source!: string | null;

  @Field(() => String, { nullable: true, description: 'A note, or the reason when not adopted' })
  note!: string | null;

  @Field(() => ID)
  recordedById!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  static from(entity: AdoptionEntity): AdoptionModel {
    return Object.assign(new AdoptionModel(), entity);
  }
}

@ObjectType('ClauseMatch', { description: 'A clause proposed for a suggestion, with the words they share' })
export class ClauseMatchModel {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => ID)
  clauseId!: string;

  @Field(() => ID)
  programId!: string;

  @Field()
  programName!: string;

  @Field({ description: 'The clause number as printed' })
  number!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'The area the clause belongs to' })
  area!: string | null;

  @Field(() => Float, { description: 'Similarity from 0 to 1' })
  score!: number;

  @Field(() => [String], { description: 'Words the suggestion and the clause share, most telling first' })
  overlap!: string[];
}

export const NoMatchReasonEnum = Object.fromEntries(NO_MATCH_REASONS.map((r) => [r, r])) as Record<NoMatchReason, NoMatchReason>;
registerEnumType(NoMatchReasonEnum, {
  name: 'NoMatchReason',
  description: 'Why no clause is proposed: no_clauses, no_content_words, no_shared_words, below_threshold or all_decided',
});

@ObjectType('NoGoodMatch', { description: 'Matching found no clause good enough to propose for a suggestion, and why' })
export class NoGoodMatchModel {
  @Field(() => NoMatchReasonEnum)
  reason!: NoMatchReason;

  @Field(() => Float, { nullable: true, description: 'The best score of a clause sharing a content word with the suggestion, if any' })
  bestScore!: number | null;

  @Field(() => Float, { description: 'The minimum score a clause needs to be proposed' })
  minScore!: number;
}

@InputType()
export class RecordAdoptionInput {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => AdoptionTargetKindEnum)
  targetKind!: AdoptionTargetKind;

  @Field(() => ID, { nullable: true })
  clauseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title of the official reply or policy document' })
  documentTitle?: string | null;

  @Field(() => SuggestionStatusEnum)
  status!: SuggestionStatus;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the clause text' })
  quotedText?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the program source document' })
  source?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class UpdateAdoptionInput {
  @Field(() => ID)
  adoptionId!: string;

  @Field(() => String, { nullable: true, description: 'Omitted fields keep their value; null clears an optional one' })
  documentTitle?: string | null;

  @Field(() => SuggestionStatusEnum, { nullable: true })
  status?: SuggestionStatus | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  decidedOn?: string | null;

  @Field(() => String, { nullable: true })
  quotedText?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ConfirmMatchInput {
  @Field(() => ID)
  suggestionId!: string;

  @Field(() => ID)
  clauseId!: string;

  @Field(() => SuggestionStatusEnum, { defaultValue: 'adopted' })
  status!: SuggestionStatus;

  @Field()
  decidedOn!: string;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
