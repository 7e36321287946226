import { Query, Resolver } from '@nestjs/graphql';
import { OrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(private readonly organizationsService: OrganizationsService) {}

  @Query(() => [OrganizationModel], { description: 'The federation and its districts' })
  organizations(): Promise<OrganizationModel[]> {
    return this.organizationsService.list();
  }
}
