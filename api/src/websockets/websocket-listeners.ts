import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';

export type UpgradeHandler = (request: IncomingMessage, socket: Duplex, head: Buffer) => void | Promise<void>;

/** The WebSocket's own error codes (ws sets `code` on protocol errors: too big, bad opcode, unmasked…). */
type SocketError = Error & { code?: string };

/**
 * The HTTP server's only 'upgrade' listener: hands each WebSocket upgrade to the listener of its
 * path (/collab, /graphql) and refuses every other one. Every upgrade socket, WebSocket server and
 * WebSocket has its 'error' handled: a malformed or oversized frame closes that socket only (ws
 * answers with the close code, e.g. 1009 for a message above the server's `maxPayload`), never
 * the process.
 */
@Injectable()
export class WebSocketListeners implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebSockets');
  private readonly routes = new Map<string, UpgradeHandler>();
  private readonly servers = new Set<WebSocketServer>();
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const handle = this.routes.get(routeOf(request.url));
    if (!handle) return refuseUpgrade(socket, 404);
    Promise.resolve()
      .then(() => handle(request, socket, head))
      .catch((error: Error) => {
        this.logger.error(`WebSocket upgrade of ${routeOf(request.url)} failed: ${error.message}`);
        refuseUpgrade(socket, 500);
      });
  };

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Serves the upgrades of `path` and of the paths below it (`/collab/…`). */
  route(path: string, handle: UpgradeHandler): void {
    this.routes.set(path, handle);
  }

  /** A WebSocket server for `accept`: no listener of its own, messages up to `maxPayload` bytes. */
  createServer(maxPayload: number): WebSocketServer {
    const server = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
    server.on('error', (error: Error) => this.logger.error(`WebSocket server error: ${error.message}`));
    this.servers.add(server);
    return server;
  }

  /**
   * Completes the upgrade on `server`; `opened` gets the WebSocket (with its errors handled) before
   * any of its messages, and the server emits 'connection' (graphql-ws listens to that).
   */
  accept(server: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer, opened?: (ws: WebSocket) => void): void {
    server.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error: SocketError) => {
        this.logger.warn(`closed a WebSocket on ${routeOf(request.url)}: ${error.code ?? 'error'} ${error.message}`);
      });
      opened?.(ws);
      server.emit('connection', ws, request);
    });
  }

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', this.onUpgrade);
  }

  onApplicationShutdown(): void {
    this.adapterHost.httpAdapter.getHttpServer().off('upgrade', this.onUpgrade);
    for (const server of this.servers) {
      for (const client of server.clients) client.terminate();
      server.close();
    }
  }
}

/** The first segment of the path: `/collab/x?y` → `/collab`. */
function routeOf(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return `/${path.split('/')[1] ?? ''}`;
}

function refuseUpgrade(socket: Duplex, status: number): void {
  if (!socket.writable) return void socket.destroy();
  const body = STATUS_CODES[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
