import { ERROR_CODES } from '@jianyan/shared';
import { ExecutionArgs, GraphQLError, Kind, OperationDefinitionNode, getOperationAST, parse, subscribe } from 'graphql';
import { CloseCode, type Context, type SubscribePayload } from 'graphql-ws';
import type { ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { Actor, AppRequest, GraphQLContext } from './common/graphql-context';
import { AppConfig } from './config/config';
import { AuthService } from './core/auth/auth.service';
import { sessionTokenFromCookieHeader } from './core/auth/session-cookie';
import { queryLimitError } from './hardening/query-limits';
import { SessionSockets } from './websockets/session-sockets';

/** What graphql-ws's `ws` adapter passes as `extra`, plus what onConnect found. */
type ConnectionExtra = { readonly socket: WebSocket; readonly request: IncomingMessage; actor?: Actor; sessionToken?: string };

/** The context of an operation over graphql-ws: the actor found at connect, like `req.actor` over HTTP. */
export interface SubscriptionContext extends GraphQLContext {
  /** The session the socket was opened with, so long-lived subscriptions can check it is still valid. */
  sessionToken: string;
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) on /graphql. The signed session cookie is checked
 * when the socket opens; a socket without a valid session is closed (4403) before any operation
 * runs, and so is the socket of a session that ends while it is open (sign-out, deactivation,
 * password change: the web app does not retry 4403).
 */
export function graphqlWsOptions(config: AppConfig, auth: AuthService, sessionSockets: SessionSockets): ServerOptions<Record<string, unknown> | undefined, ConnectionExtra> {
  return {
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, ConnectionExtra>) => {
      const token = sessionTokenFromCookieHeader(ctx.extra.request.headers.cookie, config.sessionSecret);
      const actor = token ? await auth.actorForToken(token) : null;
      if (!token || !actor) return false;
      ctx.extra.actor = actor;
      ctx.extra.sessionToken = token;
      sessionSockets.track(ctx.extra.socket, actor, CloseCode.Forbidden);
      return true;
    },
    // Queries and mutations go over HTTP, where the request limits and CSRF prevention apply.
    onSubscribe: (_ctx: unknown, _id: string, payload: SubscribePayload) => {
      if (operationOf(payload) !== 'subscription') {
        return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: ERROR_CODES.badUserInput } })];
      }
      return undefined;
    },
    // The depth and cost limits of HTTP apply over the socket too; the answer is the same QUERY_TOO_COMPLEX.
    subscribe: (args: ExecutionArgs) => {
      const operation = getOperationAST(args.document, args.operationName);
      const tooComplex = operation && queryLimitError(args.schema, args.document, operation, args.variableValues ?? {}, config.graphqlLimits);
      return tooComplex ? { errors: [tooComplex] } : subscribe(args);
    },
    context: (ctx: Context<Record<string, unknown> | undefined, ConnectionExtra>): SubscriptionContext => ({
      req: { actor: ctx.extra.actor, headers: ctx.extra.request.headers } as AppRequest,
      res: undefined as unknown as GraphQLContext['res'],
      loaders: new Map(),
      sessionToken: ctx.extra.sessionToken ?? '',
    }),
  };
}

/** The kind of operation the message asks to run, or null when it cannot be parsed. */
function operationOf(payload: SubscribePayload): string | null {
  try {
    const operations = parse(payload.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const chosen = payload.operationName ? operations.find((o) => o.name?.value === payload.operationName) : operations.length === 1 ? operations[0] : undefined;
    return chosen?.operation ?? null;
  } catch {
    return null;
  }
}
