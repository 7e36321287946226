import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchModule } from '../../search/search.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { CommentEntity } from './comment.entity';
import { CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { PROPOSAL_DOCUMENT_ACCESS } from '../../collaboration/proposal-document-access';
import { ProposalBodyBridge } from './proposal-body-bridge';
import { ProposalBodyService } from './proposal-body.service';
import { ProposalSearchSource } from './proposal-search.source';
import { ProposalVersionsResolver } from './proposal-versions.resolver';
import { ProposalVersionsService } from './proposal-versions.service';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalDashboardReads } from './proposal-dashboard.reads';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalMembersResolver } from './proposal-members.resolver';
import { ProposalMembersService } from './proposal-members.service';
import { ProposalAnswerResolver, ProposalVersionResolver, StatusEventResolver } from './proposal-records.resolver';
import { ProposalWorkflowService } from './proposal-workflow.service';
import { ProposalAnswerEntity, ProposalEntity, ProposalMemberEntity, ProposalVersionEntity } from './proposal.entity';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { StatusEventEntity } from './status-event.entity';
import { StatusHistoryService } from './status-history.service';
import { SuggestionEntity } from './suggestion.entity';
import { SuggestionsResolver } from './suggestions.resolver';
import { SuggestionsService } from './suggestions.service';

/** Proposals, their members and numbered suggestions, the workflow, status history and comments. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProposalEntity,
      ProposalMemberEntity,
      ProposalVersionEntity,
      ProposalAnswerEntity,
      SuggestionEntity,
      StatusEventEntity,
      CommentEntity,
    ]),
    OrganizationsModule,
    UsersModule,
    SearchModule,
  ],
  providers: [
    ProposalAccessService,
    ProposalDashboardReads,
    ProposalBodyService,
    ProposalSearchSource,
    ProposalBodyBridge,
    ProposalVersionsService,
    ProposalVersionsResolver,
    { provide: PROPOSAL_DOCUMENT_ACCESS, useExisting: ProposalBodyService },
    StatusHistoryService,
    ProposalsService,
    ProposalMembersService,
    SuggestionsService,
    ProposalWorkflowService,
    CommentsService,
    ProposalLoaders,
    ProposalsResolver,
    ProposalMembersResolver,
    SuggestionsResolver,
    CommentsResolver,
    StatusEventResolver,
    ProposalVersionResolver,
    ProposalAnswerResolver,
  ],
  exports: [ProposalDashboardReads, PROPOSAL_DOCUMENT_ACCESS, ProposalBodyBridge, ProposalsService, ProposalMembersService, SuggestionsService, ProposalWorkflowService, CommentsService, StatusHistoryService],
})
export class ProposalsModule {}
