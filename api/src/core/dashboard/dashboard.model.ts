import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AdoptionRate', { description: 'Submitted and adopted suggestions of one district, program area, year or author' })
export class AdoptionRateModel {
  @Field(() => String, { nullable: true, description: 'District id, program area code, year or user id; null for suggestions without a program area' })
  key!: string | null;

  @Field({ description: 'Chinese name of the district / area / author, or the year' })
  label!: string;

  @Field({ description: 'English name (the Chinese name for people)' })
  labelEn!: string;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  adopted!: number;

  @Field(() => Float, { nullable: true, description: 'adopted ÷ submitted, from 0 to 1; null when nothing was submitted' })
  rate!: number | null;
}

@ObjectType('DashboardTotals')
export class DashboardTotalsModel {
  @Field(() => Int, { description: 'Submitted (or answered, or closed) proposals counted' })
  proposals!: number;

  @Field(() => Int, { description: 'Their suggestions, once submitted' })
  submittedSuggestions!: number;

  @Field(() => Int, { description: 'Suggestions with at least one adopting record' })
  adoptedSuggestions!: number;

  @Field(() => Float, { nullable: true })
  adoptionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median days from submission to the first adoption' })
  medianDaysToAdoption!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean days from submission to the first adoption' })
  meanDaysToAdoption!: number | null;

  @Field(() => Int, { description: 'Adopted suggestions with a time to adoption (adoptions dated before the recorded submission have none)' })
  timedAdoptions!: number;

  @Field(() => Int, { description: 'Suggestions awaiting an answer for more than 90 days' })
  awaiting!: number;
}

@ObjectType('ChainProposal')
export class ChainProposalModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  year!: number;

  @Field()
  districtName!: string;
}

@ObjectType('ChainSuggestion', { description: 'A suggestion in an evidence → suggestion → clause chain' })
export class ChainSuggestionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field()
  status!: string;

  @Field(() => String, { nullable: true })
  programArea!: string | null;

  @Field(() => ChainProposalModel)
  proposal!: ChainProposalModel;
}

@ObjectType('ChainClause', { description: 'The program clause an adoption points to' })
export class ChainClauseModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The number as printed, e.g. （三）' })
  number!: string;

  @Field()
  text!: string;

  @Field(() => ID)
  programId!: string;

  @Field()
  programName!: string;

  @Field({ description: 'The headings above the clause, e.g. 二、妇女与经济' })
  path!: string;
}

@ObjectType('ChainAdoption')
export class ChainAdoptionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  status!: string;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field({ description: 'clause, official_reply or policy_document' })
  targetKind!: string;

  @Field(() => ChainClauseModel, { nullable: true })
  clause!: ChainClauseModel | null;
}

@ObjectType('ChainEvidence', { description: 'Evidence the caller is cleared for; the title is always the masked one' })
export class ChainEvidenceModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  sourceType!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dateFrom!: string;
}

@ObjectType('AdoptionChain', { description: 'A suggestion with the evidence behind it and the records that took it up' })
export class AdoptionChainModel {
  @Field(() => ChainSuggestionModel)
  suggestion!: ChainSuggestionModel;

  @Field(() => [ChainEvidenceModel], { description: 'Evidence linked to the suggestion that the caller is cleared for; nothing else is shown or counted' })
  evidence!: ChainEvidenceModel[];

  @Field(() => [ChainAdoptionModel], { description: 'Adoption records, oldest decision first' })
  adoptions!: ChainAdoptionModel[];

  @Field(() => String, { nullable: true, description: 'Earliest decidedOn of an adopting record' })
  firstAdoptedOn!: string | null;

  @Field(() => Int, { nullable: true })
  daysToAdoption!: number | null;
}

@ObjectType('EvidenceChain', { description: 'An evidence record, the suggestions it supports and what became of them' })
export class EvidenceChainModel {
  @Field(() => ChainEvidenceModel)
  evidence!: ChainEvidenceModel;

  @Field(() => [AdoptionChainModel])
  suggestions!: AdoptionChainModel[];
}

@ObjectType('AwaitingSuggestion')
export class AwaitingSuggestionModel {
  @Field(() => ChainSuggestionModel)
  suggestion!: ChainSuggestionModel;

  @Field({ description: 'YYYY-MM-DD, the proposal’s first submission' })
  submittedOn!: string;

  @Field(() => Int)
  daysWaiting!: number;
}

@ObjectType('Dashboard', { description: 'The leaders’ dashboard; definitions in README.md ("Leaders’ dashboard")' })
export class DashboardModel {
  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => ID, { nullable: true })
  districtId!: string | null;

  @Field({ description: 'The day the awaiting list is measured against, YYYY-MM-DD' })
  asOf!: string;

  @Field(() => [Int], { description: 'Years that have submitted proposals (for the filter), within the district filter' })
  years!: number[];

  @Field(() => DashboardTotalsModel)
  totals!: DashboardTotalsModel;

  @Field(() => [AdoptionRateModel])
  byDistrict!: AdoptionRateModel[];

  @Field(() => [AdoptionRateModel])
  byProgramArea!: AdoptionRateModel[];

  @Field(() => [AdoptionRateModel])
  byYear!: AdoptionRateModel[];

  @Field(() => [AdoptionRateModel])
  byAuthor!: AdoptionRateModel[];

  @Field(() => [AwaitingSuggestionModel], { description: 'Longest waiting first' })
  awaiting!: AwaitingSuggestionModel[];

  @Field(() => [AdoptionChainModel], { description: 'Adopted suggestions with their evidence chain, latest adoption first' })
  adopted!: AdoptionChainModel[];
}
