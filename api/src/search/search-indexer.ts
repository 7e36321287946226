import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { JOB_LOCK, JobLock } from '../common/job-lock';
import { SearchOutboxEntity } from './search-outbox.entity';
import { SearchRegistry } from './search-registry';
import { SEARCH_ENGINE, SearchEngine } from './search.port';

const POLL_MS = 1_000;
const BATCH = 500;
const KEEP_APPLIED_MS = 60 * 60 * 1000;
/** The instance polling a shared engine's outbox; another one takes over this long after it stops. */
const POLLING_LEASE_MS = 10_000;

/**
 * Queues an entity for (re)indexing inside the caller's transaction, so the index can never
 * silently fall behind a committed change: the outbox row commits or rolls back with it.
 */
export async function enqueueForIndexing(manager: EntityManager, indexName: string, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await manager.insert(
    SearchOutboxEntity,
    entityIds.map((entityId) => ({ indexName, entityId })),
  );
}

export interface RebuildProgress {
  index: string;
  done: number;
  total: number | null;
}

/** Applies the outbox to the engine, and rebuilds indexes from the domain sources. */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  /** Outbox rows up to this id are in the engine. */
  private cursor = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private ready: Promise<void> = Promise.resolve();
  rebuilding: RebuildProgress | null = null;

  constructor(
    @InjectRepository(SearchOutboxEntity) private readonly outbox: Repository<SearchOutboxEntity>,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly registry: SearchRegistry,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.configure(this.registry.all().map((s) => s.index));
    // The embedded engine lives in memory: fill it from the database at every start.
    this.ready = this.engine.name === 'embedded' ? this.rebuild() : this.drain();
    this.ready.catch((error: Error) => this.logger.error(`search index start failed: ${error.message}`));
    this.timer = setInterval(() => void this.poll().catch((e: Error) => this.logger.error(e.message)), POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.stopPolling();
  }

  /** Stops applying the outbox in the background; searches still catch up before they run. */
  stopPolling(): void {
    clearInterval(this.timer);
  }

  /** Waits until every change committed so far is searchable (read-your-writes for the caller). */
  async catchUp(): Promise<void> {
    await this.ready;
    await this.drain();
  }

  /**
   * The embedded engine lives in each instance's memory, so every instance applies the outbox to
   * its own copy; a shared engine (Meilisearch) is fed by one instance, the lease holder.
   */
  private async poll(): Promise<void> {
    if (this.engine.name !== 'embedded' && !(await this.locks.holdLease('search-outbox', POLLING_LEASE_MS))) return;
    await this.drain();
  }

  /** Applies pending outbox rows, one drain at a time. */
  drain(): Promise<void> {
    this.chain = this.chain.catch(() => undefined).then(() => this.applyPending());
    return this.chain;
  }

  private async applyPending(): Promise<void> {
    for (;;) {
      const rows = await this.outbox.find({ where: { id: MoreThan(this.cursor) }, order: { id: 'ASC' }, take: BATCH });
      if (rows.length === 0) break;
      const byIndex = new Map<string, Set<string>>();
      for (const row of rows) {
        if (!byIndex.has(row.indexName)) byIndex.set(row.indexName, new Set());
        byIndex.get(row.indexName)!.add(row.entityId);
      }
      for (const [index, ids] of byIndex) await this.reindex(index, [...ids]);
      this.cursor = rows[rows.length - 1].id;
    }
    await this.prune();
  }

  private async reindex(index: string, ids: string[]): Promise<void> {
    const source = this.registry.get(index);
    if (!source) return;
    const documents = await source.documents(ids);
    const found = new Set(documents.map((d) => d.id.split('#')[0]));
    await this.engine.upsert(index, documents);
    const gone = ids.filter((id) => !found.has(id));
    if (gone.length > 0) await this.engine.remove(index, gone.flatMap((id) => [id, `${id}#raw`, `${id}#masked`]));
  }

  /** Applied rows are kept for a while (other instances with an embedded engine), then deleted. */
  private async prune(): Promise<void> {
    await this.outbox.delete({ id: LessThanOrEqual(this.cursor), createdAt: LessThan(new Date(Date.now() - KEEP_APPLIED_MS)) });
  }

  /** Clears and refills one index (or all) from the domain sources, reporting progress. */
  rebuild(only?: string, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    this.chain = this.chain.catch(() => undefined).then(async () => {
      const last = await this.outbox.find({ order: { id: 'DESC' }, take: 1 });
      const upTo = last[0]?.id ?? 0;
      for (const source of this.registry.all()) {
        if (only && source.index.name !== only) continue;
        const progress: RebuildProgress = { index: source.index.name, done: 0, total: null };
        this.rebuilding = progress;
        await this.engine.clear(source.index.name);
        for await (const ids of source.allIds(BATCH)) {
          await this.engine.upsert(source.index.name, await source.documents(ids));
          progress.done += ids.length;
          onProgress?.(progress);
        }
        this.logger.log(`search index ${source.index.name} rebuilt: ${progress.done} entities`);
      }
      this.rebuilding = null;
      this.cursor = Math.max(this.cursor, upTo);
      await this.applyPending();
    });
    return this.chain;
  }

  async lag(): Promise<{ pending: number; oldestSeconds: number }> {
    const pending = await this.outbox.find({ where: { id: MoreThan(this.cursor) }, order: { id: 'ASC' }, take: 1 });
    const count = pending.length ? await this.outbox.countBy({ id: MoreThan(this.cursor) }) : 0;
    return { pending: count, oldestSeconds: pending.length ? (Date.now() - pending[0].createdAt.getTime()) / 1000 : 0 };
  }
}
