import { Injectable } from '@nestjs/common';
import { SearchSource } from './search-source';

/** Sources registered by the domain modules at start. */
@Injectable()
export class SearchRegistry {
  private readonly sources = new Map<string, SearchSource>();

  register(source: SearchSource): void {
    this.sources.set(source.index.name, source);
  }

  get(index: string): SearchSource | undefined {
    return this.sources.get(index);
  }

  all(): SearchSource[] {
    return [...this.sources.values()];
  }
}
