import { FEDERATION_VISIBLE_PROPOSAL_STATUSES } from '@jianyan/shared';
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

  /** When each proposal was first submitted (its earliest workflow event to `submitted`), by proposal id. */
  async firstSubmittedAt(proposalIds: readonly string[]): Promise<Map<string, Date>> {
    if (proposalIds.length === 0) return new Map();
    const rows = await this.events.find({
      select: { entityId: true, occurredAt: true },
      where: { entityType: 'proposal', toStatus: 'submitted', entityId: In([...new Set(proposalIds)]) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    const result = new Map<string, Date>();
    for (const row of rows) if (!result.has(row.entityId)) result.set(row.entityId, row.occurredAt);
    return result;
  }
}
