import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { JOB_LOCK, JobLock } from '../common/job-lock';
import { IndexFailures, IndexHealth } from './index-failures';
import { SearchOutboxEntity } from './search-outbox.entity';
import { SearchRegistry } from './search-registry';
import { SearchSource } from './search-source';
import { SEARCH_ENGINE, SearchDocument, SearchEngine } from './search.port';
import { leading } from './text-analysis';

const POLL_MS = 1_000;
const BATCH = 500;
const KEEP_APPLIED_MS = 60 * 60 * 1000;
/** The instance polling a shared engine's outbox; another one takes over this long after it stops. */
const POLLING_LEASE_MS = 10_000;
/**
 * A search waits at most this long for the outbox to be applied (read-your-writes), then answers from
 * the index as it is: an engine that does not take changes must not hold up searches.
 */
const CATCH_UP_WAIT_MS = 2_000;
/**
 * What is indexed of each text field: its first 100,000 characters. A 10 MB body is then
 * searchable by its beginning, and indexing it costs bounded time and memory.
 */
export const MAX_INDEXED_CHARACTERS = 100_000;

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

const entityOf = (documentId: string) => documentId.split('#')[0];
const variantsOf = (entityId: string) => [entityId, `${entityId}#raw`, `${entityId}#masked`];
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function bounded(document: SearchDocument): SearchDocument {
  const text = Object.fromEntries(Object.entries(document.text).map(([field, value]) => [field, leading(value ?? '', MAX_INDEXED_CHARACTERS)]));
  return { ...document, text };
}

/**
 * Applies the outbox to the engine, and rebuilds indexes from the domain sources. A document whose
 * indexing throws is skipped and reported (health) while the others are indexed; an index that
 * cannot be updated at all keeps its changes for the next pass without holding up the other indexes.
 */
