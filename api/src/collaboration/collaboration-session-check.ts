import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { WebSocket } from 'ws';
import { SESSION_ENDED_REASON } from '../websockets/session-sockets';
import { documentUpdateIn } from './sync-messages';

/** Hocuspocus' "Unauthorized" close code: the provider reconnects, and is refused without a session. */
export const COLLAB_SESSION_ENDED_CODE = 4401;

/** The session a collaboration connection was authenticated with. */
export interface ConnectionSession {
  sessionToken?: string;
}

/**
 * Checks the session again at every document update, before it is stored (extensions run before
 * the server's own hooks): a socket whose session was signed out, expired or deactivated cannot
 * keep writing, even on an instance that has not heard of it yet, nor in the moment between the
 * server closing a socket and the socket being gone. Awareness and sync requests write nothing
 * and are not checked; the socket is closed at once on the events that end a session.
 */
export class SessionCheckOnWrite implements Extension {
  constructor(private readonly sessionIsValid: (sessionToken: string) => Promise<boolean>) {}

  async beforeHandleMessage({ connection, context, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly || !documentUpdateIn(update)) return;
    const token = (context as ConnectionSession).sessionToken;
    const socket = connection.webSocket;
    if (socket.readyState === WebSocket.OPEN && token && (await this.sessionIsValid(token))) return;
    if (socket.readyState === WebSocket.OPEN) socket.close(COLLAB_SESSION_ENDED_CODE, SESSION_ENDED_REASON);
    // Hocuspocus closes the document connection with this code instead of applying the update
    throw { code: COLLAB_SESSION_ENDED_CODE, reason: SESSION_ENDED_REASON };
  }
}
