import { SuggestionStatus, allowedSuggestionTransitions } from '@jianyan/shared';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { CommentModel } from './comment.model';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalWorkflowService } from './proposal-workflow.service';
import { AddSuggestionInput, ChangeSuggestionStatusInput, ReorderSuggestionsInput, UpdateSuggestionInput } from './proposal.inputs';
import { ProposalModel, StatusEventModel, SuggestionStatusEnum } from './proposal.model';
import { SuggestionModel } from './suggestion.model';
import { SuggestionsService } from './suggestions.service';

@Resolver(() => SuggestionModel)
export class SuggestionsResolver {
  constructor(
    private readonly suggestions: SuggestionsService,
    private readonly workflow: ProposalWorkflowService,
    private readonly loaders: ProposalLoaders,
  ) {}

  @Mutation(() => SuggestionModel, { description: 'Adds a suggestion at the end (owners and co-authors, while draft or in review)' })
  addSuggestion(@CurrentActor() actor: Actor, @Args('input') input: AddSuggestionInput): Promise<SuggestionModel> {
    return this.suggestions.add(actor, input);
  }

  @Mutation(() => SuggestionModel)
  updateSuggestion(@CurrentActor() actor: Actor, @Args('input') input: UpdateSuggestionInput): Promise<SuggestionModel> {
    return this.suggestions.update(actor, input);
  }

  @Mutation(() => ProposalModel, { description: 'Renumbers the suggestions; their ids stay' })
  async reorderSuggestions(@CurrentActor() actor: Actor, @Args('input') input: ReorderSuggestionsInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.suggestions.reorder(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Only while draft or in review; its status history is kept' })
  async deleteSuggestion(@CurrentActor() actor: Actor, @Args('suggestionId', { type: () => ID }) suggestionId: string): Promise<ProposalModel> {
    return ProposalModel.from(await this.suggestions.delete(actor, suggestionId));
  }

  @Mutation(() => SuggestionModel, { description: 'Records what became of a suggestion (owners, leaders, admins)' })
  changeSuggestionStatus(@CurrentActor() actor: Actor, @Args('input') input: ChangeSuggestionStatusInput): Promise<SuggestionModel> {
    return this.workflow.changeSuggestionStatus(actor, input);
  }

  @ResolveField(() => [StatusEventModel], { description: 'Status changes, oldest first' })
  async history(@Parent() suggestion: SuggestionModel, @Context() context: GraphQLContext): Promise<StatusEventModel[]> {
    return (await this.loaders.suggestionHistory(context).load(suggestion.id)).map(StatusEventModel.from);
  }

  @ResolveField(() => [SuggestionStatusEnum], { description: 'The statuses the caller may record next' })
  async allowedTransitions(
    @Parent() suggestion: SuggestionModel,
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLContext,
  ): Promise<SuggestionStatus[]> {
    const members = await this.loaders.members(context).load(suggestion.proposalId);
    const proposalRole = members.find((m) => m.userId === actor.userId)?.role ?? null;
    return allowedSuggestionTransitions(suggestion.status, { proposalRole, userRole: actor.role });
  }

  @ResolveField(() => [CommentModel], { description: 'Threads on this suggestion (first comments; replies nested)' })
  async comments(@Parent() suggestion: SuggestionModel, @Context() context: GraphQLContext): Promise<CommentModel[]> {
    const all = await this.loaders.comments(context).load(suggestion.proposalId);
    return all.filter((c) => !c.parentId && c.suggestionId === suggestion.id).map(CommentModel.from);
  }
}
