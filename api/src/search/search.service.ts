import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppErrors } from '../common/errors';
import { Actor } from '../common/graphql-context';
import { validateInput } from '../common/validation';
import { SearchIndexer } from './search-indexer';
import { SearchRegistry } from './search-registry';
import { SEARCH_ENGINE, SearchEngine, SearchResult } from './search.port';

const searchSchema = z.object({
  index: z.string(),
  text: z.string().max(200, 'must be at most 200 characters'),
  filters: z.array(z.object({ field: z.string(), values: z.array(z.string().max(100)).max(50) })).max(10),
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  offset: z.number().int().min(0, 'must not be negative').max(10_000, 'must be at most 10000'),
});
export type SearchRequest = z.input<typeof searchSchema>;

/** Runs a search for a caller: her access tokens come from the session, never from the request. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly registry: SearchRegistry,
    private readonly indexer: SearchIndexer,
  ) {}

  async search(actor: Actor, request: SearchRequest): Promise<SearchResult> {
    const data = validateInput(searchSchema, request);
    const source = this.registry.get(data.index);
    if (!source) throw AppErrors.badInput('index', 'is not a searchable index');
    const facetFields = source.index.facetFields;
    for (const filter of data.filters) {
      if (!facetFields.includes(filter.field)) throw AppErrors.badInput('filters', `cannot filter on ${filter.field}`);
    }
    const accessTokens = await source.accessTokens(actor);
    await this.indexer.catchUp();
    try {
      return await this.engine.search(source.index.name, {
        text: data.text,
        filters: Object.fromEntries(data.filters.map((f) => [f.field, f.values])),
        accessTokens,
        facets: facetFields,
        limit: data.first,
        offset: data.offset,
      });
    } catch (error) {
      // an engine that is down (or not configured yet) is an outage to report, not a bug to hide
      if (!this.indexer.engineConfigured || !(await this.engine.health()).ok) throw AppErrors.serviceUnavailable('search');
      throw error;
    }
  }
}
