import { parseLoginIdentifier } from '@jianyan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, Repository } from 'typeorm';
import { AppErrors, type ThrottleScope } from '../../common/errors';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { clientAddressKey } from '../../hardening/rate-limit/client-address';
import { LoginThrottleEntity } from './login-throttle.entity';

/** A lock never grows beyond a day, however often a bucket fills. */
const MAX_WINDOW_MS = 24 * 3_600_000;
const MAX_SLOWDOWN_MS = 5_000;

/** One counter a sign-in attempt must get a slot in before its password is checked. */
export interface ThrottleBucket {
  key: string;
  limit: number;
  /** What the refusal names: the caller's address, or the account (from here / this device). */
  scope: ThrottleScope;
  /** After a success: true deletes the bucket (the owner proved herself here), false only returns this attempt's slot. */
  clearOnSuccess: boolean;
}

export interface Reservation extends ThrottleBucket {
  attempts: number;
}

/** Writes `:name` parameters as `$n` (PostgreSQL) or `?` (SQLite). */
function positional(sql: string, params: Record<string, string | number>, postgres: boolean): [string, (string | number)[]] {
  const values: (string | number)[] = [];
  const text = sql.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`missing SQL parameter ${name}`);
    values.push(params[name]);
    return postgres ? `$${values.length}` : '?';
  });
  return [text, values];
}

const T = '"login_throttles"';
const FRESH = `${T}."resetAt" <= CAST(:now AS BIGINT)`;
/** The previous window filled up and ended less than a day ago: the next one is twice as long. */
const GROWS = `${T}."attempts" >= :limit AND ${T}."resetAt" > CAST(:now AS BIGINT) - CAST(:max AS BIGINT)`;
const NEXT_WINDOW = `CASE WHEN ${GROWS} THEN (CASE WHEN ${T}."windowMs" * 2 > CAST(:max AS BIGINT) THEN CAST(:max AS BIGINT) ELSE ${T}."windowMs" * 2 END) ELSE CAST(:base AS BIGINT) END`;
/**
 * Reserves one attempt in a bucket, atomically: a row comes back only if the bucket had room
 * (or its window had ended), so parallel attempts can never take more slots than the limit.
 */
const RESERVE = `INSERT INTO ${T} ("key", "attempts", "windowMs", "resetAt")
  VALUES (:key, 1, CAST(:base AS BIGINT), CAST(:now AS BIGINT) + CAST(:base AS BIGINT))
  ON CONFLICT ("key") DO UPDATE SET
    "attempts" = CASE WHEN ${FRESH} THEN 1 ELSE ${T}."attempts" + 1 END,
    "windowMs" = CASE WHEN ${FRESH} THEN ${NEXT_WINDOW} ELSE ${T}."windowMs" END,
    "resetAt" = CASE WHEN ${FRESH} THEN CAST(:now AS BIGINT) + ${NEXT_WINDOW} ELSE ${T}."resetAt" END
  WHERE ${FRESH} OR ${T}."attempts" < :limit
  RETURNING "attempts"`;
const RETURN_SLOT = `UPDATE ${T} SET "attempts" = "attempts" - 1 WHERE "key" = :key AND "attempts" > 0 AND "resetAt" > CAST(:now AS BIGINT)`;

/**
 * Buckets of sign-in attempts. Each attempt reserves a slot in every bucket that applies before
 * its password is checked; a full bucket refuses with TOO_MANY_ATTEMPTS until its window ends.
 * Windows last `lockMinutes` and double (up to a day) each time a bucket fills again right after
 * a full window; after the second failure in a bucket each failed answer also waits longer.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottleEntity) private readonly throttles: Repository<LoginThrottleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The bucket key of an identifier that names no account: it locks exactly like an account would. */
  identifierKey(identifier: string): string {
    const parsed = parseLoginIdentifier(identifier);
    return (parsed ? `login:${parsed.kind}:${parsed.value}` : `login:raw:${identifier.trim().toLowerCase()}`).slice(0, 200);
  }

  /**
   * The buckets of one attempt. From a known device of the account: that device's own bucket only.
   * Otherwise the address (over all accounts), the account from this address, and the account
   * from everywhere (e-mail and mobile of one account share `accountKey`).
   */
  bucketsFor(attempt: { accountKey: string; clientAddress: string | undefined; knownDeviceId: string | null }): ThrottleBucket[] {
    const { maxFailures, accountMaxFailures, addressMaxFailures } = this.config.login;
    if (attempt.knownDeviceId) {
      return [{ key: `device:${attempt.knownDeviceId}:${attempt.accountKey}`, limit: maxFailures, scope: 'account', clearOnSuccess: true }];
    }
    const address = clientAddressKey(attempt.clientAddress);
    return [
      { key: `address:${address}`, limit: addressMaxFailures, scope: 'address', clearOnSuccess: false },
      { key: `account-address:${attempt.accountKey}@${address}`, limit: maxFailures, scope: 'account', clearOnSuccess: true },
      { key: `account:${attempt.accountKey}`, limit: accountMaxFailures, scope: 'account', clearOnSuccess: false },
    ];
  }

  /** Reserves a slot in every bucket, in order; throws TOO_MANY_ATTEMPTS for the first full one. */
  async reserve(buckets: ThrottleBucket[], now = Date.now()): Promise<Reservation[]> {
    const reservations: Reservation[] = [];
    for (const bucket of buckets) {
      const rows = await this.run<{ attempts: number | string }>(RESERVE, {
        key: bucket.key,
        limit: bucket.limit,
        now,
        base: this.config.login.lockMinutes * 60_000,
        max: MAX_WINDOW_MS,
      });
      if (rows.length === 0) throw await this.refusal(bucket, now);
      reservations.push({ ...bucket, attempts: Number(rows[0].attempts) });
    }
    return reservations;
  }

  /** After a wrong password: refuses at once when this attempt filled a bucket, else waits the slow-down. */
  async failed(reservations: Reservation[], now = Date.now()): Promise<void> {
    const filled = reservations.find((r) => r.attempts >= r.limit);
    if (filled) throw await this.refusal(filled, now);
    const attempts = Math.max(0, ...reservations.map((r) => r.attempts));
    const { slowdownMs } = this.config.login;
    if (attempts >= 2 && slowdownMs > 0) await sleep(Math.min(slowdownMs * 2 ** (attempts - 2), MAX_SLOWDOWN_MS));
  }

  /** After the right password: the attempt was no failure, so its slots are given back. */
  async succeeded(reservations: Reservation[], now = Date.now()): Promise<void> {
    for (const reservation of reservations) {
      if (reservation.clearOnSuccess) await this.throttles.delete({ key: reservation.key });
      else await this.run(RETURN_SLOT, { key: reservation.key, now });
    }
  }

  private async refusal(bucket: ThrottleBucket, now: number) {
    const row = await this.throttles.findOneBy({ key: bucket.key });
    const waitMs = row ? row.resetAt - now : this.config.login.lockMinutes * 60_000;
    return AppErrors.tooManyAttempts(Math.max(1, Math.ceil(waitMs / 1000)), bucket.scope);
  }

  private async run<T>(sql: string, params: Record<string, string | number>): Promise<T[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const [text, values] = positional(sql, params, postgres);
    const result: unknown = await this.dataSource.query(text, values);
    return Array.isArray(result) ? (result as T[]) : [];
  }
}
