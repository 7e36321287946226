import { Args, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../common/graphql-context';
import { CurrentActor } from '../core/auth/decorators';
import { SearchInput, SearchResultModel } from './search.model';
import { SearchService } from './search.service';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => SearchResultModel, { description: 'Searches what the caller is cleared to see, by words and facets' })
  async search(@CurrentActor() actor: Actor, @Args('input') input: SearchInput): Promise<SearchResultModel> {
    const result = await this.searchService.search(actor, input);
    return {
      total: result.total,
      hits: result.hits.map((hit) => ({
        id: hit.id.split('#')[0],
        snippet: hit.snippet,
        fields: Object.entries(hit.payload).map(([name, value]) => ({
          name,
          value: value === null ? null : Array.isArray(value) ? value.join(',') : String(value),
        })),
      })),
      facets: Object.entries(result.facets).map(([field, counts]) => ({
        field,
        values: Object.entries(counts)
          .map(([value, count]) => ({ value, count }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
      })),
    };
  }
}
