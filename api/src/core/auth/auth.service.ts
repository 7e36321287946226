import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { LessThan, Not, Repository } from 'typeorm';
import { DomainEvents } from '../../common/domain-events';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { KnownDevice, rememberAccount } from './known-device';
import { LoginThrottleService } from './login-throttle.service';
import { SessionEntity } from './session.entity';

/** last-seen is written at most this often per session (and at least ten times per idle timeout). */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export interface SignInAttempt {
  identifier: string;
  password: string;
  /** The client's address as Express sees it (through TRUST_PROXY hops). */
  clientAddress: string | undefined;
  /** The browser's known-device cookie, if it has a valid one. */
  device: KnownDevice | null;
}

export interface NewSession {
  user: UserEntity;
  token: string;
  expiresAt: Date;
  /** The browser as a known device of this account, for the device cookie. */
  device: KnownDevice;
}

/** What a session cookie stands for: a caller, or nothing (with `ended` when the session just ended for idleness). */
export type SessionResolution = { actor: Actor; ended?: undefined } | { actor: null; ended: 'idle' | null };

function sessionIdFor(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Signs in. The attempt reserves its slots in the throttle buckets before the password is
   * checked, so a burst gets no more checks than the limits allow; unknown identifiers go
   * through the same buckets and the same (dummy) hash check as real accounts.
   */
  async login(attempt: SignInAttempt): Promise<NewSession> {
    const account = await this.users.findByLoginIdentifier(attempt.identifier);
    const buckets = this.throttle.bucketsFor({
      identifier: attempt.identifier,
      accountKey: account ? `user:${account.id}` : this.throttle.identifierKey(attempt.identifier),
      clientAddress: attempt.clientAddress,
      knownDeviceId: account && attempt.device?.userIds.includes(account.id) ? attempt.device.id : null,
    });
    const reservations = await this.throttle.reserve(buckets);
    const user = await this.users.checkPassword(account, attempt.password);
    if (!user) {
      await this.throttle.failed(reservations);
      throw AppErrors.invalidCredentials();
    }
    await this.throttle.succeeded(reservations);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({ id: sessionIdFor(token), userId: user.id, createdAt: now, expiresAt, lastSeenAt: now });
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(now) });
    return { user, token, expiresAt, device: rememberAccount(attempt.device, user.id) };
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.delete({ id: actor.sessionId });
    this.events.emit({ type: 'sessions.revoked', userId: actor.userId, sessionId: actor.sessionId });
  }

  /** The caller behind a session token, or null when the session is unknown, expired, idle too long, or its user is deactivated. */
  async actorForToken(token: string, now = new Date()): Promise<Actor | null> {
    return (await this.resolveSession(token, now)).actor;
  }

  /**
   * Resolves a session token. A session unused for longer than the idle timeout is ended and
   * reported as such; activity moves its last-seen time, written at most once per resolution.
   */
  async resolveSession(token: string, now = new Date()): Promise<SessionResolution> {
    const session = await this.sessions.findOneBy({ id: sessionIdFor(token) });
    if (!session) return { actor: null, ended: null };
    if (session.expiresAt <= now) return { actor: null, ended: this.endedIdle(session, session.expiresAt) ? 'idle' : null };
    if (this.endedIdle(session, now)) {
      // Ended at once, but kept as expired (deleted at the user's next sign-in) so that every later
      // request with the cookie (the page, its assets, the API) still learns why.
      await this.sessions.update({ id: session.id }, { expiresAt: now });
      return { actor: null, ended: 'idle' };
    }
    const idleMs = now.getTime() - session.lastSeenAt.getTime();
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) return { actor: null, ended: null };
    const resolutionMs = Math.min(LAST_SEEN_RESOLUTION_MS, this.config.sessionIdleTimeoutMs / 10);
    if (idleMs > resolutionMs) {
      // conditional, so parallel requests of one session write it once
      await this.sessions.update({ id: session.id, lastSeenAt: LessThan(new Date(now.getTime() - resolutionMs)) }, { lastSeenAt: now });
    }
    return {
      actor: {
        userId: user.id,
        sessionId: session.id,
        role: user.role,
        organizationId: user.organizationId,
        displayName: user.displayName,
      },
    };
  }

  /** Whether the session had gone unused for longer than the idle timeout at `moment`. */
  private endedIdle(session: SessionEntity, moment: Date): boolean {
    return moment.getTime() - session.lastSeenAt.getTime() > this.config.sessionIdleTimeoutMs;
  }

  /**
   * Changes the password and signs out every other session of the user. Her open sockets all
   * close (those of this session reconnect, still signed in).
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    await this.users.changePassword(actor.userId, currentPassword, newPassword);
    await this.sessions.delete({ userId: actor.userId, id: Not(actor.sessionId) });
    this.events.emit({ type: 'sessions.revoked', userId: actor.userId });
  }
}
