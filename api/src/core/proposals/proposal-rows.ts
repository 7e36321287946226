import { EntityManager } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { enqueueForIndexing } from '../../search/search-indexer';
import { PROPOSALS_INDEX } from './proposal-search.source';
import { ProposalEntity } from './proposal.entity';

const STALE = 'The proposal was changed by someone else in the meantime; reload it and try again';

/** Refuses with CONFLICT when the caller edited an older version than the stored one. */
export function assertExpectedVersion(proposal: ProposalEntity, expectedVersion: number | null | undefined): void {
  if (expectedVersion != null && expectedVersion !== proposal.version) {
    throw AppErrors.conflict(`${STALE} (you had version ${expectedVersion}, it is now at version ${proposal.version})`);
  }
}

/**
 * Writes changes to a proposal row and increments its version, only if nobody changed it since
 * `proposal` was read (CONFLICT otherwise). Returns the proposal as stored.
 */
export async function saveProposalChanges(
  manager: EntityManager,
  proposal: ProposalEntity,
  changes: Partial<Omit<ProposalEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
  expectedVersion?: number | null,
): Promise<ProposalEntity> {
  assertExpectedVersion(proposal, expectedVersion);
  const next = { ...changes, version: proposal.version + 1, updatedAt: new Date() };
  const result = await manager.update(ProposalEntity, { id: proposal.id, version: proposal.version }, next);
  if (result.affected !== 1) throw AppErrors.conflict(STALE);
  await enqueueForIndexing(manager, PROPOSALS_INDEX, [proposal.id]);
  return Object.assign(new ProposalEntity(), proposal, next);
}

/** Marks the proposal as updated (its suggestions or members changed) without a new version. */
export async function touchProposal(manager: EntityManager, proposalId: string): Promise<void> {
  await manager.update(ProposalEntity, { id: proposalId }, { updatedAt: new Date() });
  await enqueueForIndexing(manager, PROPOSALS_INDEX, [proposalId]);
}
