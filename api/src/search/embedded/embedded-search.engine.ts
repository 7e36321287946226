import type { IndexDefinition, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../search.port';
import { EmbeddedIndex } from './embedded-index';

/** The default engine: in-process indexes, rebuilt from the database at start and kept current by the outbox. */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  private readonly indexes = new Map<string, EmbeddedIndex>();

  async configure(definitions: IndexDefinition[]): Promise<void> {
    for (const definition of definitions) {
      if (!this.indexes.has(definition.name)) this.indexes.set(definition.name, new EmbeddedIndex(definition));
    }
  }

  private index(name: string): EmbeddedIndex {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`unknown search index ${name}`);
    return index;
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    const target = this.index(index);
    for (const document of documents) target.upsert(document);
  }

  async remove(index: string, ids: string[]): Promise<void> {
    const target = this.index(index);
    for (const id of ids) target.remove(id);
  }

  async clear(index: string): Promise<void> {
    this.index(index).clear();
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const result = this.index(index).search(query);
    return { ...result, tookMs: performance.now() - started };
  }

  async count(index: string): Promise<number> {
    return this.index(index).size;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    return { ok: true, detail: [...this.indexes.values()].map((i) => `${i.definition.name}: ${i.size}`).join(', ') };
  }
}
