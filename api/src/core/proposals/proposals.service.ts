import { PROPOSAL_STATUSES, PROPOSAL_TITLE_MAX_LENGTH, PROPOSAL_TOPIC_MAX_LENGTH, ProposalStatus, isProposalEditable } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { z } from 'zod';
import { DomainEvents } from '../../common/domain-events';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { PROPOSALS_INDEX } from './proposal-search.source';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProposalAccessService } from './proposal-access.service';
import { saveProposalChanges } from './proposal-rows';
import { ProposalEntity, ProposalMemberEntity } from './proposal.entity';
import { ProposalFilter, ProposalSort, ProposalSortField, SortDirection } from './proposal.inputs';
import { createProposalSchema, updateProposalSchema } from './proposal.validation';
import { StatusHistoryService } from './status-history.service';
import { likeEscape } from '../../database/like-pattern';

const SORT_COLUMNS: Record<ProposalSortField, { column: keyof ProposalEntity; kind: 'date' | 'string' | 'number' }> = {
  [ProposalSortField.UPDATED_AT]: { column: 'updatedAt', kind: 'date' },
  [ProposalSortField.CREATED_AT]: { column: 'createdAt', kind: 'date' },
  [ProposalSortField.TITLE]: { column: 'title', kind: 'string' },
  [ProposalSortField.YEAR]: { column: 'year', kind: 'number' },
};

const filterSchema = z.object({
  status: z.enum(PROPOSAL_STATUSES).nullish(),
  districtId: z.string().nullish(),
  year: z.number().int().nullish(),
  topic: z.string().trim().max(PROPOSAL_TOPIC_MAX_LENGTH, `must be at most ${PROPOSAL_TOPIC_MAX_LENGTH} characters`).nullish(),
  memberId: z.string().nullish(),
  text: z.string().trim().max(PROPOSAL_TITLE_MAX_LENGTH, `must be at most ${PROPOSAL_TITLE_MAX_LENGTH} characters`).nullish(),
});


export type NewProposal = z.input<typeof createProposalSchema>;
export type ProposalChanges = z.input<typeof updateProposalSchema>;

/** Refuses changes to a proposal that has left draft / in review. */
export function assertEditable(proposal: { status: ProposalStatus }, field: string): void {
  if (!isProposalEditable(proposal.status)) {
    throw AppErrors.badInput(field, `the proposal is ${proposal.status}; it can be changed only while draft or in_review`);
  }
}

