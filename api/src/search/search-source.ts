import type { Actor } from '../common/graphql-context';
import type { IndexDefinition, SearchDocument } from './search.port';

/**
 * What a domain module registers to have its entities searched: the index definition, how to
 * turn entities into documents (already masked for the views they carry tokens for), and which
 * access tokens a caller holds. The search module never reads domain tables itself.
 */
export interface SearchSource {
  readonly index: IndexDefinition;
  /** Documents for these entity ids; ids missing from the result are removed from the index. */
  documents(entityIds: string[]): Promise<SearchDocument[]>;
  /** Every entity id, in batches, for a full rebuild. */
  allIds(batchSize: number): AsyncIterable<string[]>;
  /** The tokens the caller holds for this index (see SearchDocument.access). */
  accessTokens(actor: Actor): Promise<string[]>;
}
