import { ProposalRole, allowedTransitions } from '@jianyan/shared';
import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CurrentActor, Roles } from '../auth/decorators';
import { OrganizationModel } from '../organizations/organization.model';
import { PersonSummary } from '../users/user.model';
import { CommentModel } from './comment.model';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalWorkflowService } from './proposal-workflow.service';
import {
  CreateProposalInput,
  ProposalFilter,
  ProposalSort,
  RecordAnswerInput,
  TransitionProposalInput,
  UpdateProposalInput,
} from './proposal.inputs';
import {
  ProposalAnswerModel,
  ProposalConnection,
  ProposalMemberModel,
  ProposalModel,
  ProposalRoleEnum,
  ProposalStatus,
  ProposalStatusEnum,
  ProposalVersionModel,
  StatusEventModel,
} from './proposal.model';
import { ProposalsService } from './proposals.service';
import { SuggestionModel } from './suggestion.model';

@Resolver(() => ProposalModel)
export class ProposalsResolver {
  constructor(
    private readonly proposalsService: ProposalsService,
    private readonly workflow: ProposalWorkflowService,
    private readonly loaders: ProposalLoaders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => ProposalConnection, { description: 'The proposals the caller may see' })
  async proposals(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => ProposalFilter, nullable: true }) filter?: ProposalFilter | null,
    @Args('sort', { type: () => ProposalSort, nullable: true }) sort?: ProposalSort | null,
  ) {
    const page = await this.proposalsService.list(actor, first, after, filter, sort);
    return { ...page, nodes: page.nodes.map(ProposalModel.from) };
  }

  @Query(() => ProposalModel, { description: 'NOT_FOUND when it does not exist or the caller may not see it' })
  async proposal(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ProposalModel> {
    return ProposalModel.from(await this.proposalsService.get(actor, id));
  }

  @Roles('member', 'leader', 'admin')
  @Mutation(() => ProposalModel, { description: 'Creates a draft; the caller becomes its owner and lead author' })
  async createProposal(@CurrentActor() actor: Actor, @Args('input') input: CreateProposalInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.proposalsService.create(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Owners and co-authors, while draft or in review' })
  async updateProposal(@CurrentActor() actor: Actor, @Args('input') input: UpdateProposalInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.proposalsService.update(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Moves the proposal along its workflow; submitting freezes a version' })
  async transitionProposal(@CurrentActor() actor: Actor, @Args('input') input: TransitionProposalInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.workflow.transition(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Stores the official reply and marks the proposal answered' })
  async recordAnswer(@CurrentActor() actor: Actor, @Args('input') input: RecordAnswerInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.workflow.recordAnswer(actor, input));
  }

  @ResolveField(() => OrganizationModel)
  district(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return this.loaders.organization(context).load(proposal.districtId);
  }

  @ResolveField(() => PersonSummary)
  leadAuthor(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(proposal.leadAuthorId);
  }

  @ResolveField(() => [ProposalMemberModel])
  async members(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<ProposalMemberModel[]> {
    return (await this.loaders.members(context).load(proposal.id)).map(ProposalMemberModel.from);
  }

  @ResolveField(() => ProposalRoleEnum, { nullable: true, description: 'The caller’s role; null when she follows it as a leader or admin' })
  myRole(@Parent() proposal: ProposalModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<ProposalRole | null> {
    return this.roleOf(proposal, actor, context);
  }

  @ResolveField(() => [ProposalStatusEnum], { description: 'The statuses the caller may move it to now' })
  async allowedTransitions(
    @Parent() proposal: ProposalModel,
    @CurrentActor() actor: Actor,
    @Context() context: GraphQLContext,
  ): Promise<ProposalStatus[]> {
    const proposalRole = await this.roleOf(proposal, actor, context);
    return allowedTransitions(proposal.status, { proposalRole, userRole: actor.role });
  }

  @ResolveField(() => Int, {
    description: 'The most bytes of encoded collaborative state the body may take (COLLAB_MAX_DOCUMENT_BYTES); the server refuses changes past it',
  })
  bodyMaxBytes(): number {
    return this.config.collaboration.maxDocumentBytes;
  }

  @ResolveField(() => [SuggestionModel])
  suggestions(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<SuggestionModel[]> {
    return this.loaders.suggestions(context).load(proposal.id);
  }

  @ResolveField(() => Int)
  suggestionCount(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<number> {
    return this.loaders.suggestionCount(context).load(proposal.id);
  }

  @ResolveField(() => StatusEventModel, { nullable: true, description: 'The latest change of the proposal’s own status' })
  async lastStatusChange(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<StatusEventModel | null> {
    const event = await this.loaders.lastStatusChange(context).load(proposal.id);
    return event && StatusEventModel.from(event);
  }

  @ResolveField(() => [StatusEventModel], { description: 'Status changes of the proposal and its suggestions, oldest first' })
  async timeline(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<StatusEventModel[]> {
    return (await this.loaders.timeline(context).load(proposal.id)).map(StatusEventModel.from);
  }

  @ResolveField(() => [ProposalVersionModel], { description: 'Versions frozen at each submission, oldest first' })
  async versions(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<ProposalVersionModel[]> {
    return (await this.loaders.versions(context).load(proposal.id)).map(ProposalVersionModel.from);
  }

  @ResolveField(() => ProposalAnswerModel, { nullable: true, description: 'The official reply, once recorded' })
  async answer(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<ProposalAnswerModel | null> {
    const answer = await this.loaders.answer(context).load(proposal.id);
    return answer && ProposalAnswerModel.from(answer);
  }

  @ResolveField(() => [CommentModel], { description: 'Threads on the proposal as a whole (first comments; replies nested)' })
  async comments(@Parent() proposal: ProposalModel, @Context() context: GraphQLContext): Promise<CommentModel[]> {
    const all = await this.loaders.comments(context).load(proposal.id);
    return all.filter((c) => !c.parentId && !c.suggestionId).map(CommentModel.from);
  }

  private async roleOf(proposal: ProposalModel, actor: Actor, context: GraphQLContext): Promise<ProposalRole | null> {
    const members = await this.loaders.members(context).load(proposal.id);
    return members.find((m) => m.userId === actor.userId)?.role ?? null;
  }
}
