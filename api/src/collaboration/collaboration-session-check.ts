import type { Connection, Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { WebSocket } from 'ws';
import { SESSION_ENDED_REASON } from '../websockets/session-sockets';
import { documentUpdateIn } from './sync-messages';

/** Hocuspocus' "Unauthorized" close code: the provider reconnects, and is refused without a session. */
export const COLLAB_SESSION_ENDED_CODE = 4401;
/** Hocuspocus' "Forbidden" close code: the caller may no longer write this document. */
export const COLLAB_WRITE_REVOKED_CODE = 4403;
export const WRITE_REVOKED_REASON = 'write-access-revoked';

/**
 * How long a connection's "may write" answer is reused. The access check reads the proposal row
 * (its body included) and the caller's membership, so asking at every keystroke would cost several
 * queries each; reusing the answer for 1 s costs one check per second of typing, and bounds to 1 s
 * how long a member whose access ended can still write on an instance that was not told (Redis
 * away): without this check she would write until she reconnects.
 */
export const WRITE_ACCESS_REUSE_MS = 1_000;

/** The session a collaboration connection was authenticated with. */
export interface ConnectionSession {
  sessionToken?: string;
}

export interface WriteChecks<Context> {
  sessionIsValid(sessionToken: string): Promise<boolean>;
  /** Whether the connection's caller may still write its proposal's document (member with edit rights, editable status). */
  mayStillWrite(context: Context): Promise<boolean>;
}

/**
 * Checks the session and the caller's write access again at document updates, before they are
 * stored (extensions run before the server's own hooks): a socket whose session was signed out,
 * expired or deactivated, or whose caller was removed, made a reviewer or whose proposal left the
 * editable statuses, cannot keep writing, even on an instance that has not heard of it yet, nor in
 * the moment between the server closing a socket and the socket being gone. Awareness and sync
 * requests write nothing and are not checked; the socket is closed at once on the events that end
 * a session or change access.
 */
export class SessionCheckOnWrite<Context extends ConnectionSession> implements Extension {
  private readonly writeAllowedAt = new WeakMap<Connection, number>();

  constructor(private readonly checks: WriteChecks<Context>) {}

  async beforeHandleMessage({ connection, context, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly || !documentUpdateIn(update)) return;
    const token = (context as Context).sessionToken;
    const socket = connection.webSocket;
    const [sessionValid, writeAllowed] = await Promise.all([
      socket.readyState === WebSocket.OPEN && token ? this.checks.sessionIsValid(token) : false,
      this.writeAllowed(connection, context as Context),
    ]);
    if (socket.readyState === WebSocket.OPEN && sessionValid && writeAllowed) return;
    if (!sessionValid) {
      if (socket.readyState === WebSocket.OPEN) socket.close(COLLAB_SESSION_ENDED_CODE, SESSION_ENDED_REASON);
      // Hocuspocus closes the document connection with this code instead of applying the update
      throw { code: COLLAB_SESSION_ENDED_CODE, reason: SESSION_ENDED_REASON };
    }
    // only this document's connection closes (as when this instance hears of the change); the provider
    // reconnects it and is refused, or comes back read-only
    throw { code: COLLAB_WRITE_REVOKED_CODE, reason: WRITE_REVOKED_REASON };
  }

  private async writeAllowed(connection: Connection, context: Context): Promise<boolean> {
    const allowedAt = this.writeAllowedAt.get(connection);
    if (allowedAt !== undefined && Date.now() - allowedAt < WRITE_ACCESS_REUSE_MS) return true;
    const askedAt = Date.now();
    const allowed = await this.checks.mayStillWrite(context);
    if (allowed) this.writeAllowedAt.set(connection, askedAt);
    else this.writeAllowedAt.delete(connection);
    return allowed;
  }
}
