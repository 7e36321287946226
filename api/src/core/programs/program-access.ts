import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/graphql-context';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { ProgramEntity } from './program.entity';

/** What the rule looks at: the district, and for a program without one, who imported it. */
export type ProgramOwnership = Pick<ProgramEntity, 'districtId' | 'createdById'>;

/**
 * Who may correct or delete a saved program: administrators only. A district program by an
 * administrator of the federation the district belongs to; a national or city program (no district)
 * by an administrator sitting at the root of the federation that imported it (not a district's
 * administrator, nor another federation's).
 */
@Injectable()
export class ProgramAccess {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  async manageable(actor: Actor, programs: readonly ProgramOwnership[]): Promise<boolean[]> {
    if (actor.role !== 'admin' || programs.length === 0) return programs.map(() => false);
    const federation = new Set(await this.organizations.federationIds(actor.organizationId));
    const [organization] = await this.organizations.findByIds([actor.organizationId]);
    const atRoot = !!organization && !organization.parentId;
    const creatorIds = [...new Set(programs.filter((p) => !p.districtId).map((p) => p.createdById))];
    const creators = atRoot && creatorIds.length > 0 ? await this.users.findByIds(creatorIds) : [];
    const organizationOf = new Map(creators.flatMap((u) => (u ? [[u.id, u.organizationId] as const] : [])));
    return programs.map((p) => {
      if (p.districtId) return federation.has(p.districtId);
      const creatorOrganization = organizationOf.get(p.createdById);
      return atRoot && !!creatorOrganization && federation.has(creatorOrganization);
    });
  }

  async mayManage(actor: Actor, program: ProgramOwnership): Promise<boolean> {
    return (await this.manageable(actor, [program]))[0];
  }
}
