import {
  FEDERATION_VISIBLE_PROPOSAL_STATUSES,
  ProposalCapabilities,
  ProposalRole,
  Role,
  capabilitiesOf,
} from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProposalEntity, ProposalMemberEntity } from './proposal.entity';

/** Accounts that follow every submitted proposal of their federation without being members. */
const FEDERATION_READERS: readonly Role[] = ['leader', 'admin'];

export interface ProposalAccess {
  proposal: ProposalEntity;
  /** The caller's role on the proposal, or null when she sees it as a leader or admin of the federation. */
  role: ProposalRole | null;
}

/**
 * The one place that decides who sees a proposal. Drafts and proposals in review are seen only by
 * their members; once submitted, also by the leaders and admins of the same federation (the
 * organisation tree the proposal's district belongs to). Anything else is NOT_FOUND, never FORBIDDEN.
 */
@Injectable()
export class ProposalAccessService {
  /** The federation's organisation ids per caller; the actor object lives for one request. */
  private readonly federations = new WeakMap<Actor, Promise<string[]>>();

  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectRepository(ProposalMemberEntity) private readonly members: Repository<ProposalMemberEntity>,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Ids of every organisation under the root of the caller's organisation. */
  federationOf(actor: Actor): Promise<string[]> {
    let ids = this.federations.get(actor);
    if (!ids) {
      ids = this.federationOfOrganization(actor.organizationId);
      this.federations.set(actor, ids);
    }
    return ids;
  }

  federationOfOrganization(organizationId: string): Promise<string[]> {
    return this.organizations.federationIds(organizationId);
  }


  isFederationReader(actor: Actor): boolean {
    return FEDERATION_READERS.includes(actor.role);
  }

  async roleOf(proposalId: string, userId: string, manager?: EntityManager): Promise<ProposalRole | null> {
    const repository = manager ? manager.getRepository(ProposalMemberEntity) : this.members;
    return (await repository.findOneBy({ proposalId, userId }))?.role ?? null;
  }

  /** Whether the caller sees the proposal, given her role on it (already loaded, e.g. by a DataLoader). */
  async canSee(actor: Actor, proposal: ProposalEntity, role: ProposalRole | null): Promise<boolean> {
    if (role) return true;
    if (!FEDERATION_VISIBLE_PROPOSAL_STATUSES.includes(proposal.status) || !this.isFederationReader(actor)) return false;
    return (await this.federationOf(actor)).includes(proposal.districtId);
  }

  /** The proposal and the caller's role on it; NOT_FOUND when it does not exist or she may not see it. */
  async load(actor: Actor, proposalId: string, manager?: EntityManager): Promise<ProposalAccess> {
    const repository = manager ? manager.getRepository(ProposalEntity) : this.proposals;
    const proposal = await repository.findOneBy({ id: proposalId });
    if (!proposal) throw AppErrors.notFound('Proposal');
    const role = await this.roleOf(proposal.id, actor.userId, manager);
    if (!(await this.canSee(actor, proposal, role))) throw AppErrors.notFound('Proposal');
    return { proposal, role };
  }

  /** Like `load`, and FORBIDDEN unless the caller's role on the proposal has `capability`. */
  async require(
    actor: Actor,
    proposalId: string,
    capability: keyof ProposalCapabilities,
    manager?: EntityManager,
  ): Promise<ProposalAccess> {
    return this.assertCapability(await this.load(actor, proposalId, manager), capability);
  }

  assertCapability<T extends ProposalAccess>(access: T, capability: keyof ProposalCapabilities): T {
    if (!capabilitiesOf(access.role)[capability]) throw AppErrors.forbidden(FORBIDDEN_MESSAGES[capability]);
    return access;
  }

  /** Restricts a query over proposals (aliased `alias`) to the ones the caller sees. */
  async restrictToVisible(query: SelectQueryBuilder<ProposalEntity>, actor: Actor, alias: string): Promise<void> {
    const memberOf = query
      .subQuery()
      .select('vm.proposalId')
      .from(ProposalMemberEntity, 'vm')
      .where('vm.userId = :visibleToUserId')
      .getQuery();
    const federation = this.isFederationReader(actor) ? await this.federationOf(actor) : null;
    query.andWhere(
      new Brackets((where) => {
        where.where(`${alias}.id IN ${memberOf}`, { visibleToUserId: actor.userId });
        if (federation) {
          where.orWhere(`(${alias}.status IN (:...federationStatuses) AND ${alias}.districtId IN (:...federationOrgIds))`, {
            federationStatuses: FEDERATION_VISIBLE_PROPOSAL_STATUSES,
            federationOrgIds: federation,
          });
        }
      }),
    );
  }
}

const FORBIDDEN_MESSAGES: Record<keyof ProposalCapabilities, string> = {
  canEdit: 'Only the owners and co-authors of a proposal may edit it',
  canComment: 'Only the owners, co-authors and reviewers of a proposal may comment on it',
  canManageMembers: 'Only the owners of a proposal may manage its members',
};
