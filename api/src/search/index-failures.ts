/** How many ids of failed documents the health report names per index (the count is exact). */
const NAMED_FAILURES = 20;

export interface IndexHealth {
  /** Documents skipped because indexing them threw: the rest of the index is current. */
  failedDocuments: { count: number; ids: string[]; lastError: string | null };
  /** Set while the index itself cannot be brought up to date (engine or source failing): health is degraded. */
  failure: string | null;
}

/**
 * What went wrong per index: documents skipped (a bad document never fails a rebuild or a pass) and
 * failures of the index as a whole. Kept in memory: a rebuild starts the index's record afresh.
 */
export class IndexFailures {
  private readonly documents = new Map<string, Map<string, string>>();
  private readonly indexes = new Map<string, string>();

  skipped(index: string, entityId: string, error: string): void {
    if (!this.documents.has(index)) this.documents.set(index, new Map());
    this.documents.get(index)!.set(entityId, error);
  }

  /** The entity is in the index now (or removed from it): no longer failed. */
  settled(index: string, entityIds: string[]): void {
    const failed = this.documents.get(index);
    if (failed) for (const id of entityIds) failed.delete(id);
  }

  indexFailed(index: string, reason: string): void {
    this.indexes.set(index, reason);
  }

  indexRecovered(index: string): void {
    this.indexes.delete(index);
  }

  rebuilding(index: string): void {
    this.documents.delete(index);
  }

  failedIndexes(): string[] {
    return [...this.indexes.keys()];
  }

  report(index: string): IndexHealth {
    const failed = [...(this.documents.get(index) ?? new Map<string, string>()).entries()];
    return {
      failedDocuments: {
        count: failed.length,
        ids: failed.slice(0, NAMED_FAILURES).map(([id]) => id),
        lastError: failed.length ? failed[failed.length - 1][1] : null,
      },
      failure: this.indexes.get(index) ?? null,
    };
  }
}
