import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { Role } from '@jianyan/shared';

/** Who is calling: set by the session middleware, read by guards and services. */
export interface Actor {
  userId: string;
  sessionId: string;
  role: Role;
  organizationId: string;
  displayName: string;
}

/** `sessionEnded`: the cookie's session ended at this request (idle too long), so the refusal can say why. */
export type AppRequest = Request & { actor?: Actor; sessionEnded?: 'idle' };

export interface GraphQLContext {
  req: AppRequest;
  res: Response;
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

export function buildGraphQLContext({ req, res }: { req: AppRequest; res: Response }): GraphQLContext {
  return { req, res, loaders: new Map() };
}

/** One DataLoader per request and key, so nested fields batch into a fixed number of queries. */
export function loaderFor<K, V>(
  context: GraphQLContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let loader = context.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    context.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

export function requestFrom(context: ExecutionContext): AppRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  }
  return context.switchToHttp().getRequest<AppRequest>();
}

/** Maps `ids` to rows in the same order, with null for ids that have no row. */
export function orderByIds<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}
