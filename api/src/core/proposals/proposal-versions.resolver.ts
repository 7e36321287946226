import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { ProposalVersionModel } from './proposal.model';
import { RestoreProposalVersionInput, SaveProposalVersionInput } from './proposal.inputs';
import { ProposalVersionsService } from './proposal-versions.service';

@Resolver(() => ProposalVersionModel)
export class ProposalVersionsResolver {
  constructor(private readonly versions: ProposalVersionsService) {}

  @Mutation(() => ProposalVersionModel, { description: 'Saves the proposal as it is now as a named version (owners and co-authors)' })
  async saveProposalVersion(@CurrentActor() actor: Actor, @Args('input') input: SaveProposalVersionInput): Promise<ProposalVersionModel> {
    return ProposalVersionModel.from(await this.versions.save(actor, input));
  }

  @Mutation(() => ProposalVersionModel, {
    description: 'Puts an older version’s body back as a new change, and records the result as a new version',
  })
  async restoreProposalVersion(
    @CurrentActor() actor: Actor,
    @Args('input') input: RestoreProposalVersionInput,
  ): Promise<ProposalVersionModel> {
    return ProposalVersionModel.from(await this.versions.restore(actor, input));
  }
}
