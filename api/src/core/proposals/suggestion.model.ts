import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProgramAreaCode, ProgramAreaEnum, SuggestionStatus, SuggestionStatusEnum } from './proposal.model';
import { SuggestionEntity } from './suggestion.entity';

@ObjectType('Suggestion', { description: 'One numbered recommendation (建议条目); its id survives reordering' })
export class SuggestionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => Int, { description: 'Its place in the proposal, from 1' })
  number!: number;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => ProgramAreaEnum, { nullable: true })
  programArea!: ProgramAreaCode | null;

  @Field(() => SuggestionStatusEnum)
  status!: SuggestionStatus;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  static from(entity: SuggestionEntity, number: number): SuggestionModel {
    const { position: _position, ...rest } = entity;
    return Object.assign(new SuggestionModel(), rest, { number });
  }
}
