import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import * as Y from 'yjs';
import { runTransaction } from '../database/transactions';
import { DocumentDerivationEntity, DocumentSnapshotEntity, DocumentUpdateEntity } from './document-update.entity';

/** A document as the database holds it: snapshot plus later updates, up to `lastUpdateId`. */
export interface StoredDocument {
  doc: Y.Doc;
  lastUpdateId: number;
}

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
    @InjectRepository(DocumentDerivationEntity) private readonly derivations: Repository<DocumentDerivationEntity>,
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

  /** Applies the stored state to `doc`; returns the id of the last stored update it includes. */
  async load(documentName: string, doc: Y.Doc): Promise<number> {
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
    return rows.length > 0 ? rows[rows.length - 1].id : (snapshot?.lastUpdateId ?? 0);
  }

  /** A fresh copy of the stored document (the caller destroys it). */
  async loadStored(documentName: string): Promise<StoredDocument> {
    const doc = new Y.Doc();
    return { doc, lastUpdateId: await this.load(documentName, doc) };
  }

  /** Records that the derived body now reflects every stored update up to `lastUpdateId` (never moves back). */
  async markDerived(documentName: string, lastUpdateId: number): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      const current = await manager.findOneBy(DocumentDerivationEntity, { documentName });
      if (current && current.lastUpdateId >= lastUpdateId) return;
      await manager.save(DocumentDerivationEntity, { documentName, lastUpdateId, updatedAt: new Date() });
    });
  }

  /** Documents with stored updates newer than their derived body (or never derived). */
  async documentsToDerive(): Promise<string[]> {
    const latest = new Map<string, number>();
    const updateRows: { documentName: string; lastUpdateId: number | string }[] = await this.updates
      .createQueryBuilder('u')
      .select('u.documentName', 'documentName')
      .addSelect('MAX(u.id)', 'lastUpdateId')
      .groupBy('u.documentName')
      .getRawMany();
    for (const row of updateRows) latest.set(row.documentName, Number(row.lastUpdateId));
    for (const snapshot of await this.snapshots.find({ select: { documentName: true, lastUpdateId: true } })) {
      latest.set(snapshot.documentName, Math.max(latest.get(snapshot.documentName) ?? 0, snapshot.lastUpdateId));
    }
    const derived = new Map((await this.derivations.find()).map((row) => [row.documentName, row.lastUpdateId]));
    return [...latest].filter(([name, id]) => id > (derived.get(name) ?? 0)).map(([name]) => name);
  }

  /** The last stored update the document's derived body reflects (0: never derived). */
  async derivedThrough(documentName: string): Promise<number> {
    return (await this.derivations.findOneBy({ documentName }))?.lastUpdateId ?? 0;
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
