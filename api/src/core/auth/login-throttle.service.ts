import { parseLoginIdentifier } from '@jianyan/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, LessThan, Repository } from 'typeorm';
import { AppErrors, type ThrottleScope } from '../../common/errors';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { clientAddressKey } from '../../hardening/rate-limit/client-address';
import { LoginThrottleEntity } from './login-throttle.entity';

/** A lock never grows beyond a day, however often a bucket fills; rows older than that are pruned. */
export const MAX_WINDOW_MS = 24 * 3_600_000;
/** The address ceiling counts the failures of one hour; it does not grow, so an office is never out for long. */
const ADDRESS_WINDOW_MS = 3_600_000;
const MAX_SLOWDOWN_MS = 10_000;

/** One counter a sign-in attempt must get a slot in before its password is checked. */
export interface ThrottleBucket {
  key: string;
  limit: number;
  /** What the refusal names: the caller's address, or the account (from here / this device). */
  scope: ThrottleScope;
  /** After a success: true deletes the bucket (the owner proved herself here), false only returns this attempt's slot. */
  clearOnSuccess: boolean;
  /** The first window; a bucket that fills again right after a full window gets twice the last one, up to `maxWindowMs`. */
  windowMs: number;
  maxWindowMs: number;
  /**
   * Whether its failures make later failed answers wait. Only buckets bound to the caller's address
   * or device do, so that the wait never depends on which account an identifier belongs to.
   */
  slowsDown: boolean;
}

export interface Reservation extends ThrottleBucket {
  attempts: number;
}

const T = '"login_throttles"';
const FRESH = `${T}."resetAt" <= CAST(:now AS BIGINT)`;
/** The previous window filled up and ended less than a day ago: the next one is twice as long. */
const GROWS = `${T}."attempts" >= :limit AND ${T}."resetAt" > CAST(:now AS BIGINT) - CAST(:day AS BIGINT)`;
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

function isLoopback(address: string): boolean {
  const ip = address.replace(/^::ffff:/i, '');
  return ip === '::1' || (isIP(ip) === 4 && ip.startsWith('127.'));
}

/**
 * Buckets of sign-in attempts. Each attempt reserves a slot in every bucket that applies before
 * its password is checked; a full bucket refuses with TOO_MANY_ATTEMPTS until its window ends.
 * Account buckets lock for `lockMinutes`, doubling (up to a day) each time they fill again right
 * after a full window. The address bucket mostly slows down: from its second failure each failed
 * answer waits longer (doubling, up to 10 s), and it refuses only past `addressMaxFailures` an hour.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);
  private warnedLoopbackPeer = false;

  constructor(
    @InjectRepository(LoginThrottleEntity) private readonly throttles: Repository<LoginThrottleEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The normalized identifier (e-mail or mobile as parsed) that the per-address and unknown-account buckets are keyed on. */
  identifierKey(identifier: string): string {
    const parsed = parseLoginIdentifier(identifier);
    return (parsed ? `login:${parsed.kind}:${parsed.value}` : `login:raw:${identifier.trim().toLowerCase()}`).slice(0, 200);
  }

  /**
   * The buckets of one attempt. From a known device of the account: that device's own bucket only.
   * Otherwise the address (over all accounts), the identifier from this address, and the account
   * from everywhere (`accountKey`: e-mail and mobile of one account share it). The identifier,
   * not the account, is counted per address, so that guesses from one address never tell whether
   * an e-mail and a mobile number belong to one person. Without a client address only the
   * account-wide bucket counts: there is no address that all such callers could fairly share.
   */
  bucketsFor(attempt: { identifier: string; accountKey: string; clientAddress: string | undefined; knownDeviceId: string | null }): ThrottleBucket[] {
    const { maxFailures, accountMaxFailures, addressMaxFailures, lockMinutes } = this.config.login;
    const lock = { windowMs: lockMinutes * 60_000, maxWindowMs: MAX_WINDOW_MS };
    if (attempt.clientAddress) this.warnOnceIfLoopbackPeer(attempt.clientAddress);
    if (attempt.knownDeviceId) {
      const key = `device:${attempt.knownDeviceId}:${attempt.accountKey}`;
      return [{ key, limit: maxFailures, scope: 'account', clearOnSuccess: true, slowsDown: true, ...lock }];
    }
    const account: ThrottleBucket = { key: `account:${attempt.accountKey}`, limit: accountMaxFailures, scope: 'account', clearOnSuccess: false, slowsDown: false, ...lock };
    if (!attempt.clientAddress) return [account];
    const address = clientAddressKey(attempt.clientAddress);
    return [
      { key: `address:${address}`, limit: addressMaxFailures, scope: 'address', clearOnSuccess: false, slowsDown: true, windowMs: ADDRESS_WINDOW_MS, maxWindowMs: ADDRESS_WINDOW_MS },
      { key: `identifier-address:${this.identifierKey(attempt.identifier)}@${address}`, limit: maxFailures, scope: 'account', clearOnSuccess: true, slowsDown: true, ...lock },
      account,
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
        base: bucket.windowMs,
        max: bucket.maxWindowMs,
        day: MAX_WINDOW_MS,
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
    const attempts = Math.max(0, ...reservations.filter((r) => r.slowsDown).map((r) => r.attempts));
    const { slowdownMs } = this.config.login;
    if (attempts >= 2 && slowdownMs > 0) await sleep(Math.min(slowdownMs * 2 ** Math.min(attempts - 2, 30), MAX_SLOWDOWN_MS));
  }

  /** After the right password: the attempt was no failure, so its slots are given back. */
  async succeeded(reservations: Reservation[], now = Date.now()): Promise<void> {
    for (const reservation of reservations) {
      if (reservation.clearOnSuccess) await this.throttles.delete({ key: reservation.key });
      else await this.run(RETURN_SLOT, { key: reservation.key, now });
    }
  }

  /**
   * Deletes the buckets whose window ended more than a day ago: they can neither refuse nor
   * lengthen a next window (see GROWS), so they are as good as absent. Returns how many went.
   */
  async prune(now = Date.now()): Promise<number> {
    return (await this.throttles.delete({ resetAt: LessThan(now - MAX_WINDOW_MS) })).affected ?? 0;
  }

  /** With TRUST_PROXY off, a loopback peer is usually a proxy on this host: every client would share its address. */
  private warnOnceIfLoopbackPeer(clientAddress: string): void {
    if (this.warnedLoopbackPeer || this.config.trustProxy !== false || !isLoopback(clientAddress)) return;
    this.warnedLoopbackPeer = true;
    this.logger.warn(
      `a sign-in came from the loopback address ${clientAddress} while TRUST_PROXY is off: behind a proxy? set TRUST_PROXY, or every client shares the proxy's address in the sign-in limits`,
    );
  }

  private async refusal(bucket: ThrottleBucket, now: number) {
    const row = await this.throttles.findOneBy({ key: bucket.key });
    const waitMs = row ? row.resetAt - now : bucket.windowMs;
    return AppErrors.tooManyAttempts(Math.max(1, Math.ceil(waitMs / 1000)), bucket.scope);
  }

  private async run<T>(sql: string, params: Record<string, string | number>): Promise<T[]> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params, {});
    const result: unknown = await this.dataSource.query(text, values);
    return Array.isArray(result) ? (result as T[]) : [];
  }
}
