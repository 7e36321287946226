import { effectiveSensitivity, todayInChina } from '@jianyan/shared';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../../common/graphql-context';
import { SearchRegistry } from '../../search/search-registry';
import { SearchSource, idBatches } from '../../search/search-source';
import type { IndexDefinition, SearchDocument } from '../../search/search.port';
import { OrganizationsService } from '../organizations/organizations.service';
import { EvidenceClearanceService, facts } from './evidence-clearance.service';
import { maskedFigures } from './evidence-masking';
import { EVIDENCE_INDEX } from './evidence-rows';
import { EvidenceEntity, EvidenceGrantEntity } from './evidence.entity';

/**
 * Evidence in search, under the same rule as everywhere else (canReadEvidence / canSeeRawEvidence),
 * expressed as access tokens. Each record is indexed twice: a masked variant for the people who
 * may read it, and a raw variant only for those cleared for raw content (contributor,
 * administrators of its organisation or above, raw grantees), who are denied the masked one.
 * A search by an ID or phone number therefore never reaches a masked value.
 */
@Injectable()
export class EvidenceSearchSource implements SearchSource, OnModuleInit {
  readonly index: IndexDefinition = {
    name: EVIDENCE_INDEX,
    textFields: [
      { name: 'title', weight: 3 },
      { name: 'narrative', weight: 1 },
      { name: 'figures', weight: 1 },
      { name: 'place', weight: 1 },
    ],
    facetFields: ['district', 'population', 'theme', 'sourceType', 'sensitivity', 'year'],
    snippetField: 'narrative',
  };

  constructor(
    @InjectRepository(EvidenceEntity) private readonly records: Repository<EvidenceEntity>,
    @InjectRepository(EvidenceGrantEntity) private readonly grants: Repository<EvidenceGrantEntity>,
    private readonly organizations: OrganizationsService,
    private readonly clearance: EvidenceClearanceService,
    private readonly registry: SearchRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** An organisation and every one above it (their administrators manage its records). */
  private async ancestry(organizationId: string): Promise<string[]> {
    const federation = await this.organizations.federationIds(organizationId);
    const all = await this.organizations.findByIds(federation);
    const parentOf = new Map(all.flatMap((o) => (o ? [[o.id, o.parentId] as const] : [])));
    const chain = [organizationId];
    for (let id = parentOf.get(organizationId); id; id = parentOf.get(id)) chain.push(id);
    return chain;
  }

  async documents(ids: string[]): Promise<SearchDocument[]> {
    if (ids.length === 0) return [];
    const [rows, grants] = await Promise.all([this.records.findBy({ id: In(ids) }), this.grants.findBy({ evidenceId: In(ids) })]);
    const today = todayInChina();
    const documents: SearchDocument[] = [];
    for (const record of rows) {
      const own = grants.filter((g) => g.evidenceId === record.id);
      const managers = [`user:${record.contributorId}`, ...(await this.ancestry(record.organizationId)).map((id) => `orgadmin:${id}`)];
      const rawViewers = [...managers, ...own.filter((g) => g.level === 'raw').map((g) => `user:${g.userId}`)];
      const { level } = effectiveSensitivity(facts(record), today);
      const readers: string[] = [];
      if (record.status === 'published') {
        readers.push(...own.map((g) => `user:${g.userId}`));
        if (level === 'public') readers.push('signedin');
        if (level === 'internal') readers.push(`fed:${(await this.organizations.federationIds(record.organizationId))[0]}`);
      }
      const facets = {
        district: record.districtId ? [record.districtId] : [],
        population: record.populations,
        theme: record.themes,
        sourceType: [record.sourceType],
        sensitivity: [level],
        year: [record.dateFrom.slice(0, 4)],
      };
      const common = { facets, date: new Date(`${record.dateFrom}T00:00:00Z`).getTime() };
      const place = [record.town, record.community].filter(Boolean).join(' ');
      const payload = (title: string) => ({ title, districtId: record.districtId, sourceType: record.sourceType, sensitivity: level, dateFrom: record.dateFrom });
      documents.push({
        id: `${record.id}#raw`,
        text: { title: record.title, narrative: record.narrative, figures: record.figures.map((f) => f.label).join('\n'), place },
        access: rawViewers,
        payload: payload(record.title),
        ...common,
      });
      documents.push({
        id: `${record.id}#masked`,
        text: { title: record.titleMasked, narrative: record.narrativeMasked, figures: maskedFigures(record).map((f) => f.label).join('\n'), place },
        access: readers,
        deny: rawViewers,
        payload: payload(record.titleMasked),
        ...common,
      });
    }
    return documents;
  }

  allIds(batchSize: number): AsyncIterable<string[]> {
    return idBatches(this.records, batchSize);
  }

  async accessTokens(actor: Actor): Promise<string[]> {
    const scope = await this.clearance.scopeOf(actor);
    const tokens = ['signedin', `user:${actor.userId}`, `fed:${scope.federationOrgIds[0]}`];
    if (actor.role === 'admin') tokens.push(`orgadmin:${actor.organizationId}`);
    return tokens;
  }
}
