import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import * as Y from 'yjs';
import { runTransaction } from '../database/transactions';
import { DocumentSnapshotEntity, DocumentUpdateEntity } from './document-update.entity';

export interface StoredDocumentStats {
  updates: number;
  updateBytes: number;
  snapshotBytes: number;
}

/**
 * Durable Yjs storage: `append` writes one update (before the server acknowledges it);
 * `load` rebuilds a document from its snapshot plus later updates; `compact` merges them.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger(DocumentStore.name);

  constructor(
    @InjectRepository(DocumentUpdateEntity) private readonly updates: Repository<DocumentUpdateEntity>,
    @InjectRepository(DocumentSnapshotEntity) private readonly snapshots: Repository<DocumentSnapshotEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Queued with other transactions on SQLite, so an open transaction's rollback cannot take it along. */
  async append(documentName: string, update: Uint8Array, userId: string | null): Promise<void> {
    await runTransaction(this.dataSource, (manager) =>
      manager.insert(DocumentUpdateEntity, { documentName, data: Buffer.from(update), userId }),
    );
  }

  async exists(documentName: string): Promise<boolean> {
    return (await this.snapshots.existsBy({ documentName })) || (await this.updates.existsBy({ documentName }));
  }

  /** Applies the stored state to `doc`. An update that cannot be decoded is logged and skipped. */
  async load(documentName: string, doc: Y.Doc): Promise<void> {
    const snapshot = await this.snapshots.findOneBy({ documentName });
    const rows = await this.updates.find({
      where: { documentName, id: MoreThan(snapshot?.lastUpdateId ?? 0) },
      order: { id: 'ASC' },
    });
    Y.transact(doc, () => {
      if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
      for (const row of rows) {
        try {
          Y.applyUpdate(doc, new Uint8Array(row.data));
        } catch (error) {
          this.logger.error(`skipping undecodable update ${row.id} of ${documentName}: ${(error as Error).message}`);
        }
      }
    });
  }

  async pendingUpdateCount(documentName: string): Promise<number> {
    const snapshot = await this.snapshots.findOneBy({ documentName });
    return this.updates.countBy({ documentName, id: MoreThan(snapshot?.lastUpdateId ?? 0) });
  }

  /**
   * Merges the snapshot and every stored update into a new snapshot, then deletes those
   * updates, in one transaction. It works from the stored rows only, so an update that is
   * being written concurrently (its id is above the merged ones) is never lost.
   */
  async compact(documentName: string): Promise<{ merged: number }> {
    return runTransaction(this.dataSource, async (manager) => {
      const snapshot = await manager.findOneBy(DocumentSnapshotEntity, { documentName });
      const after = snapshot?.lastUpdateId ?? 0;
      const rows = await manager.find(DocumentUpdateEntity, {
        where: { documentName, id: MoreThan(after) },
        order: { id: 'ASC' },
      });
      if (rows.length === 0) return { merged: 0 };
      const doc = new Y.Doc();
      if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
      for (const row of rows) {
        try {
          Y.applyUpdate(doc, new Uint8Array(row.data));
        } catch {
          // an undecodable update is dropped by compaction (it was already skipped by every load)
        }
      }
      const lastUpdateId = rows[rows.length - 1].id;
      await manager.save(DocumentSnapshotEntity, {
        documentName,
        state: Buffer.from(Y.encodeStateAsUpdate(doc)),
        lastUpdateId,
        updateCount: (snapshot?.updateCount ?? 0) + rows.length,
        updatedAt: new Date(),
      });
      await manager.delete(DocumentUpdateEntity, { documentName, id: LessThanOrEqual(lastUpdateId) });
      doc.destroy();
      return { merged: rows.length };
    });
  }

  /** Documents with at least `threshold` updates waiting to be compacted. */
  async documentsToCompact(threshold: number): Promise<string[]> {
    const rows: { documentName: string }[] = await this.updates
      .createQueryBuilder('u')
      .select('u.documentName', 'documentName')
      .groupBy('u.documentName')
      .having('COUNT(*) >= :threshold', { threshold })
      .getRawMany();
    return rows.map((r) => r.documentName);
  }

  async stats(documentName: string): Promise<StoredDocumentStats> {
    const rows = await this.updates.find({ where: { documentName }, select: { data: true } });
    const snapshot = await this.snapshots.findOneBy({ documentName });
    return {
      updates: rows.length,
      updateBytes: rows.reduce((sum, r) => sum + r.data.length, 0),
      snapshotBytes: snapshot?.state.length ?? 0,
    };
  }
}
