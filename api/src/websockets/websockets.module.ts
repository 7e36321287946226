import { Module } from '@nestjs/common';
import { AuthModule } from '../core/auth/auth.module';
import { GraphqlWsGateway } from './graphql-ws.gateway';
import { SessionSockets } from './session-sockets';
import { WebSocketListeners } from './websocket-listeners';

/**
 * The WebSocket listeners of the HTTP server (/collab and /graphql): upgrades, message limits,
 * error handling, and closing the sockets of sessions that end.
 */
@Module({
  imports: [AuthModule],
  providers: [WebSocketListeners, SessionSockets, GraphqlWsGateway],
  exports: [WebSocketListeners, SessionSockets],
})
export class WebSocketsModule {}
