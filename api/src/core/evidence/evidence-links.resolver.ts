import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext, loaderFor } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { ProposalModel } from '../proposals/proposal.model';
import { ProposalsService } from '../proposals/proposals.service';
import { SuggestionModel } from '../proposals/suggestion.model';
import { SuggestionsService } from '../proposals/suggestions.service';
import { PersonSummary } from '../users/user.model';
import { EvidenceLinkModel, LinkEvidenceInput, ProposalEvidenceLinksModel } from './evidence-link.model';
import { EvidenceLinksService } from './evidence-links.service';
import { EvidenceLoaders } from './evidence.loaders';
import { EvidenceModel } from './evidence.model';

@Resolver(() => EvidenceLinkModel)
export class EvidenceLinksResolver {
  constructor(
    private readonly links: EvidenceLinksService,
    private readonly loaders: EvidenceLoaders,
    private readonly proposals: ProposalsService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Mutation(() => EvidenceLinkModel, { description: 'Owners and co-authors link evidence they may see to the proposal, a suggestion or a passage' })
  linkEvidence(@CurrentActor() actor: Actor, @Args('input') input: LinkEvidenceInput): Promise<EvidenceLinkModel> {
    return this.links.link(actor, input);
  }

  @Mutation(() => ID, { description: 'Removes a link (owners and co-authors of its proposal); returns its id' })
  unlinkEvidence(@CurrentActor() actor: Actor, @Args('linkId', { type: () => ID }) linkId: string): Promise<string> {
    return this.links.unlink(actor, linkId);
  }

  @ResolveField(() => EvidenceModel, { nullable: true, description: 'Null when the viewer is not cleared for it (see restricted)' })
  evidence(@Parent() link: EvidenceLinkModel): EvidenceModel | null {
    return link.view ? EvidenceModel.from(link.view) : null;
  }

  @ResolveField(() => ProposalModel, { nullable: true })
  async proposal(@Parent() link: EvidenceLinkModel, @CurrentActor() actor: Actor): Promise<ProposalModel | null> {
    if (link.proposal) return ProposalModel.from(link.proposal);
    return ProposalModel.from(await this.proposals.get(actor, link.proposalId));
  }

  @ResolveField(() => SuggestionModel, { nullable: true })
  async suggestion(@Parent() link: EvidenceLinkModel, @Context() context: GraphQLContext): Promise<SuggestionModel | null> {
    if (!link.suggestionId) return null;
    const all = await loaderFor(context, 'evidenceLinkSuggestions', (ids: readonly string[]) => this.suggestions.byProposalIds(ids)).load(
      link.proposalId,
    );
    return all.find((s) => s.id === link.suggestionId) ?? null;
  }

  @ResolveField(() => PersonSummary)
  createdBy(@Parent() link: EvidenceLinkModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(link.createdById);
  }
}

/** `evidenceLinks` on proposals and suggestions, contributed by the evidence module. */
@Resolver(() => ProposalModel)
export class ProposalEvidenceResolver {
  constructor(private readonly loaders: EvidenceLoaders) {}

  @ResolveField(() => ProposalEvidenceLinksModel, { description: 'Evidence linked to it, grouped per suggestion; placeholders for evidence the viewer is not cleared for' })
  async evidenceLinks(@Parent() proposal: ProposalModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<ProposalEvidenceLinksModel> {
    const all = await this.loaders.linksOfProposal(context, actor).load(proposal.id);
    const suggestionIds = [...new Set(all.flatMap((l) => (l.suggestionId ? [l.suggestionId] : [])))];
    return {
      all,
      general: all.filter((l) => !l.suggestionId),
      bySuggestion: suggestionIds.map((suggestionId) => ({ suggestionId, links: all.filter((l) => l.suggestionId === suggestionId) })),
    };
  }
}

@Resolver(() => SuggestionModel)
export class SuggestionEvidenceResolver {
  constructor(private readonly loaders: EvidenceLoaders) {}

  @ResolveField(() => [EvidenceLinkModel], { description: 'Evidence linked to this suggestion or to passages in it' })
  async evidenceLinks(@Parent() suggestion: SuggestionModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<EvidenceLinkModel[]> {
    const all = await this.loaders.linksOfProposal(context, actor).load(suggestion.proposalId);
    return all.filter((l) => l.suggestionId === suggestion.id);
  }
}
