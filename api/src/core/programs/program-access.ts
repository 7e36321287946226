import { Injectable } from '@nestjs/common';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { ProgramEntity } from './program.entity';

/** What the rule looks at: the district, and for a program without one, who imported it. */
export type ProgramOwnership = Pick<ProgramEntity, 'districtId' | 'createdById'>;

/**
 * Who may create, correct or delete a program: administrators, with the organisation scope of user
 * administration. A district program by an administrator of that district or of an organisation
 * above it (the city federation's admins edit every district's; a district's admins only their own);
 * a national or city program (no district) by an administrator sitting at the root of the federation
 * that imported it (not a district's administrator, nor another federation's).
 */
@Injectable()
export class ProgramAccess {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  async manageable(actor: Actor, programs: readonly ProgramOwnership[]): Promise<boolean[]> {
    if (actor.role !== 'admin' || programs.length === 0) return programs.map(() => false);
    const administered = new Set(await this.organizations.subtreeIds(actor.organizationId));
    const federation = new Set(await this.organizations.federationIds(actor.organizationId));
    const atRoot = await this.sitsAtRoot(actor);
    const creatorIds = [...new Set(programs.filter((p) => !p.districtId).map((p) => p.createdById))];
    const creators = atRoot && creatorIds.length > 0 ? await this.users.findByIds(creatorIds) : [];
    const organizationOf = new Map(creators.flatMap((u) => (u ? [[u.id, u.organizationId] as const] : [])));
    return programs.map((p) => {
      if (p.districtId) return administered.has(p.districtId);
      const creatorOrganization = organizationOf.get(p.createdById);
      return atRoot && !!creatorOrganization && federation.has(creatorOrganization);
    });
  }

  async mayManage(actor: Actor, program: ProgramOwnership): Promise<boolean> {
    return (await this.manageable(actor, [program]))[0];
  }

  /**
   * Refuses a program placed where the caller may not manage it: a district outside the federation
   * (BAD_USER_INPUT on districtId), another district of it or no district from below the root (FORBIDDEN).
   */
  async requirePlacement(actor: Actor, districtId: string | null | undefined): Promise<void> {
    if (districtId && !(await this.organizations.federationIds(actor.organizationId)).includes(districtId)) {
      throw AppErrors.badInput('districtId', 'is not a district of your federation');
    }
    if (districtId && !(await this.organizations.subtreeIds(actor.organizationId)).includes(districtId)) {
      throw AppErrors.forbidden('Only administrators of that district or of the federation above it may manage its programs');
    }
    if (!districtId && !(await this.sitsAtRoot(actor))) {
      throw AppErrors.forbidden('Only an administrator at the root of the federation may manage a national or city program');
    }
  }

  private async sitsAtRoot(actor: Actor): Promise<boolean> {
    const [organization] = await this.organizations.findByIds([actor.organizationId]);
    return !!organization && !organization.parentId;
  }
}
