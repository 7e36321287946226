/**
 * The search port. Two adapters implement it (embedded, the default; Meilisearch when MEILI_HOST
 * is set) and both pass one contract suite (test-support/search-contract.ts).
 */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');

export type FieldValue = string | string[] | number | null;

/** A document as the domain modules hand it to the engine: flat fields, all strings or string lists. */
export interface SearchDocument {
  id: string;
  /** Text fields searched, by name; weights come from the index definition. */
  text: Record<string, string>;
  /** Facet/filter fields: exact values. */
  facets: Record<string, string[]>;
  /** Tokens that may see this document; a query matches only if the caller holds one of them. */
  access: string[];
  /** Tokens that may not: a caller holding one of them never gets this document (e.g. a masked copy of what she sees raw). */
  deny?: string[];
  /** Unix milliseconds, used to break ties (newer first). */
  date: number;
  /** Anything the caller wants back with a hit (ids, titles already masked as needed). */
  payload?: Record<string, FieldValue>;
}

export interface IndexDefinition {
  name: string;
  /** Searchable text fields with their weight, most important first. */
  textFields: { name: string; weight: number }[];
  facetFields: string[];
  /** The text field snippets are cropped from. */
  snippetField: string;
}

export interface SearchQuery {
  text: string;
  /** Filters chosen by the caller: for each field, any of the values. */
  filters?: Record<string, string[]>;
  /** The caller's access tokens, set by the server from the session, never by the client. */
  accessTokens: string[];
  facets?: string[];
  limit?: number;
  offset?: number;
}

/** No score: a number computed over the whole index would tell the caller about documents she cannot see. */
export interface SearchHit {
  id: string;
  /** HTML-safe snippet: the text is escaped, matched words wrapped in <mark>. */
  snippet: string;
  payload: Record<string, FieldValue>;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
  tookMs: number;
}

export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  configure(indexes: IndexDefinition[]): Promise<void>;
  upsert(index: string, documents: SearchDocument[]): Promise<void>;
  remove(index: string, ids: string[]): Promise<void>;
  clear(index: string): Promise<void>;
  search(index: string, query: SearchQuery): Promise<SearchResult>;
  count(index: string): Promise<number>;
  health(): Promise<{ ok: boolean; detail?: string }>;
}
