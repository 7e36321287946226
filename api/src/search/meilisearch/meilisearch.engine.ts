import type { Meilisearch } from 'meilisearch';
import type { IndexDefinition, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../search.port';
import { escapeHtml } from '../text-analysis';

/**
 * Every request to Meilisearch gives up after this long (the client waits forever by default), so a
 * search, a health check or an outbox pass cannot hang on an engine that stopped answering.
 */
export const MEILI_REQUEST_TIMEOUT_MS = 5_000;
/** How long to wait for an indexing task (the client polls it). */
const MEILI_TASK_TIMEOUT_MS = 30_000;

const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** Meilisearch ids allow only [a-zA-Z0-9_-]: a document variant suffix '#raw' is stored as '__raw'. */
const toMeiliId = (id: string) => id.replace('#', '__');
const fromMeiliId = (id: string) => id.replace('__', '#');

/** A filter value quoted for Meilisearch's filter syntax. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Meilisearch highlights without escaping: mark with control characters, escape, then turn them into <mark>. */
export function safeSnippet(formatted: string): string {
  return escapeHtml(formatted).split(MARK_START).join('<mark>').split(MARK_END).join('</mark>');
}

/**
 * The production engine. Index settings are set by code at start; Chinese is segmented by
 * Meilisearch's own jieba-based tokenizer (localized attributes: cmn), so both engines agree.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private client!: Meilisearch;
  private readonly definitions = new Map<string, IndexDefinition>();

  constructor(
    private readonly host: string,
    private readonly apiKey: string | undefined,
    private readonly prefix = 'jianyan_',
  ) {}

  private async meili(): Promise<Meilisearch> {
    if (!this.client) {
      const { Meilisearch: Client } = await import('meilisearch');
      this.client = new Client({
        host: this.host,
        apiKey: this.apiKey,
        timeout: MEILI_REQUEST_TIMEOUT_MS,
        defaultWaitOptions: { timeout: MEILI_TASK_TIMEOUT_MS },
      });
    }
    return this.client;
  }

  private uid(index: string): string {
    return `${this.prefix}${index}`;
  }

  async configure(definitions: IndexDefinition[]): Promise<void> {
    const client = await this.meili();
    for (const definition of definitions) {
      this.definitions.set(definition.name, definition);
      const textFields = [...definition.textFields].sort((a, b) => b.weight - a.weight).map((f) => f.name);
      await client.createIndex(this.uid(definition.name), { primaryKey: 'id' }).waitTask().catch(() => undefined);
      await client
        .index(this.uid(definition.name))
        .updateSettings({
          searchableAttributes: textFields,
          filterableAttributes: [...definition.facetFields, 'access', 'deny'],
          sortableAttributes: ['date'],
          displayedAttributes: ['id', 'payload', 'date', ...textFields],
          // Per-document rules only (no corpus statistics, ranking scores never requested), so the order
          // of a caller's hits does not depend on documents she cannot see.
          rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'date:desc'],
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 100 } },
          localizedAttributes: [{ attributePatterns: textFields, locales: ['cmn'] }],
          faceting: { maxValuesPerFacet: 200 },
          pagination: { maxTotalHits: 100_000 },
        })
        .waitTask();
    }
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((d) => ({ id: toMeiliId(d.id), ...d.text, ...d.facets, access: d.access, deny: d.deny ?? [], date: d.date, payload: d.payload ?? {} }));
    const task = await (await this.meili()).index(this.uid(index)).addDocuments(rows, { primaryKey: 'id' }).waitTask();
    if (task.status !== 'succeeded') throw new Error(`Meilisearch indexing failed: ${JSON.stringify(task.error)}`);
  }

  async remove(index: string, ids: string[]): Promise<void> {
    if (ids.length > 0) await (await this.meili()).index(this.uid(index)).deleteDocuments(ids.map(toMeiliId)).waitTask();
  }

  async clear(index: string): Promise<void> {
    await (await this.meili()).index(this.uid(index)).deleteAllDocuments().waitTask();
  }

  async search(index: string, query: SearchQuery): Promise<SearchResult> {
    const definition = this.definitions.get(index);
    if (!definition) throw new Error(`unknown search index ${index}`);
    const filter = [
      `access IN [${query.accessTokens.map(quote).join(', ') || '""'}]`,
      `deny NOT IN [${query.accessTokens.map(quote).join(', ') || '""'}]`,
      ...Object.entries(query.filters ?? {})
        .filter(([, values]) => values.length > 0)
        .map(([field, values]) => `${field} IN [${values.map(quote).join(', ')}]`),
    ];
    const limit = query.limit ?? 20;
    const started = performance.now();
    const response = await (await this.meili()).index(this.uid(index)).search(query.text, {
      filter,
      facets: query.facets,
      hitsPerPage: limit,
      page: Math.floor((query.offset ?? 0) / limit) + 1,
      attributesToCrop: [definition.snippetField],
      cropLength: 40,
      cropMarker: '…',
      attributesToHighlight: [definition.snippetField],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
      // every word required, as in the embedded engine: 'last' and 'frequency' would drop words by
      // position or by how many documents (the caller's unseen ones too) contain them
      matchingStrategy: 'all',
    });
    return {
      hits: response.hits.map((hit) => ({
        id: fromMeiliId(String(hit.id)),
        snippet: safeSnippet(String((hit._formatted as Record<string, unknown> | undefined)?.[definition.snippetField] ?? '')),
        payload: (hit.payload as SearchResult['hits'][number]['payload']) ?? {},
      })),
      total: response.totalHits ?? response.hits.length,
      facets: (response.facetDistribution as SearchResult['facets']) ?? {},
      tookMs: performance.now() - started,
    };
  }

  async count(index: string): Promise<number> {
    return (await (await this.meili()).index(this.uid(index)).getStats()).numberOfDocuments;
  }

  async health(): Promise<{ ok: boolean; detail?: string }> {
    try {
      const health = await (await this.meili()).health();
      return { ok: health.status === 'available', detail: this.host };
    } catch (error) {
      return { ok: false, detail: (error as Error).message };
    }
  }
}
