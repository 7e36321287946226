import { EntityManager } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { enqueueForIndexing } from '../../search/search-indexer';
import { EvidenceEntity, EvidenceTagEntity } from './evidence.entity';
import { detectEvidencePii } from './evidence-masking';

/** The search index of evidence (see evidence-search.source.ts). */
export const EVIDENCE_INDEX = 'evidence';

const STALE = 'The evidence was changed by someone else in the meantime; reload it and try again';

export function assertExpectedVersion(record: EvidenceEntity, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== record.version) {
    throw AppErrors.conflict(`${STALE} (you had version ${expectedVersion}, it is now at version ${record.version})`);
  }
}

/** Replaces the population and theme rows of a record (they back filters and facets). */
export async function writeTags(manager: EntityManager, record: EvidenceEntity): Promise<void> {
  await manager.delete(EvidenceTagEntity, { evidenceId: record.id });
  const rows = [
    ...record.populations.map((value) => ({ evidenceId: record.id, kind: 'population' as const, value })),
    ...record.themes.map((value) => ({ evidenceId: record.id, kind: 'theme' as const, value })),
  ];
  if (rows.length) await manager.insert(EvidenceTagEntity, rows);
  await enqueueForIndexing(manager, EVIDENCE_INDEX, [record.id]);
}

export type EvidenceChanges = Partial<Omit<EvidenceEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'piiFindings' | 'titleMasked' | 'narrativeMasked'>>;

/**
 * Writes changes to a record and increments its version, only if nobody changed it since it was
 * read (CONFLICT otherwise). Personal data is detected again from the new content; the tag rows
 * follow populations and themes.
 */
export async function saveEvidenceChanges(
  manager: EntityManager,
  record: EvidenceEntity,
  changes: EvidenceChanges,
  expectedVersion?: number | null,
): Promise<EvidenceEntity> {
  assertExpectedVersion(record, expectedVersion);
  const merged = { ...record, ...changes };
  const next = { ...changes, ...detectEvidencePii(merged), version: record.version + 1, updatedAt: new Date() };
  const result = await manager.update(EvidenceEntity, { id: record.id, version: record.version }, next);
  if (result.affected !== 1) throw AppErrors.conflict(STALE);
  const saved = Object.assign(new EvidenceEntity(), record, next);
  if (changes.populations || changes.themes) await writeTags(manager, saved);
  else await enqueueForIndexing(manager, EVIDENCE_INDEX, [record.id]);
  return saved;
}
