import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { useServer } from 'graphql-ws/use/ws';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from '../core/auth/auth.service';
import { graphqlWsOptions } from '../graphql-ws.config';
import { SessionSockets } from './session-sockets';
import { WebSocketListeners } from './websocket-listeners';

export const GRAPHQL_WS_PATH = '/graphql';
/** graphql-ws messages are subscribe requests (a query text) and acknowledgements: small. */
export const GRAPHQL_WS_MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * graphql-ws on /graphql, served here rather than by @nestjs/graphql (whose WebSocket server has
 * ws' default limit of 100 MiB per message and routes any `/graphql…` upgrade, including the
 * legacy subscriptions-transport-ws protocol, to a server that nothing listens to).
 */
@Injectable()
export class GraphqlWsGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly wss;
  private server?: { dispose(): Promise<void> | void };

  constructor(
    private readonly listeners: WebSocketListeners,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
    private readonly sessionSockets: SessionSockets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.wss = listeners.createServer(GRAPHQL_WS_MAX_MESSAGE_BYTES);
  }

  onApplicationBootstrap(): void {
    // the schema exists once GraphQLModule is initialised, i.e. by now
    const { schema } = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    this.server = useServer({ schema, ...graphqlWsOptions(this.config, this.auth, this.sessionSockets) }, this.wss);
    this.listeners.route(GRAPHQL_WS_PATH, (request, socket, head) => this.listeners.accept(this.wss, request, socket, head));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.server?.dispose();
  }
}
