import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProgramsService } from '../programs/programs.service';
import { ProposalMembersService } from '../proposals/proposal-members.service';
import { ProposalsService } from '../proposals/proposals.service';
import { SuggestionsService } from '../proposals/suggestions.service';
import { FOLLOW_TARGET_TYPES, FollowEntity, FollowTargetType } from './notification.entity';

const targetSchema = z.object({
  targetType: z.enum(FOLLOW_TARGET_TYPES),
  targetId: z.string().uuid('must be an id'),
});

export interface FollowTarget {
  targetType: FollowTargetType;
  targetId: string;
}

/** What an event concerns, to find who follows it. */
export interface EventSubject {
  proposalId: string;
  districtId: string;
  suggestionId?: string | null;
  programId?: string | null;
}

/**
 * Who follows what. Members of a proposal follow it without asking (a row is added when they join;
 * members from before this module have none and still count); unfollowing as a member mutes the proposal.
 */
@Injectable()
export class FollowsService {
  constructor(
    @InjectRepository(FollowEntity) private readonly follows: Repository<FollowEntity>,
    private readonly proposals: ProposalsService,
    private readonly suggestions: SuggestionsService,
    private readonly members: ProposalMembersService,
    private readonly organizations: OrganizationsService,
    private readonly programs: ProgramsService,
  ) {}

  async follow(actor: Actor, input: FollowTarget): Promise<FollowEntity> {
    const target = validateInput(targetSchema, input);
    await this.assertVisibleTarget(actor, target);
    return this.setFollowing(actor.userId, target, true);
  }

  async unfollow(actor: Actor, input: FollowTarget): Promise<boolean> {
    const target = validateInput(targetSchema, input);
    if (target.targetType === 'proposal' && (await this.isMember(target.targetId, actor.userId))) {
      await this.setFollowing(actor.userId, target, false);
    } else {
      await this.follows.delete({ userId: actor.userId, ...target });
    }
    return false;
  }

  async isFollowing(actor: Actor, input: FollowTarget): Promise<boolean> {
    const target = validateInput(targetSchema, input);
    const row = await this.follows.findOneBy({ userId: actor.userId, ...target });
    if (row) return !row.muted;
    return target.targetType === 'proposal' && (await this.isMember(target.targetId, actor.userId));
  }

  /** The caller's follows, newest first. */
  list(actor: Actor, targetType?: FollowTargetType | null): Promise<FollowEntity[]> {
    return this.follows.find({
      where: { userId: actor.userId, muted: false, ...(targetType ? { targetType } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** A person who joined a proposal follows it (unless she muted it before). */
  async followAsMember(proposalId: string, userId: string): Promise<void> {
    if (!(await this.isMember(proposalId, userId))) return;
    await this.insertIfAbsent(userId, { targetType: 'proposal', targetId: proposalId }, false);
  }

  /**
   * Everyone who follows the subject of an event: follows of its proposal, suggestion, district or
   * program, and the proposal's members; minus those who muted the proposal. Visibility is not checked here.
   */
  async followersOf(subject: EventSubject): Promise<string[]> {
    const targets: FollowTarget[] = [
      { targetType: 'proposal', targetId: subject.proposalId },
      { targetType: 'district', targetId: subject.districtId },
    ];
    if (subject.suggestionId) targets.push({ targetType: 'suggestion', targetId: subject.suggestionId });
    if (subject.programId) targets.push({ targetType: 'program', targetId: subject.programId });
    const query = this.follows.createQueryBuilder('f').where(
      new Brackets((where) =>
        targets.forEach((t, i) =>
          where.orWhere(`(f.targetType = :type${i} AND f.targetId = :id${i})`, { [`type${i}`]: t.targetType, [`id${i}`]: t.targetId }),
        ),
      ),
    );
    const rows = await query.getMany();
    const muted = new Set(rows.filter((r) => r.targetType === 'proposal' && r.muted).map((r) => r.userId));
    const [members] = await this.members.byProposalIds([subject.proposalId]);
    const followers = new Set([...rows.filter((r) => !r.muted).map((r) => r.userId), ...members.map((m) => m.userId)]);
    return [...followers].filter((userId) => !muted.has(userId));
  }

  private async isMember(proposalId: string, userId: string): Promise<boolean> {
    const [members] = await this.members.byProposalIds([proposalId]);
    return members.some((m) => m.userId === userId);
  }

  private async setFollowing(userId: string, target: FollowTarget, following: boolean): Promise<FollowEntity> {
    await this.insertIfAbsent(userId, target, !following);
    await this.follows.update({ userId, ...target }, { muted: !following });
    return this.follows.findOneByOrFail({ userId, ...target });
  }

  private async insertIfAbsent(userId: string, target: FollowTarget, muted: boolean): Promise<void> {
    await this.follows
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), userId, ...target, muted, createdAt: new Date() })
      .orIgnore()
      .execute();
  }

  /** One may follow only what one sees: a visible proposal or suggestion, a district of one's federation, a program. */
  private async assertVisibleTarget(actor: Actor, target: FollowTarget): Promise<void> {
    switch (target.targetType) {
      case 'proposal':
        await this.proposals.get(actor, target.targetId);
        return;
      case 'suggestion':
        await this.suggestions.load(actor, target.targetId);
        return;
      case 'district': {
        const district = await this.organizations.findById(target.targetId);
        const federation = await this.organizations.federationIds(actor.organizationId);
        if (!district || district.kind !== 'district' || !federation.includes(district.id)) throw AppErrors.notFound('District');
        return;
      }
      case 'program':
        await this.programs.get(target.targetId);
        return;
    }
  }
}
