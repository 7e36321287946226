import DataLoader from 'dataloader';
import { AppErrors } from '../../common/errors';
import { GraphQLContext, loaderFor } from '../../common/graphql-context';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';

/** The request's organisation loader: every organisation field of one request shares one batch. */
export function organizationLoader(context: GraphQLContext, organizations: OrganizationsService): DataLoader<string, OrganizationEntity> {
  return loaderFor<string, OrganizationEntity>(context, 'organizationById', async (ids) =>
    (await organizations.findByIds(ids)).map((row) => row ?? AppErrors.notFound('Organisation')),
  );
}

export function loadOrganization(context: GraphQLContext, organizations: OrganizationsService, id: string): Promise<OrganizationEntity> {
  return organizationLoader(context, organizations).load(id);
}