@Injectable()
export class ProposalsService {
  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly organizations: OrganizationsService,
    private readonly history: StatusHistoryService,
    private readonly events: DomainEvents,
  ) {}

  /** Creates a draft; the caller becomes its owner and lead author. */
  async create(actor: Actor, input: NewProposal): Promise<ProposalEntity> {
    const data = validateInput(createProposalSchema, input);
    await this.assertDistrict(actor, data.districtId);
    const created = await runTransaction(this.dataSource, async (manager) => {
      const now = new Date();
      const proposal = await manager.save(
        manager.create(ProposalEntity, { ...data, leadAuthorId: actor.userId, status: 'draft', version: 1, createdAt: now, updatedAt: now }),
      );
      await manager.save(manager.create(ProposalMemberEntity, { proposalId: proposal.id, userId: actor.userId, role: 'owner', createdAt: now }));
      await this.history.append(manager, [
        { entityType: 'proposal', entityId: proposal.id, proposalId: proposal.id, fromStatus: null, toStatus: 'draft', actorId: actor.userId },
      ]);
      await enqueueForIndexing(manager, PROPOSALS_INDEX, [proposal.id]);
      return proposal;
    });
    this.events.emit({ type: 'proposal.membership.changed', proposalId: created.id, userId: actor.userId });
    return created;
  }

  /** Changes the given fields of a draft or proposal in review (owners and co-authors). */
  async update(actor: Actor, input: ProposalChanges): Promise<ProposalEntity> {
    const { id, expectedVersion, ...fields } = validateInput(updateProposalSchema, input);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ProposalEntity>;
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.access.require(actor, id, 'canEdit', manager);
      assertEditable(proposal, 'id');
      if (changes.districtId && changes.districtId !== proposal.districtId) await this.assertDistrict(actor, changes.districtId);
      if (changes.leadAuthorId && changes.leadAuthorId !== proposal.leadAuthorId) {
        const role = await this.access.roleOf(proposal.id, changes.leadAuthorId, manager);
        if (role !== 'owner' && role !== 'coauthor') throw AppErrors.badInput('leadAuthorId', 'must be an owner or co-author of the proposal');
      }
      return saveProposalChanges(manager, proposal, changes, expectedVersion);
    });
  }

  /** The proposal if the caller may see it (NOT_FOUND otherwise). */
  async get(actor: Actor, id: string): Promise<ProposalEntity> {
    return (await this.access.load(actor, id)).proposal;
  }

  /** Whether this person sees the proposal now, for work outside a request (notifications, e-mail). */
  async isVisibleTo(actor: Actor, proposalId: string): Promise<boolean> {
    return this.access.load(actor, proposalId).then(
      () => true,
      () => false,
    );
  }

  /** The proposal regardless of who asks: only for background work that applies visibility itself (see isVisibleTo). */
  findUnchecked(id: string): Promise<ProposalEntity | null> {
    return this.proposals.findOneBy({ id });
  }

  /** Those of these proposals the caller sees (one query; the others are left out). */
  async visibleByIds(actor: Actor, ids: readonly string[]): Promise<ProposalEntity[]> {
    if (ids.length === 0) return [];
    const query = this.proposals.createQueryBuilder('p').where('p.id IN (:...ids)', { ids: [...new Set(ids)] });
    await this.access.restrictToVisible(query, actor, 'p');
    return query.getMany();
  }

  /** The proposals the caller sees, filtered and sorted, a page at a time. */
  async list(
    actor: Actor,
    first: number,
    after?: string | null,
    filter?: ProposalFilter | null,
    sort?: ProposalSort | null,
  ): Promise<Page<ProposalEntity>> {
    const size = validateInput(pageSizeSchema, first);
    const f = validateInput(filterSchema, filter ?? {});
    const { column, kind } = SORT_COLUMNS[sort?.field ?? ProposalSortField.UPDATED_AT];
    const direction = sort?.direction ?? SortDirection.DESC;
    const query = this.proposals.createQueryBuilder('p');
    await this.access.restrictToVisible(query, actor, 'p');
    if (f.status) query.andWhere('p.status = :status', { status: f.status });
    if (f.districtId) query.andWhere('p.districtId = :districtId', { districtId: f.districtId });
    if (f.year != null) query.andWhere('p.year = :year', { year: f.year });
    if (f.topic) query.andWhere("p.topics LIKE :topic ESCAPE '\\'", { topic: `%${likeEscape(JSON.stringify(f.topic))}%` });
    if (f.text) query.andWhere("LOWER(p.title) LIKE :text ESCAPE '\\'", { text: `%${likeEscape(f.text.toLowerCase())}%` });
    if (f.memberId) {
      const members = query.subQuery().select('fm.proposalId').from(ProposalMemberEntity, 'fm').where('fm.userId = :memberId').getQuery();
      query.andWhere(`p.id IN ${members}`, { memberId: f.memberId });
    }
    const totalCount = await query.getCount();
    if (after) {
      const [value, id] = decodeCursor(after, 2);
      const valid =
        typeof id === 'string' &&
        (kind === 'number' ? typeof value === 'number' : typeof value === 'string') &&
        (kind !== 'date' || !Number.isNaN(Date.parse(value as string)));
      if (!valid) throw AppErrors.badInput('after', 'is not a valid cursor');
      const op = direction === SortDirection.ASC ? '>' : '<';
      query.andWhere(`(p.${column} ${op} :cursorValue OR (p.${column} = :cursorValue AND p.id ${op} :cursorId))`, {
        cursorValue: kind === 'date' ? new Date(value as string) : value,
        cursorId: id,
      });
    }
    const rows = await query
      .orderBy(`p.${column}`, direction)
      .addOrderBy('p.id', direction)
      .limit(size + 1)
      .getMany();
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    const lastValue = last && (kind === 'date' ? (last[column] as Date).toISOString() : last[column]);
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([lastValue, last.id]) : null },
    };
  }

  /** A district the caller may file under (her organisation and the ones below it); nothing is written otherwise. */
  private assertDistrict(actor: Actor, districtId: string): Promise<void> {
    return this.organizations.assertFilingDistrict(actor.organizationId, districtId);
  }
}
