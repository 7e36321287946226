import { SUGGESTION_DECIDER_ACCOUNT_ROLES } from '@jianyan/shared';
import { Args, Context, ID, Int, Mutation, ObjectType, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext, loaderFor } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { ProgramClauseModel } from '../programs/program.model';
import { ProgramsService } from '../programs/programs.service';
import { SuggestionModel } from '../proposals/suggestion.model';
import { AdoptionEntity } from './adoption.entity';
import { AdoptionModel, ClauseMatchModel, ConfirmMatchInput, NoGoodMatchModel, RecordAdoptionInput, UpdateAdoptionInput } from './adoption.model';
import { AdoptionService } from './adoption.service';
import { MatchingService } from './matching.service';

@ObjectType('SuggestionMatches')
class SuggestionMatchesModel {
  @Field(() => SuggestionModel)
  suggestion!: SuggestionModel;

  @Field(() => [ClauseMatchModel])
  matches!: ClauseMatchModel[];

  @Field(() => NoGoodMatchModel, { nullable: true, description: 'Set when no clause is proposed: why there is no good match' })
  noMatch!: NoGoodMatchModel | null;
}

/** Account roles that can decide outcomes at all (shared SUGGESTION_DECIDERS); the service checks the rest. */
const RECORDERS = SUGGESTION_DECIDER_ACCOUNT_ROLES;

@Resolver(() => AdoptionModel)
export class AdoptionResolver {
  constructor(
    private readonly adoptions: AdoptionService,
    private readonly matching: MatchingService,
    private readonly programs: ProgramsService,
  ) {}

  @Roles(...RECORDERS)
  @Mutation(() => AdoptionModel, { description: 'Records that a clause, reply or policy document took a suggestion up (owners, co-authors, leaders, admins)' })
  async recordAdoption(@CurrentActor() actor: Actor, @Args('input') input: RecordAdoptionInput): Promise<AdoptionModel> {
    return AdoptionModel.from(await this.adoptions.record(actor, input));
  }

  @Roles(...RECORDERS)
  @Mutation(() => AdoptionModel)
  async updateAdoption(@CurrentActor() actor: Actor, @Args('input') input: UpdateAdoptionInput): Promise<AdoptionModel> {
    return AdoptionModel.from(await this.adoptions.update(actor, input));
  }

  @Roles(...RECORDERS)
  @Mutation(() => Boolean)
  async deleteAdoption(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.adoptions.delete(actor, id);
    return true;
  }

  @Roles(...RECORDERS)
  @Mutation(() => AdoptionModel, { description: 'Confirms a proposed clause: records the adoption with the clause quoted' })
  async confirmClauseMatch(@CurrentActor() actor: Actor, @Args('input') input: ConfirmMatchInput): Promise<AdoptionModel> {
    return AdoptionModel.from(await this.adoptions.confirmMatch(actor, input));
  }

  @Roles(...RECORDERS)
  @Mutation(() => Boolean, { description: 'Rejects a proposed clause; it is not proposed for this suggestion again' })
  async rejectClauseMatch(
    @CurrentActor() actor: Actor,
    @Args('suggestionId', { type: () => ID }) suggestionId: string,
    @Args('clauseId', { type: () => ID }) clauseId: string,
  ): Promise<boolean> {
    await this.adoptions.rejectMatch(actor, suggestionId, clauseId);
    return true;
  }

  @Query(() => SuggestionMatchesModel, { description: 'The suggestion and the clauses most similar to it, not yet confirmed or rejected' })
  suggestionMatches(
    @CurrentActor() actor: Actor,
    @Args('suggestionId', { type: () => ID }) suggestionId: string,
    @Args('programId', { type: () => ID, nullable: true }) programId?: string | null,
    @Args('first', { type: () => Int, defaultValue: 3 }) first = 3,
  ): Promise<SuggestionMatchesModel> {
    return this.matching.forSuggestion(actor, suggestionId, programId, Math.min(Math.max(first, 1), 10));
  }

  @Query(() => [SuggestionMatchesModel], {
    description: 'For a program: the submitted suggestions the caller sees, those its clauses match first, then those with no good match',
  })
  programMatches(@CurrentActor() actor: Actor, @Args('programId', { type: () => ID }) programId: string): Promise<SuggestionMatchesModel[]> {
    return this.matching.forProgram(actor, programId);
  }

  @ResolveField(() => ProgramClauseModel, { nullable: true })
  async clause(@Parent() adoption: AdoptionModel, @Context() context: GraphQLContext): Promise<ProgramClauseModel | null> {
    if (!adoption.clauseId) return null;
    return loaderFor<string, ProgramClauseModel | null>(context, 'clauseWithDepthById', (ids) => this.programs.clausesWithDepth(ids)).load(adoption.clauseId);
  }

  @ResolveField(() => String, { nullable: true, description: 'The program name, for a clause' })
  async programName(@Parent() adoption: AdoptionModel, @Context() context: GraphQLContext): Promise<string | null> {
    if (!adoption.programId) return null;
    const program = await loaderFor<string, string | null>(context, 'programNameById', async (ids) =>
      (await this.programs.findByIds(ids)).map((p) => p?.name ?? null),
    ).load(adoption.programId);
    return program;
  }
}

@Resolver(() => SuggestionModel)
export class SuggestionAdoptionsResolver {
  constructor(private readonly adoptionService: AdoptionService) {}

  @ResolveField(() => [AdoptionModel], { description: 'Where the suggestion was taken up, oldest decision first' })
  async adoptions(@Parent() suggestion: SuggestionModel, @Context() context: GraphQLContext): Promise<AdoptionModel[]> {
    const rows = await loaderFor<string, AdoptionEntity[]>(context, 'adoptionsBySuggestion', (ids) => this.adoptionService.bySuggestionIds(ids)).load(suggestion.id);
    return rows.map(AdoptionModel.from);
  }
}

/**
 * Adoption badges on clauses. Programs are public, proposals are not: a clause shows the suggestions
 * it took up and their records only for proposals the caller sees (AdoptionService.visibleByClauseIds).
 */
@Resolver(() => ProgramClauseModel)
export class ClauseAdoptionsResolver {
  constructor(private readonly adoptionService: AdoptionService) {}

  @ResolveField(() => Int, { description: 'How many suggestions the caller sees this clause took up (adopted, partially, in plan or implemented)' })
  async adoptionCount(@Parent() clause: ProgramClauseModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<number> {
    return AdoptionService.adoptingSuggestionCount(await this.byClause(actor, context).load(clause.id));
  }

  @ResolveField(() => [AdoptionModel], { description: 'The adoption records of suggestions the caller may see' })
  async adoptions(@Parent() clause: ProgramClauseModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<AdoptionModel[]> {
    return (await this.byClause(actor, context).load(clause.id)).map(AdoptionModel.from);
  }

  private byClause(actor: Actor, context: GraphQLContext) {
    return loaderFor<string, AdoptionEntity[]>(context, 'visibleAdoptionsByClause', (ids) => this.adoptionService.visibleByClauseIds(actor, ids));
  }
}
