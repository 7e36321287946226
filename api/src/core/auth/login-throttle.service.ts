import { parseLoginIdentifier } from '@jianyan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AppErrors } from '../../common/errors';
import { LoginThrottleEntity } from './login-throttle.entity';

/** Failures older than this no longer count towards a lock. */
const FAILURE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Slows, then refuses, repeated failed sign-ins for one identifier: after the second failure
 * each answer waits longer; at `maxFailures` the identifier is locked for `lockMinutes`.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottleEntity) private readonly throttles: Repository<LoginThrottleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  keyFor(identifier: string): string {
    const parsed = parseLoginIdentifier(identifier);
    return (parsed ? `${parsed.kind}:${parsed.value}` : `raw:${identifier.trim().toLowerCase()}`).slice(0, 300);
  }

  async assertNotLocked(key: string, now = new Date()): Promise<void> {
    const row = await this.throttles.findOneBy({ key });
    if (row?.lockedUntil && row.lockedUntil > now) {
      throw AppErrors.tooManyAttempts(Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }

  /** Records a failure, waits the slow-down for it, and throws TOO_MANY_ATTEMPTS once the limit is reached. */
  async recordFailure(key: string, now = new Date()): Promise<void> {
    const row = await this.throttles.findOneBy({ key });
    const recent = row && now.getTime() - row.lastFailureAt.getTime() < FAILURE_WINDOW_MS && !this.lockExpired(row, now);
    const failures = recent ? row.failures + 1 : 1;
    const { maxFailures, lockMinutes, slowdownMs } = this.config.login;
    const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockMinutes * 60_000) : null;
    await this.throttles.save({ key, failures, lastFailureAt: now, lockedUntil });
    if (lockedUntil) throw AppErrors.tooManyAttempts(lockMinutes * 60);
    if (failures >= 2 && slowdownMs > 0) await sleep(Math.min(slowdownMs * 2 ** (failures - 2), 5_000));
  }

  async clear(key: string): Promise<void> {
    await this.throttles.delete({ key });
  }

  private lockExpired(row: LoginThrottleEntity, now: Date): boolean {
    return row.lockedUntil !== null && row.lockedUntil <= now;
  }
}
