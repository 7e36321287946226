import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, GraphQLContext } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { personLoader } from '../users/person.loader';
import { PersonSummary } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuditEntryConnection, AuditEntryModel, AuditLogFilter } from './audit.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Roles('admin')
  @Query(() => AuditEntryConnection, { description: 'The audit log of the organisations the admin manages, newest first' })
  async auditLog(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter?: AuditLogFilter | null,
  ) {
    const page = await this.audit.list(actor, first, after, filter);
    return { ...page, nodes: page.nodes.map(AuditEntryModel.from) };
  }

  @ResolveField(() => PersonSummary)
  actor(@Parent() entry: AuditEntryModel, @Context() context: GraphQLContext): Promise<PersonSummary> {
    return personLoader(context, this.users).load(entry.actorId);
  }
}
