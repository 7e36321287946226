import DataLoader from 'dataloader';
import { AppErrors } from '../../common/errors';
import { GraphQLContext, loaderFor } from '../../common/graphql-context';
import { PersonSummary } from './user.model';
import { UsersService } from './users.service';

/**
 * The request's person loader for fields that name someone (authors, actors, members): one batch per
 * request, and always a PersonSummary, so such a field cannot carry contact details.
 */
export function personLoader(context: GraphQLContext, users: UsersService): DataLoader<string, PersonSummary> {
  return loaderFor<string, PersonSummary>(context, 'personById', async (ids) =>
    (await users.findByIds(ids)).map((row) => (row ? PersonSummary.from(row) : AppErrors.notFound('User'))),
  );
}
