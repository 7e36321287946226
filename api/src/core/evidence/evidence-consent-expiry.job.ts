import { todayInChina } from '@jianyan/shared';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { And, DataSource, FindOperator, LessThan, MoreThan, MoreThanOrEqual, Repository } from 'typeorm';
import { JOB_LOCK, JobLock } from '../../common/job-lock';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { EVIDENCE_INDEX } from './evidence-rows';
import { EvidenceEntity } from './evidence.entity';

const INTERVAL_MS = 60 * 60 * 1000;
const BATCH = 500;
/** Several instances: the lease holder runs the job; another takes over if it stops renewing. */
const LEASE_MS = INTERVAL_MS + 5 * 60 * 1000;

/**
 * Consent that lapses changes who may read a record (the consent rule holds it at restricted)
 * without any write, so nothing would queue it for the search index. This job does: at start and
 * every hour it queues the records whose consent expired since its previous run, and the search
 * documents are rebuilt under the rule as it stands then.
 */
@Injectable()
export class EvidenceConsentExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EvidenceConsentExpiryJob.name);
  /** The time of the previous run; null before the first run of this process (then every expired consent is queued). */
  private lastRun: Date | null = null;
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectRepository(EvidenceEntity) private readonly records: Repository<EvidenceEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.running = this.locks
        .holdLease('evidence-consent-expiry', LEASE_MS)
        .then((held) => (held ? this.reindexExpiredConsent(new Date()) : 0))
        .catch((e: Error) => this.logger.error(`consent expiry re-index failed: ${e.message}`));
    };
    run();
    this.timer = setInterval(run, INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the schedule and lets a run in progress finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Queues for re-indexing every record about identifiable people whose consent expired after the
   * previous run and by `now` (consent expiring on day D no longer holds from D+1, China time).
   * Returns how many records were queued. The single entry point of the job, so a job lock can wrap it whole.
   */
  async reindexExpiredConsent(now: Date): Promise<number> {
    const today = todayInChina(now);
    const since = this.lastRun ? todayInChina(this.lastRun) : null;
    const expiredInWindow: FindOperator<string> = since ? And(MoreThanOrEqual(since), LessThan(today)) : LessThan(today);
    let queued = 0;
    let after = '';
    for (;;) {
      const rows = await this.records.find({
        select: { id: true },
        where: { aboutIdentifiablePeople: true, consentObtained: true, consentExpiresOn: expiredInWindow, id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      await runTransaction(this.dataSource, (manager) => enqueueForIndexing(manager, EVIDENCE_INDEX, ids));
      queued += ids.length;
      after = ids[ids.length - 1];
    }
    if (!this.lastRun || now > this.lastRun) this.lastRun = now;
    if (queued > 0) this.logger.log(`queued ${queued} evidence records whose consent expired for re-indexing`);
    return queued;
  }
}
