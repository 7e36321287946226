import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { PersonSummary } from '../users/user.model';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalMembersService } from './proposal-members.service';
import { ProposalMemberInput, RemoveProposalMemberInput } from './proposal.inputs';
import { ProposalMemberModel, ProposalModel } from './proposal.model';

@Resolver(() => ProposalMemberModel)
export class ProposalMembersResolver {
  constructor(
    private readonly members: ProposalMembersService,
    private readonly loaders: ProposalLoaders,
  ) {}

  @Mutation(() => ProposalModel, { description: 'Owners only' })
  async addProposalMember(@CurrentActor() actor: Actor, @Args('input') input: ProposalMemberInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.members.add(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Owners only; the last owner cannot be demoted' })
  async changeProposalMemberRole(@CurrentActor() actor: Actor, @Args('input') input: ProposalMemberInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.members.changeRole(actor, input));
  }

  @Mutation(() => ProposalModel, { description: 'Owners remove anyone, members may leave; the last owner stays' })
  async removeProposalMember(@CurrentActor() actor: Actor, @Args('input') input: RemoveProposalMemberInput): Promise<ProposalModel> {
    return ProposalModel.from(await this.members.remove(actor, input));
  }

  @ResolveField(() => PersonSummary)
  user(@Parent() member: ProposalMemberModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(member.userId);
  }
}
