import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLContext } from '../../common/graphql-context';
import { PersonSummary } from '../users/user.model';
import { ProposalLoaders } from './proposal-loaders';
import { ProposalAnswerModel, ProposalVersionModel, StatusEventModel } from './proposal.model';

/** Who made each status change, froze each version, recorded each answer. */
@Resolver(() => StatusEventModel)
export class StatusEventResolver {
  constructor(private readonly loaders: ProposalLoaders) {}

  @ResolveField(() => PersonSummary)
  actor(@Parent() event: StatusEventModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(event.actorId);
  }
}

@Resolver(() => ProposalVersionModel)
export class ProposalVersionResolver {
  constructor(private readonly loaders: ProposalLoaders) {}

  @ResolveField(() => PersonSummary)
  createdBy(@Parent() version: ProposalVersionModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(version.createdById);
  }
}

@Resolver(() => ProposalAnswerModel)
export class ProposalAnswerResolver {
  constructor(private readonly loaders: ProposalLoaders) {}

  @ResolveField(() => PersonSummary)
  recordedBy(@Parent() answer: ProposalAnswerModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return this.loaders.person(context).load(answer.recordedById);
  }
}
