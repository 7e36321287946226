import { ProposalRole, canHoldProposalRole, capabilitiesOf } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { runTransaction } from '../../database/transactions';
import { UsersService } from '../users/users.service';
import { ProposalAccessService } from './proposal-access.service';
import { touchProposal } from './proposal-rows';
import { ProposalEntity, ProposalMemberEntity } from './proposal.entity';

export interface MemberChange {
  proposalId: string;
  userId: string;
  role: ProposalRole;
}

/** Who works on a proposal. Owners manage members; a proposal always keeps at least one owner. */
@Injectable()
export class ProposalMembersService {
  constructor(
    private readonly events: DomainEvents,
    @InjectRepository(ProposalMemberEntity) private readonly members: Repository<ProposalMemberEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly users: UsersService,
  ) {}

  /** Members of each proposal, owners first, then by when they joined. */
  async byProposalIds(proposalIds: readonly string[]): Promise<ProposalMemberEntity[][]> {
    const rows = await this.members.find({ where: { proposalId: In([...proposalIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const rank = (role: ProposalRole) => ['owner', 'coauthor', 'reviewer', 'viewer'].indexOf(role);
    return proposalIds.map((id) => rows.filter((m) => m.proposalId === id).sort((a, b) => rank(a.role) - rank(b.role)));
  }

  async add(actor: Actor, input: MemberChange): Promise<ProposalEntity> {
    return this.announcing(input, () => this.addMember(actor, input));
  }

  async changeRole(actor: Actor, input: MemberChange): Promise<ProposalEntity> {
    return this.announcing(input, () => this.changeMemberRole(actor, input));
  }

  /** Owners remove anyone; any member may leave. */
  async remove(actor: Actor, input: { proposalId: string; userId: string }): Promise<ProposalEntity> {
    return this.announcing(input, () => this.removeMember(actor, input));
  }

  /** After a committed membership change, open editing sessions of that person re-check their access. */
  private async announcing(
    input: { proposalId: string; userId: string },
    change: () => Promise<ProposalEntity>,
  ): Promise<ProposalEntity> {
    const proposal = await change();
    this.events.emit({ type: 'proposal.membership.changed', proposalId: input.proposalId, userId: input.userId });
    return proposal;
  }

  private async addMember(actor: Actor, input: MemberChange): Promise<ProposalEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.access.require(actor, input.proposalId, 'canManageMembers', manager);
      await this.assertEligible(proposal, input.userId, input.role);
      const repository = manager.getRepository(ProposalMemberEntity);
      if (await repository.existsBy({ proposalId: proposal.id, userId: input.userId })) {
        throw AppErrors.badInput('userId', 'is already a member of this proposal; change the role instead');
      }
      await repository.save(repository.create({ ...input, createdAt: new Date() }));
      await touchProposal(manager, proposal.id);
      return proposal;
    });
  }

  private async changeMemberRole(actor: Actor, input: MemberChange): Promise<ProposalEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.access.require(actor, input.proposalId, 'canManageMembers', manager);
      const member = await this.memberOrNotFound(manager, proposal.id, input.userId);
      if (member.role === input.role) return proposal;
      await this.assertEligible(proposal, input.userId, input.role);
      if (member.role === 'owner') await this.assertAnotherOwner(manager, proposal.id, 'role', 'demote');
      if (proposal.leadAuthorId === input.userId && !capabilitiesOf(input.role).canEdit) {
        throw AppErrors.badInput('role', 'the lead author must stay an owner or co-author; choose another lead author first');
      }
      await manager.update(ProposalMemberEntity, { id: member.id }, { role: input.role });
      await touchProposal(manager, proposal.id);
      return proposal;
    });
  }

  private async removeMember(actor: Actor, input: { proposalId: string; userId: string }): Promise<ProposalEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const leaving = input.userId === actor.userId;
      const { proposal } = leaving
        ? await this.access.load(actor, input.proposalId, manager)
        : await this.access.require(actor, input.proposalId, 'canManageMembers', manager);
      const member = await this.memberOrNotFound(manager, proposal.id, input.userId);
      if (member.role === 'owner') await this.assertAnotherOwner(manager, proposal.id, 'userId', 'remove');
      if (proposal.leadAuthorId === input.userId) {
        throw AppErrors.badInput('userId', 'is the lead author; choose another lead author first');
      }
      await manager.delete(ProposalMemberEntity, { id: member.id });
      await touchProposal(manager, proposal.id);
      return proposal;
    });
  }

  private async memberOrNotFound(manager: EntityManager, proposalId: string, userId: string): Promise<ProposalMemberEntity> {
    const member = await manager.getRepository(ProposalMemberEntity).findOneBy({ proposalId, userId });
    if (!member) throw AppErrors.notFound('Proposal member');
    return member;
  }

  private async assertAnotherOwner(manager: EntityManager, proposalId: string, field: string, verb: string): Promise<void> {
    const owners = await manager.getRepository(ProposalMemberEntity).countBy({ proposalId, role: 'owner' });
    if (owners <= 1) throw AppErrors.badInput(field, `cannot ${verb} the last owner; make someone else an owner first`);
  }

  /** The user exists, is active, belongs to the proposal's federation and may hold the role. */
  private async assertEligible(proposal: ProposalEntity, userId: string, role: ProposalRole): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw AppErrors.badInput('userId', 'is not an active user');
    const federation = await this.access.federationOfOrganization(proposal.districtId);
    if (!federation.includes(user.organizationId)) throw AppErrors.badInput('userId', 'belongs to another federation');
    if (!canHoldProposalRole(user.role, role)) {
      throw AppErrors.badInput('role', `a ${user.role} account may review or view a proposal but not be its ${role}`);
    }
  }
}
