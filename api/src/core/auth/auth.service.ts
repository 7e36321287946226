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
import { LoginThrottleService } from './login-throttle.service';
import { SessionEntity } from './session.entity';

const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export interface NewSession {
  user: UserEntity;
  token: string;
  expiresAt: Date;
}

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

  async login(identifier: string, password: string): Promise<NewSession> {
    const key = this.throttle.keyFor(identifier);
    await this.throttle.assertNotLocked(key);
    const user = await this.users.verifyCredentials(identifier, password);
    if (!user) {
      await this.throttle.recordFailure(key);
      throw AppErrors.invalidCredentials();
    }
    await this.throttle.clear(key);
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000);
    await this.sessions.insert({ id: sessionIdFor(token), userId: user.id, createdAt: now, expiresAt, lastSeenAt: now });
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(now) });
    return { user, token, expiresAt };
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.delete({ id: actor.sessionId });
    this.events.emit({ type: 'sessions.revoked', userId: actor.userId, sessionId: actor.sessionId });
  }

  /** The caller behind a session token, or null when the session is unknown, expired, or its user is deactivated. */
  async actorForToken(token: string, now = new Date()): Promise<Actor | null> {
    const session = await this.sessions.findOneBy({ id: sessionIdFor(token) });
    if (!session || session.expiresAt <= now) return null;
    const user = await this.users.findById(session.userId);
    if (!user || !user.active) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: now });
    }
    return {
      userId: user.id,
      sessionId: session.id,
      role: user.role,
      organizationId: user.organizationId,
      displayName: user.displayName,
    };
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
