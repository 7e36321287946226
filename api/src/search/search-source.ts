import { MoreThan } from 'typeorm';
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

/** Every id of an entity table in batches, in id order: the usual `allIds` of a source. */
export async function* idBatches(
  repository: { find(options: object): Promise<{ id: string }[]> },
  batchSize: number,
): AsyncIterable<string[]> {
  let after = '';
  for (;;) {
    const rows = await repository.find({ select: { id: true }, where: { id: MoreThan(after) }, order: { id: 'ASC' }, take: batchSize });
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1].id;
  }
}
