import { parse as parseCookies } from 'cookie';
import { signedCookie } from 'cookie-parser';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ERROR_CODES } from '@jianyan/shared';
import { ExecutionArgs, GraphQLError, Kind, OperationDefinitionNode, getOperationAST, parse, subscribe } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { Actor, AppRequest, GraphQLContext } from './common/graphql-context';
import { AppConfig } from './config/config';
import { AuthService } from './core/auth/auth.service';
import { SESSION_COOKIE } from './core/auth/session.middleware';
import { queryLimitError } from './hardening/query-limits';

/** What graphql-ws's `ws` adapter passes as `extra`, plus what onConnect found. */
type ConnectionExtra = { readonly request: IncomingMessage; actor?: Actor; sessionToken?: string };

/** The context of an operation over graphql-ws: the actor found at connect, like `req.actor` over HTTP. */
export interface SubscriptionContext extends GraphQLContext {
  /** The session the socket was opened with, so long-lived subscriptions can check it is still valid. */
  sessionToken: string;
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) on /graphql. The session cookie is checked when the
 * socket opens; a socket without a valid session is closed (4403) before any operation runs.
 */
export function graphqlWsOptions(config: AppConfig, auth: AuthService): GraphQLWsSubscriptionsConfig {
  const options = {
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, ConnectionExtra>) => {
      const raw = parseCookies(ctx.extra.request.headers.cookie ?? '')[SESSION_COOKIE];
      const token = raw ? signedCookie(raw, config.sessionSecret) : false;
      if (typeof token !== 'string' || !token) return false;
      const actor = await auth.actorForToken(token);
      if (!actor) return false;
      ctx.extra.actor = actor;
      ctx.extra.sessionToken = token;
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
  // Nest types only some graphql-ws options but passes all of them on, `context` included (which
  // replaces the HTTP context builder for operations over the socket).
  return options as unknown as GraphQLWsSubscriptionsConfig;
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
