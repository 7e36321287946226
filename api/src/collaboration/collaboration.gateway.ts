import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from '../core/auth/auth.service';
import { sessionTokenFromCookieHeader } from '../core/auth/session-cookie';
import { SessionSockets } from '../websockets/session-sockets';
import { WebSocketListeners } from '../websockets/websocket-listeners';
import { COLLAB_SESSION_ENDED_CODE } from './collaboration-session-check';
import { CollaborationService } from './collaboration.service';

export const COLLABORATION_PATH = '/collab';

/**
 * Accepts WebSocket upgrades on /collab (messages up to COLLAB_MAX_MESSAGE_BYTES) and hands them
 * to the collaboration server. A socket opened with a valid session is closed (4401) when that
 * session ends; one without is accepted and refused by the collaboration server per document, so
 * the web app sees "authentication failed" rather than a connection that keeps failing.
 */
@Injectable()
export class CollaborationGateway implements OnApplicationBootstrap {
  private readonly wss;

  constructor(
    private readonly listeners: WebSocketListeners,
    private readonly collaboration: CollaborationService,
    private readonly auth: AuthService,
    private readonly sessionSockets: SessionSockets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.wss = listeners.createServer(config.collaboration.maxMessageBytes);
  }

  onApplicationBootstrap(): void {
    this.listeners.route(COLLABORATION_PATH, (request, socket, head) => this.upgrade(request, socket, head));
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const token = sessionTokenFromCookieHeader(request.headers.cookie, this.config.sessionSecret);
    const actor = token ? await this.auth.actorForToken(token) : null;
    this.listeners.accept(this.wss, request, socket, head, (ws) => {
      if (actor) this.sessionSockets.track(ws, actor, COLLAB_SESSION_ENDED_CODE);
      this.collaboration.hocuspocus.handleConnection(ws, request);
    });
  }
}
