import { EVIDENCE_SOURCE_TYPES, EVIDENCE_STATUSES, EVIDENCE_TAG_MAX_LENGTH, POPULATION_GROUPS, SENSITIVITY_LEVELS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository, SelectQueryBuilder } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { calendarDate, validateInput } from '../../common/validation';
import { EvidenceClearanceService, EvidenceView } from './evidence-clearance.service';
import { EvidenceEntity, EvidenceTagEntity } from './evidence.entity';
import { EvidenceFilter } from './evidence.inputs';
import { EvidenceFacetsModel, FacetCountModel } from './evidence.model';
import { likeEscape } from '../../database/like-pattern';

export const evidenceFilterSchema = z.object({
  districtId: z.string().nullish(),
  population: z.enum(POPULATION_GROUPS).nullish(),
  theme: z.string().trim().max(EVIDENCE_TAG_MAX_LENGTH, `must be at most ${EVIDENCE_TAG_MAX_LENGTH} characters`).nullish(),
  sourceType: z.enum(EVIDENCE_SOURCE_TYPES).nullish(),
  from: calendarDate.nullish(),
  to: calendarDate.nullish(),
  sensitivity: z.enum(SENSITIVITY_LEVELS).nullish(),
  status: z.enum(EVIDENCE_STATUSES).nullish(),
  contributorId: z.string().nullish(),
  text: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
});
export type EvidenceFilterData = z.output<typeof evidenceFilterSchema>;

type FacetName = 'districts' | 'populations' | 'themes' | 'sourceTypes' | 'sensitivities';
/** The filter each facet leaves out, so its counts show the other choices. */
const OWN_FILTER: Record<FacetName, keyof EvidenceFilterData> = {
  districts: 'districtId',
  populations: 'population',
  themes: 'theme',
  sourceTypes: 'sourceType',
  sensitivities: 'sensitivity',
};


/** Reading evidence: one record, pages and facets, always under the clearance filter. */
@Injectable()
export class EvidenceQueryService {
  constructor(
    @InjectRepository(EvidenceEntity) private readonly evidence: Repository<EvidenceEntity>,
    private readonly clearance: EvidenceClearanceService,
  ) {}

  /** The record as the caller may see it; NOT_FOUND when it does not exist or she may not see it. */
  async get(actor: Actor, id: string): Promise<EvidenceView> {
    return this.clearance.check(actor, await this.evidence.findOneBy({ id }));
  }

  /** Views of those of these records the caller may see (others are left out), by id. */
  async visibleByIds(actor: Actor, ids: readonly string[]): Promise<Map<string, EvidenceView>> {
    if (ids.length === 0) return new Map();
    const query = this.evidence.createQueryBuilder('e').where('e.id IN (:...ids)', { ids: [...new Set(ids)] });
    await this.clearance.restrictToVisible(query, actor, 'e');
    const views = await this.clearance.viewsOf(actor, await query.getMany());
    return new Map(views.map((v) => [v.record.id, v]));
  }

  /** The filtered query over the records the caller sees, optionally leaving one filter out. */
  async visibleQuery(actor: Actor, filter: EvidenceFilterData, skip?: keyof EvidenceFilterData): Promise<SelectQueryBuilder<EvidenceEntity>> {
    const f = { ...filter, ...(skip ? { [skip]: null } : {}) };
    const query = this.evidence.createQueryBuilder('e');
    await this.clearance.restrictToVisible(query, actor, 'e');
    if (f.districtId) query.andWhere('e.districtId = :districtId', { districtId: f.districtId });
    if (f.sourceType) query.andWhere('e.sourceType = :sourceType', { sourceType: f.sourceType });
    if (f.status) query.andWhere('e.status = :status', { status: f.status });
    if (f.contributorId) query.andWhere('e.contributorId = :contributorId', { contributorId: f.contributorId });
    if (f.sensitivity) query.andWhere(`${this.clearance.effectiveSql('e')} = :sensitivity`, { sensitivity: f.sensitivity });
    if (f.to) query.andWhere('e.dateFrom <= :to', { to: f.to });
    if (f.from) query.andWhere('COALESCE(e.dateTo, e.dateFrom) >= :from', { from: f.from });
    for (const [kind, value] of [['population', f.population], ['theme', f.theme]] as const) {
      if (!value) continue;
      const tagged = query
        .subQuery()
        .select('ft.evidenceId')
        .from(EvidenceTagEntity, 'ft')
        .where(`ft.kind = :${kind}Kind AND ft.value = :${kind}Value`)
        .getQuery();
      query.andWhere(`e.id IN ${tagged}`, { [`${kind}Kind`]: kind, [`${kind}Value`]: value });
    }
    if (f.text) {
      // Masked text for everyone; raw text only where the caller may read it raw, so a search
      // cannot reveal what masking hides.
      const like = `%${likeEscape(f.text.toLowerCase())}%`;
      const raw = await this.clearance.rawCondition(actor, 'e', query);
      query.andWhere(
        new Brackets((w) =>
          w
            .where("(LOWER(e.titleMasked) LIKE :text ESCAPE '\\' OR LOWER(e.narrativeMasked) LIKE :text ESCAPE '\\')", { text: like })
            .orWhere(
              new Brackets((r) =>
                r.where(raw).andWhere("(LOWER(e.title) LIKE :text ESCAPE '\\' OR LOWER(e.narrative) LIKE :text ESCAPE '\\')"),
              ),
            ),
        ),
      );
    }
    return query;
  }

