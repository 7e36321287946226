import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { DomainEvents } from '../common/domain-events';
import type { Actor } from '../common/graphql-context';
import { PUBSUB, PubSubPort } from '../common/pubsub';

/** Sessions that ended, relayed to every instance (the person's sockets may be open on any of them). */
const REVOKED_CHANNEL = 'sessions.revoked';
interface Revocation {
  from: string;
  userId: string;
  /** One session (a sign-out); absent: all of the user's (deactivation, password change). */
  sessionId?: string;
}

interface TrackedSocket {
  userId: string;
  sessionId: string;
  closeCode: number;
}

export const SESSION_ENDED_REASON = 'session-ended';

/**
 * The open WebSockets of each session, so that a sign-out, a deactivation or a password change
 * closes them at once on every instance, instead of leaving them open on the cookie they were
 * opened with.
 */
@Injectable()
export class SessionSockets implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionSockets.name);
  private readonly sockets = new Map<WebSocket, TrackedSocket>();
  private readonly instanceId = randomUUID();
  private readonly subscription;
  private stopRelay?: () => Promise<void>;

  constructor(
    events: DomainEvents,
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
  ) {
    this.subscription = events.on('sessions.revoked', ({ userId, sessionId }) => this.revokeEverywhere(userId, sessionId));
  }

  async onModuleInit(): Promise<void> {
    this.stopRelay = await this.pubsub.subscribe(REVOKED_CHANNEL, (message) => {
      const revocation = message as Revocation;
      if (revocation.from !== this.instanceId) this.closeSockets(revocation.userId, revocation.sessionId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription.unsubscribe();
    await this.stopRelay?.();
  }

  /** Remembers an open socket of the actor's session; it is closed with `closeCode` when the session ends. */
  track(socket: WebSocket, actor: Pick<Actor, 'userId' | 'sessionId'>, closeCode: number): void {
    if (socket.readyState !== socket.OPEN) return;
    this.sockets.set(socket, { userId: actor.userId, sessionId: actor.sessionId, closeCode });
    socket.once('close', () => this.sockets.delete(socket));
  }

  private revokeEverywhere(userId: string, sessionId?: string): void {
    this.closeSockets(userId, sessionId);
    const revocation: Revocation = { from: this.instanceId, userId, ...(sessionId ? { sessionId } : {}) };
    this.pubsub.publish(REVOKED_CHANNEL, revocation).catch((error: Error) => {
      this.logger.error(`could not tell other instances that sessions of ${userId} ended: ${error.message}`);
    });
  }

  private closeSockets(userId: string, sessionId?: string): void {
    for (const [socket, tracked] of this.sockets) {
      if (tracked.userId !== userId || (sessionId && tracked.sessionId !== sessionId)) continue;
      this.sockets.delete(socket);
      socket.close(tracked.closeCode, SESSION_ENDED_REASON);
    }
  }
}