@Injectable()
export class SearchIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchIndexer.name);
  /** Outbox rows up to this id are in the engine (or waiting in `postponed`). */
  private cursor = 0;
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private ready: Promise<void> = Promise.resolve();
  private readonly failures = new IndexFailures();
  /** Per failing index, the entities whose changes wait for it, and the first outbox row they came from. */
  private readonly postponed = new Map<string, { ids: Set<string>; fromRow: number }>();
  private readonly needsRebuild = new Set<string>();
  rebuilding: RebuildProgress | null = null;
  /** Whether the engine's indexes have their settings; changes are applied only to a configured engine. */
  private configured = false;
  /** The last failure of the background pass, logged once until it changes or the pass succeeds. */
  private pollFailure: string | null = null;

  constructor(
    @InjectRepository(SearchOutboxEntity) private readonly outbox: Repository<SearchOutboxEntity>,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly registry: SearchRegistry,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {}

  /**
   * An engine that cannot be reached does not stop the start (sign-in and editing do not need it):
   * it is configured, and the changes waiting in the outbox applied, once it answers.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureConfigured().catch((error: Error) => this.logger.error(`search engine ${this.engine.name} not configured: ${error.message}`));
    // The embedded engine lives in memory: fill it from the database at every start.
    this.ready = (this.engine.name === 'embedded' ? this.rebuild() : this.drain()).catch((error: Error) =>
      this.logger.error(`search index start failed: ${error.message}`),
    );
    this.timer = setInterval(() => void this.poll().then(() => this.pollSucceeded(), (e: Error) => this.pollFailed(e)), POLL_MS);
    this.timer.unref();
  }

  get engineConfigured(): boolean {
    return this.configured;
  }

  private async ensureConfigured(): Promise<void> {
    if (this.configured) return;
    await this.engine.configure(this.registry.all().map((s) => s.index));
    this.configured = true;
  }

  private pollFailed(error: Error): void {
    if (error.message === this.pollFailure) return;
    this.pollFailure = error.message;
    this.logger.error(`search outbox not applied (retrying every ${POLL_MS / 1000} s): ${error.message}`);
  }

  private pollSucceeded(): void {
    if (this.pollFailure === null) return;
    this.pollFailure = null;
    this.logger.log('search outbox applied again');
  }

  onApplicationShutdown(): void {
    this.stopPolling();
  }

  /** Stops applying the outbox in the background; searches still catch up before they run. */
  stopPolling(): void {
    clearInterval(this.timer);
  }

  /**
   * Waits until every change committed so far is searchable (read-your-writes for the caller). Never
   * throws: when the outbox cannot be applied the search answers from the index as it is, and
   * health reports why.
   */
  async catchUp(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CATCH_UP_WAIT_MS)));
    const caughtUp = this.ready
      .then(() => this.drain())
      .catch((error: Error) => this.logger.error(`search outbox not applied: ${error.message}`));
    await Promise.race([caughtUp, waited]).finally(() => clearTimeout(timer));
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
    await this.ensureConfigured();
    await this.retryFailedIndexes();
    for (;;) {
      const rows = await this.outbox.find({ where: { id: MoreThan(this.cursor) }, order: { id: 'ASC' }, take: BATCH });
      if (rows.length === 0) break;
      const byIndex = new Map<string, Set<string>>();
      for (const row of rows) {
        if (!byIndex.has(row.indexName)) byIndex.set(row.indexName, new Set());
        byIndex.get(row.indexName)!.add(row.entityId);
      }
      for (const [index, ids] of byIndex) await this.applyOrPostpone(index, [...ids], rows[0].id);
      this.cursor = rows[rows.length - 1].id;
    }
    await this.prune();
  }

  /** An index that failed keeps collecting its changes, in order, until it recovers. */
  private async applyOrPostpone(index: string, ids: string[], fromRow: number): Promise<void> {
    const waiting = this.postponed.get(index);
    if (waiting) {
      for (const id of ids) waiting.ids.add(id);
      return;
    }
    try {
      await this.reindex(index, ids);
    } catch (error) {
      this.postponed.set(index, { ids: new Set(ids), fromRow });
      this.failures.indexFailed(index, `changes not applied: ${messageOf(error)}`);
      this.logger.error(`search index ${index}: changes postponed: ${messageOf(error)}`);
    }
  }

  private async retryFailedIndexes(): Promise<void> {
    for (const index of [...this.needsRebuild]) {
      const source = this.registry.get(index);
      if (source) await this.rebuildIndex(source);
    }
    for (const [index, waiting] of [...this.postponed]) {
      try {
        const ids = [...waiting.ids];
        for (let i = 0; i < ids.length; i += BATCH) await this.reindex(index, ids.slice(i, i + BATCH));
        this.postponed.delete(index);
        this.failures.indexRecovered(index);
      } catch (error) {
        this.failures.indexFailed(index, `changes not applied: ${messageOf(error)}`);
      }
    }
  }

  /**
   * Brings these entities up to date in the index. A document that cannot be read or indexed is
   * removed from the index (never left with stale access tokens), skipped and reported; only a
   * failure of the engine or the database makes the whole call fail.
   */
  private async reindex(index: string, ids: string[]): Promise<void> {
    const source = this.registry.get(index);
    if (!source) return;
    const failed = new Set<string>();
    const documents = await this.documentsOf(source, ids, failed);
    await this.upsertEach(index, documents, failed);
    const found = new Set(documents.map((d) => entityOf(d.id)));
    const gone = ids.filter((id) => !found.has(id) || failed.has(id));
    if (gone.length > 0) await this.engine.remove(index, gone.flatMap(variantsOf));
    this.failures.settled(index, ids.filter((id) => !failed.has(id)));
  }

  private async documentsOf(source: SearchSource, ids: string[], failed: Set<string>): Promise<SearchDocument[]> {
    try {
      return (await source.documents(ids)).map(bounded);
    } catch (error) {
      if (ids.length > 1) {
        const documents: SearchDocument[] = [];
        for (const id of ids) for (const document of await this.documentsOf(source, [id], failed)) documents.push(document);
        return documents;
      }
      await this.skip(source.index.name, ids[0], error, failed);
      return [];
    }
  }

  private async upsertEach(index: string, documents: SearchDocument[], failed: Set<string>): Promise<void> {
    try {
      await this.engine.upsert(index, documents);
    } catch (error) {
      // an engine that is down fails every document: do not try them one by one
      if (!(await this.engine.health().catch(() => ({ ok: false }))).ok) throw error;
      for (const document of documents) {
        try {
          await this.engine.upsert(index, [document]);
        } catch (error) {
          await this.skip(index, entityOf(document.id), error, failed);
        }
      }
    }
  }

  /** Skips a document that failed, unless the failure is the engine's or the database's: then the call fails. */
  private async skip(index: string, entityId: string, error: unknown, failed: Set<string>): Promise<void> {
    const engineHealth = await this.engine.health().catch(() => ({ ok: false }));
    const databaseUp = await this.outbox.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (!engineHealth.ok || !databaseUp) throw error;
    failed.add(entityId);
    this.failures.skipped(index, entityId, messageOf(error));
    this.logger.error(`search index ${index}: document ${entityId} skipped: ${messageOf(error)}`);
  }

  /** Applied rows are kept for a while (other instances with an embedded engine), then deleted. */
  private async prune(): Promise<void> {
    const waiting = [...this.postponed.values()].map((p) => p.fromRow - 1);
    const upTo = Math.min(this.cursor, ...waiting);
    await this.outbox.delete({ id: LessThanOrEqual(upTo), createdAt: LessThan(new Date(Date.now() - KEEP_APPLIED_MS)) });
  }

  /**
   * Clears and refills one index (or all) from the domain sources, reporting progress. An index that
   * fails does not stop the others; it is rebuilt again on the next pass, and the call rejects at the end.
   */
  rebuild(only?: string, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    this.chain = this.chain.catch(() => undefined).then(async () => {
      const last = await this.outbox.find({ order: { id: 'DESC' }, take: 1 });
      const upTo = last[0]?.id ?? 0;
      for (const source of this.registry.all()) {
        if (!only || source.index.name === only) await this.rebuildIndex(source, onProgress);
      }
      this.cursor = Math.max(this.cursor, upTo);
      await this.applyPending();
      const failed = this.failures.failedIndexes();
      if (failed.length > 0) throw new Error(`search indexes not rebuilt: ${failed.join(', ')}`);
    });
    return this.chain;
  }

  private async rebuildIndex(source: SearchSource, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    const name = source.index.name;
    const progress: RebuildProgress = { index: name, done: 0, total: null };
    this.rebuilding = progress;
    this.failures.rebuilding(name);
    try {
      await this.engine.clear(name);
      for await (const ids of source.allIds(BATCH)) {
        await this.reindex(name, ids);
        progress.done += ids.length;
        onProgress?.(progress);
      }
      this.needsRebuild.delete(name);
      this.postponed.delete(name);
      this.failures.indexRecovered(name);
      const skipped = this.failures.report(name).failedDocuments.count;
      this.logger.log(`search index ${name} rebuilt: ${progress.done} entities${skipped ? `, ${skipped} skipped` : ''}`);
    } catch (error) {
      this.needsRebuild.add(name);
      this.failures.indexFailed(name, `rebuild failed: ${messageOf(error)}`);
      this.logger.error(`search index ${name} rebuild failed: ${messageOf(error)}`);
    } finally {
      this.rebuilding = null;
    }
  }

  /** Per index: skipped documents and whether the index itself is failing. */
  indexHealth(index: string): IndexHealth {
    return this.failures.report(index);
  }

  async lag(): Promise<{ pending: number; oldestSeconds: number }> {
    const pending = await this.outbox.find({ where: { id: MoreThan(this.cursor) }, order: { id: 'ASC' }, take: 1 });
    const count = pending.length ? await this.outbox.countBy({ id: MoreThan(this.cursor) }) : 0;
    return { pending: count, oldestSeconds: pending.length ? (Date.now() - pending[0].createdAt.getTime()) / 1000 : 0 };
  }
}