  /** Newest change first, a page at a time, with the total under the same filter. */
  async list(actor: Actor, first: number, after?: string | null, filter?: EvidenceFilter | null): Promise<Page<EvidenceView>> {
    const size = validateInput(pageSizeSchema, first);
    const f = validateInput(evidenceFilterSchema, filter ?? {});
    const query = await this.visibleQuery(actor, f);
    const totalCount = await query.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
        throw AppErrors.badInput('after', 'is not a valid cursor');
      }
      query.andWhere('(e.updatedAt < :cursorAt OR (e.updatedAt = :cursorAt AND e.id < :cursorId))', { cursorAt: new Date(at), cursorId: id });
    }
    const rows = await query
      .orderBy('e.updatedAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(size + 1)
      .getMany();
    const page = rows.slice(0, size);
    const nodes = await this.clearance.viewsOf(actor, page);
    const last = page[page.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.updatedAt.toISOString(), last.id]) : null },
    };
  }

  /** Every record the caller sees under the filter (for exports), newest change first. */
  async all(actor: Actor, filter: EvidenceFilterData, limit: number): Promise<EvidenceView[]> {
    const query = await this.visibleQuery(actor, filter);
    const rows = await query.orderBy('e.updatedAt', 'DESC').addOrderBy('e.id', 'DESC').limit(limit).getMany();
    return this.clearance.viewsOf(actor, rows);
  }

  /** Counts per district, population, theme, source type and effective sensitivity, in SQL under the clearance filter. */
  async facets(actor: Actor, filter?: EvidenceFilter | null): Promise<EvidenceFacetsModel> {
    const f = validateInput(evidenceFilterSchema, filter ?? {});
    const total = await (await this.visibleQuery(actor, f)).getCount();
    const grouped = async (facet: FacetName, expression: string, join?: 'population' | 'theme'): Promise<FacetCountModel[]> => {
      const query = await this.visibleQuery(actor, f, OWN_FILTER[facet]);
      if (join) query.innerJoin(EvidenceTagEntity, 'tag', 'tag.evidenceId = e.id AND tag.kind = :facetKind', { facetKind: join });
      const rows = await query
        .select(expression, 'value')
        .addSelect('COUNT(*)', 'count')
        .andWhere(`${expression} IS NOT NULL`)
        .groupBy(expression)
        .getRawMany<{ value: string; count: string | number }>();
      return rows
        .map((r) => ({ value: String(r.value), count: Number(r.count) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const effective = this.clearance.effectiveSql('e');
    return {
      total,
      districts: await grouped('districts', 'e.districtId'),
      populations: await grouped('populations', 'tag.value', 'population'),
      themes: await grouped('themes', 'tag.value', 'theme'),
      sourceTypes: await grouped('sourceTypes', 'e.sourceType'),
      sensitivities: await grouped('sensitivities', effective),
    };
  }

  async findByIds(ids: readonly string[]): Promise<EvidenceEntity[]> {
    return ids.length ? this.evidence.findBy({ id: In([...ids]) }) : [];
  }
}
