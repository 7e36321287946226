import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgramsModule } from '../programs/programs.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { AdoptionEntity, MatchDecisionEntity } from './adoption.entity';
import { AdoptionQueryService } from './adoption-query.service';
import { AdoptionResolver, ClauseAdoptionsResolver, SuggestionAdoptionsResolver } from './adoption.resolver';
import { AdoptionService } from './adoption.service';
import { MatchingService } from './matching.service';

/** Adoption records (采纳) of suggestions by program clauses, replies and policy documents, and clause matching. */
@Module({
  imports: [TypeOrmModule.forFeature([AdoptionEntity, MatchDecisionEntity]), ProgramsModule, ProposalsModule],
  providers: [AdoptionService, AdoptionQueryService, MatchingService, AdoptionResolver, SuggestionAdoptionsResolver, ClauseAdoptionsResolver],
  exports: [AdoptionService, AdoptionQueryService],
})
export class AdoptionModule {}
