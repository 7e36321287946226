import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { loadOrganization } from '../organizations/organization.loader';
import { OrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { PersonSummary } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => PersonSummary)
export class PeopleResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => [PersonSummary], {
    description: 'Active people of your federation matching part of a name, or an exact e-mail or mobile number of someone of your organisation (of one you administer, for an admin)',
  })
  async people(
    @CurrentActor() actor: Actor,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first = 20,
  ): Promise<PersonSummary[]> {
    return (await this.usersService.searchPeople(actor, search, first)).map(PersonSummary.from);
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() person: PersonSummary, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return loadOrganization(context, this.organizations, person.organizationId);
  }
}
