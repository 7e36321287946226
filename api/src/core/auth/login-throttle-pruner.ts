import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JOB_LOCK, JobLock } from '../../common/job-lock';
import { LoginThrottleService } from './login-throttle.service';

const INTERVAL_MS = 60 * 60 * 1000;
/** A prune is one DELETE; a crashed holder keeps the others out for this long at most. */
const LOCK_MS = 5 * 60 * 1000;

/**
 * Every attempt from a new address or with a new identifier adds throttle rows; at start and every
 * hour one instance deletes those that no longer count, so the table stays as small as the recent traffic.
 */
@Injectable()
export class LoginThrottlePruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LoginThrottlePruner.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly throttle: LoginThrottleService,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.running = this.locks
        .runExclusive('login-throttle-prune', LOCK_MS, () => this.throttle.prune())
        .catch((e: Error) => this.logger.error(`pruning login_throttles failed: ${e.message}`));
    };
    run();
    this.timer = setInterval(run, INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the schedule and lets a prune in progress finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
