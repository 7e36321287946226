import { ERROR_CODES } from '@jianyan/shared';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { JsonLogger } from '../../common/logger';
import { SESSION_COOKIE } from '../../core/auth/session.middleware';
import { clientAddressKey } from './client-address';
import { RateLimitStore } from './rate-limit.store';

/**
 * What a caller's requests are counted on: GraphQL, exports and attachments (not health checks or
 * the web app). Case-insensitive, as Express routes are.
 */
const LIMITED_PATHS = /^\/(graphql|export)(\/|$)|^\/evidence\/[^/]+\/attachments(\/|$)/i;
const WINDOW_MS = 60_000;
/** After the store fails, requests go through without asking it for this long. */
const STORE_BACKOFF_MS = 5_000;

export interface RateLimitOptions {
  /** Requests per caller per minute; 0 turns the limit off. */
  perMinute: number;
}

/**
 * The caller a request is counted for: its session when it carries a correctly signed session
 * cookie (every tab of one sign-in together), otherwise its address (TRUST_PROXY decides whether
 * that is the proxy's X-Forwarded-For; IPv6 by /64). Decided from the cookie's signature alone, so
 * that a flood is refused before it reaches the database.
 */
function callerKey(req: Request): string {
  const token = (req.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  if (typeof token === 'string' && token.length > 0) return `session:${createHash('sha256').update(token).digest('base64url').slice(0, 32)}`;
  return `ip:${clientAddressKey(req.ip)}`;
}

/**
 * Refuses a caller's requests beyond `perMinute` in a minute with 429 TOO_MANY_REQUESTS and
 * Retry-After. Runs after the cookie parser and before the session lookup and the body parsers.
 * When the store cannot be reached the request goes through: an outage of Redis must not lock
 * everyone out.
 */
export function rateLimitMiddleware(store: RateLimitStore, options: RateLimitOptions, logger: JsonLogger) {
  let lastStoreWarning = 0;
  let bypassUntil = 0;
  return (req: Request, res: Response, next: NextFunction) => {
    if (options.perMinute === 0 || !LIMITED_PATHS.test(req.path) || Date.now() < bypassUntil) return next();
    const key = callerKey(req);
    store.hit(key, WINDOW_MS).then(
      ({ count, resetInMs }) => {
        const resetSeconds = Math.max(1, Math.ceil(resetInMs / 1000));
        res.setHeader('RateLimit-Limit', String(options.perMinute));
        res.setHeader('RateLimit-Remaining', String(Math.max(0, options.perMinute - count)));
        res.setHeader('RateLimit-Reset', String(resetSeconds));
        if (count <= options.perMinute) return next();
        if (count === options.perMinute + 1) {
          logger.write('warn', 'rate limit reached', { caller: key, perMinute: options.perMinute, path: req.path });
        }
        refuse(req, res, resetSeconds);
      },
      (error: Error) => {
        bypassUntil = Date.now() + STORE_BACKOFF_MS;
        if (Date.now() - lastStoreWarning > WINDOW_MS) {
          lastStoreWarning = Date.now();
          logger.write('warn', 'rate limit store unavailable; requests are not limited', { error: error.message });
        }
        next();
      },
    );
  };
}

function refuse(req: Request, res: Response, retryAfterSeconds: number): void {
  const message = `Too many requests: try again in ${retryAfterSeconds} s`;
  const code = ERROR_CODES.tooManyRequests;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(429);
  // GraphQL clients read `errors`; the plain HTTP routes answer { code, message } as their other errors do
  if (/^\/graphql/i.test(req.path)) res.json({ errors: [{ message, extensions: { code, retryAfterSeconds } }] });
  else res.json({ code, message, retryAfterSeconds });
}
