import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { loadOrganization } from '../organizations/organization.loader';
import { OrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { ChangeUserRoleInput, CreateUserInput, CreateUserPayload, UserConnection, UserModel } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Roles('admin')
  @Query(() => UserConnection, { description: 'Accounts of the organisations the admin manages' })
  async users(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page = await this.usersService.list(actor, first, after);
    return { ...page, nodes: page.nodes.map(UserModel.from) };
  }

  @Roles('admin')
  @Mutation(() => CreateUserPayload)
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<CreateUserPayload> {
    const { user, temporaryPassword } = await this.usersService.create(actor, input);
    return { user: UserModel.from(user), temporaryPassword };
  }

  @Roles('admin')
  @Mutation(() => UserModel)
  async changeUserRole(@CurrentActor() actor: Actor, @Args('input') input: ChangeUserRoleInput): Promise<UserModel> {
    return UserModel.from(await this.usersService.changeRole(actor, input.userId, input.role));
  }

  @Roles('admin')
  @Mutation(() => UserModel, { description: 'Blocks sign-in and ends every session of the user at once' })
  async deactivateUser(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string): Promise<UserModel> {
    return UserModel.from(await this.usersService.setActive(actor, userId, false));
  }

  @Roles('admin')
  @Mutation(() => UserModel)
  async reactivateUser(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string): Promise<UserModel> {
    return UserModel.from(await this.usersService.setActive(actor, userId, true));
  }

  @ResolveField(() => OrganizationModel)
  async organization(@Parent() user: UserModel, @Context() context: GraphQLContext): Promise<OrganizationModel> {
    return loadOrganization(context, this.organizations, user.organizationId);
  }
}
