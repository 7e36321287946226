import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CollaborationService } from './collaboration.service';

export const COLLABORATION_PATH = '/collab';

/** Accepts WebSocket upgrades on /collab and hands them to the collaboration server. */
@Injectable()
export class CollaborationGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== COLLABORATION_PATH && !path.startsWith(`${COLLABORATION_PATH}/`)) return;
    this.wss.handleUpgrade(request, socket, head, (ws) => this.collaboration.hocuspocus.handleConnection(ws, request));
  };

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly collaboration: CollaborationService,
  ) {}

  onApplicationBootstrap(): void {
    this.adapterHost.httpAdapter.getHttpServer().on('upgrade', this.onUpgrade);
  }

  onApplicationShutdown(): void {
    this.adapterHost.httpAdapter.getHttpServer().off('upgrade', this.onUpgrade);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
