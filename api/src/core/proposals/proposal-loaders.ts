import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { GraphQLContext, loaderFor } from '../../common/graphql-context';
import { OrganizationEntity } from '../organizations/organization.entity';
import { organizationLoader } from '../organizations/organization.loader';
import { OrganizationsService } from '../organizations/organizations.service';
import { personLoader } from '../users/person.loader';
import { PersonSummary } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { CommentEntity } from './comment.entity';
import { CommentsService } from './comments.service';
import { ProposalMembersService } from './proposal-members.service';
import { ProposalWorkflowService } from './proposal-workflow.service';
import { ProposalAnswerEntity, ProposalMemberEntity, ProposalVersionEntity } from './proposal.entity';
import { StatusEventEntity } from './status-event.entity';
import { StatusHistoryService } from './status-history.service';
import { SuggestionModel } from './suggestion.model';
import { SuggestionsService } from './suggestions.service';

/**
 * The per-request DataLoaders behind every nested field of proposals, so a page of proposals
 * with its members, suggestions and history costs a fixed number of queries whatever its size.
 */
@Injectable()
export class ProposalLoaders {
  constructor(
    private readonly membersService: ProposalMembersService,
    private readonly suggestionsService: SuggestionsService,
    private readonly historyService: StatusHistoryService,
    private readonly workflowService: ProposalWorkflowService,
    private readonly commentsService: CommentsService,
    private readonly usersService: UsersService,
    private readonly organizationsService: OrganizationsService,
  ) {}

  /** Members by proposal id. */
  members(context: GraphQLContext): DataLoader<string, ProposalMemberEntity[]> {
    return loaderFor(context, 'proposalMembers', (ids: readonly string[]) => this.membersService.byProposalIds(ids));
  }

  /** Numbered suggestions by proposal id. */
  suggestions(context: GraphQLContext): DataLoader<string, SuggestionModel[]> {
    return loaderFor(context, 'proposalSuggestions', (ids: readonly string[]) => this.suggestionsService.byProposalIds(ids));
  }

  suggestionCount(context: GraphQLContext): DataLoader<string, number> {
    return loaderFor(context, 'proposalSuggestionCount', (ids: readonly string[]) => this.suggestionsService.countByProposalIds(ids));
  }

  lastStatusChange(context: GraphQLContext): DataLoader<string, StatusEventEntity | null> {
    return loaderFor(context, 'proposalLastStatusChange', (ids: readonly string[]) => this.historyService.lastProposalEvents(ids));
  }

  timeline(context: GraphQLContext): DataLoader<string, StatusEventEntity[]> {
    return loaderFor(context, 'proposalTimeline', (ids: readonly string[]) => this.historyService.timelines(ids));
  }

  /** Status history by suggestion id. */
  suggestionHistory(context: GraphQLContext): DataLoader<string, StatusEventEntity[]> {
    return loaderFor(context, 'suggestionHistory', (ids: readonly string[]) => this.historyService.suggestionHistories(ids));
  }

  versions(context: GraphQLContext): DataLoader<string, ProposalVersionEntity[]> {
    return loaderFor(context, 'proposalVersions', (ids: readonly string[]) => this.workflowService.versionsByProposalIds(ids));
  }

  answer(context: GraphQLContext): DataLoader<string, ProposalAnswerEntity | null> {
    return loaderFor(context, 'proposalAnswer', (ids: readonly string[]) => this.workflowService.answersByProposalIds(ids));
  }

  /** Every comment of a proposal by proposal id (threads are assembled from it). */
  comments(context: GraphQLContext): DataLoader<string, CommentEntity[]> {
    return loaderFor(context, 'proposalComments', (ids: readonly string[]) => this.commentsService.byProposalIds(ids));
  }

  /** Members, authors and actors: people without contact details. */
  person(context: GraphQLContext): DataLoader<string, PersonSummary> {
    return personLoader(context, this.usersService);
  }

  organization(context: GraphQLContext): DataLoader<string, OrganizationEntity> {
    return organizationLoader(context, this.organizationsService);
  }
}
