import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppErrors } from '../common/errors';

/** Socket errors: the server is not there, or went away mid-conversation. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * PostgreSQL SQLSTATEs that say the server cannot serve right now (class 08 connection exceptions
 * are matched by prefix): shutting down, starting up, crashed, out of connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What node-postgres and pg-pool say when a connection attempt or a query got no answer in time, or the socket closed. */
const DRIVER_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Connection ended',
];

/** Whether an error (or what it wraps: TypeORM's `driverError`, an `AggregateError`) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown; cause?: unknown; originalError?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08...$/.test(code)) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((m) => (e.message as string).includes(m))) return true;
  const inner = [e.driverError, e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((wrapped) => isDatabaseUnavailable(wrapped, depth + 1));
}

export const databaseUnavailable = (): GraphQLError => AppErrors.serviceUnavailable('database');

/**
 * For failures before any route runs (the session lookup): a request that needs the database gets
 * 503 SERVICE_UNAVAILABLE (in GraphQL's shape on /graphql) instead of Express' HTML 500 page, and is
 * never treated as signed out. /health goes on without a session: it reports the outage itself.
 */
export function databaseUnavailableResponses() {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isDatabaseUnavailable(error)) return next(error);
    if (req.path === '/health') return next();
    const refusal = databaseUnavailable();
    const body = { message: refusal.message, extensions: refusal.extensions };
    res
      .status(503)
      .set('Retry-After', '5')
      .json(req.path === '/graphql' ? { errors: [body] } : { code: refusal.extensions.code, service: 'database', message: refusal.message });
  };
}
