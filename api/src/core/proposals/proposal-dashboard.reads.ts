import { FEDERATION_VISIBLE_PROPOSAL_STATUSES, todayInChina } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../../common/graphql-context';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalEntity } from './proposal.entity';
import { StatusEventEntity } from './status-event.entity';

export interface SubmittedProposalFilter {
  year?: number | null;
  districtId?: string | null;
}

/** Bulk reads for the leaders' dashboard: a fixed number of queries whatever the number of proposals. */
@Injectable()
export class ProposalDashboardReads {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectRepository(StatusEventEntity) private readonly events: Repository<StatusEventEntity>,
    private readonly access: ProposalAccessService,
  ) {}

  /** The proposals the caller sees that have been submitted (submitted, answered or closed), in one query. */
  async submittedProposals(actor: Actor, filter: SubmittedProposalFilter = {}): Promise<ProposalEntity[]> {
    const query = this.proposals
      .createQueryBuilder('p')
      .where('p.status IN (:...dashboardStatuses)', { dashboardStatuses: FEDERATION_VISIBLE_PROPOSAL_STATUSES });
    await this.access.restrictToVisible(query, actor, 'p');
    if (filter.year != null) query.andWhere('p.year = :dashboardYear', { dashboardYear: filter.year });
    if (filter.districtId) query.andWhere('p.districtId = :dashboardDistrict', { dashboardDistrict: filter.districtId });
    return query.orderBy('p.year', 'ASC').addOrderBy('p.createdAt', 'ASC').addOrderBy('p.id', 'ASC').getMany();
  }

  /**
   * The day (China time) each proposal was first submitted, by proposal id: its earliest workflow
   * event to `submitted`, on the day it took effect when that was recorded afterwards.
   */
  async firstSubmittedOn(proposalIds: readonly string[]): Promise<Map<string, string>> {
    if (proposalIds.length === 0) return new Map();
    const rows = await this.events.find({
      select: { entityId: true, occurredAt: true, effectiveOn: true },
      where: { entityType: 'proposal', toStatus: 'submitted', entityId: In([...new Set(proposalIds)]) },
    });
    const result = new Map<string, string>();
    for (const row of rows) {
      const day = row.effectiveOn ?? todayInChina(row.occurredAt);
      const earlier = result.get(row.entityId);
      if (!earlier || day < earlier) result.set(row.entityId, day);
    }
    return result;
  }
}
