import { FEDERATION_VISIBLE_PROPOSAL_STATUSES } from '@jianyan/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../../common/graphql-context';
import { SearchRegistry } from '../../search/search-registry';
import { SearchSource, idBatches } from '../../search/search-source';
import type { IndexDefinition, SearchDocument } from '../../search/search.port';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalEntity, ProposalMemberEntity } from './proposal.entity';
import { SuggestionEntity } from './suggestion.entity';

export const PROPOSALS_INDEX = 'proposals';

/**
 * Proposals in search, with the same visibility as everywhere else: members always
 * (`user:<id>`), and once submitted the leaders and admins of the federation (`fedreader:<root>`).
 */
@Injectable()
export class ProposalSearchSource implements SearchSource, OnModuleInit {
  readonly index: IndexDefinition = {
    name: PROPOSALS_INDEX,
    textFields: [
      { name: 'title', weight: 4 },
      { name: 'suggestions', weight: 2 },
      { name: 'summary', weight: 2 },
      { name: 'body', weight: 1 },
    ],
    facetFields: ['status', 'year', 'district', 'topic'],
    snippetField: 'body',
  };

  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectRepository(ProposalMemberEntity) private readonly members: Repository<ProposalMemberEntity>,
    @InjectRepository(SuggestionEntity) private readonly suggestions: Repository<SuggestionEntity>,
    private readonly access: ProposalAccessService,
    private readonly registry: SearchRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async documents(ids: string[]): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const [rows, members, suggestions] = await Promise.all([
      this.proposals.findBy({ id: In(ids) }),
      this.members.findBy({ proposalId: In(ids) }),
      this.suggestions.find({ where: { proposalId: In(ids) }, order: { position: 'ASC' } }),
    ]);
    const roots = new Map<string, string>();
    for (const districtId of new Set(rows.map((r) => r.districtId))) {
      roots.set(districtId, (await this.access.federationOfOrganization(districtId))[0]);
    }
    return rows.map((proposal) => {
      const own = suggestions.filter((s) => s.proposalId === proposal.id);
      const access = members.filter((m) => m.proposalId === proposal.id).map((m) => `user:${m.userId}`);
      if (FEDERATION_VISIBLE_PROPOSAL_STATUSES.includes(proposal.status)) access.push(`fedreader:${roots.get(proposal.districtId)}`);
      const summary = proposal.summary ?? '';
      return {
        id: proposal.id,
        text: {
          title: proposal.title,
          summary,
          suggestions: own.map((s) => `${s.title}\n${s.text}`).join('\n'),
          body: proposal.bodyText || [summary, ...own.map((s) => s.text)].filter(Boolean).join('\n'),
        },
        facets: {
          status: [proposal.status],
          year: [String(proposal.year)],
          district: [proposal.districtId],
          topic: proposal.topics,
        },
        access,
        date: proposal.updatedAt.getTime(),
        payload: { title: proposal.title, status: proposal.status, year: proposal.year, districtId: proposal.districtId },
      };
    });
  }

  allIds(batchSize: number): AsyncIterable<string[]> {
    return idBatches(this.proposals, batchSize);
  }

  async accessTokens(actor: Actor): Promise<string[]> {
    const tokens = [`user:${actor.userId}`];
    if (this.access.isFederationReader(actor)) tokens.push(`fedreader:${(await this.access.federationOf(actor))[0]}`);
    return tokens;
  }
}
