import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { AdoptionChainModel, DashboardModel, EvidenceChainModel } from './dashboard.model';
import { DashboardService } from './dashboard.service';

@Resolver(() => DashboardModel)
export class DashboardResolver {
  constructor(private readonly dashboards: DashboardService) {}

  @Roles('leader', 'admin')
  @Query(() => DashboardModel, {
    description: 'Adoption figures over the submitted proposals the caller sees (leaders and admins); definitions in README.md',
  })
  async dashboard(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
    @Args('districtId', { type: () => ID, nullable: true }) districtId?: string | null,
    @Args('asOf', { type: () => String, nullable: true, description: 'YYYY-MM-DD; default today (China time)' }) asOf?: string | null,
  ): Promise<DashboardModel> {
    return (await this.dashboards.dashboard(actor, { year, districtId, asOf })).model;
  }

  @Query(() => AdoptionChainModel, { description: 'A suggestion the caller sees, the evidence behind it she is cleared for, and its adoption records' })
  adoptionChain(@CurrentActor() actor: Actor, @Args('suggestionId', { type: () => ID }) suggestionId: string): Promise<AdoptionChainModel> {
    return this.dashboards.adoptionChain(actor, suggestionId);
  }

  @Query(() => EvidenceChainModel, { description: 'An evidence record the caller is cleared for, the suggestions it supports and their adoptions' })
  evidenceChain(@CurrentActor() actor: Actor, @Args('evidenceId', { type: () => ID }) evidenceId: string): Promise<EvidenceChainModel> {
    return this.dashboards.evidenceChain(actor, evidenceId);
  }
}
