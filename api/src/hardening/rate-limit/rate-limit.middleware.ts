import { ERROR_CODES } from '@jianyan/shared';
import type { NextFunction, Response } from 'express';
import type { AppRequest } from '../../common/graphql-context';
import { JsonLogger } from '../../common/logger';
import { RateLimitStore } from './rate-limit.store';

/** What a caller's requests are counted on: GraphQL, exports and attachments (not health checks or the web app). */
const LIMITED_PATHS = /^\/(graphql|export)(\/|$)|^\/evidence\/[^/]+\/attachments(\/|$)/;
const WINDOW_MS = 60_000;

export interface RateLimitOptions {
  /** Requests per caller per minute; 0 turns the limit off. */
  perMinute: number;
}

/**
 * Refuses a caller's requests beyond `perMinute` in a minute with 429 TOO_MANY_REQUESTS and
 * Retry-After. A signed-in caller is counted by account (every session and tab together), anyone
 * else by address (TRUST_PROXY decides whether that is the proxy's X-Forwarded-For). When the
 * store cannot be reached the request goes through: an outage of Redis must not lock everyone out.
 */
export function rateLimitMiddleware(store: RateLimitStore, options: RateLimitOptions, logger: JsonLogger) {
  let lastStoreWarning = 0;
  return (req: AppRequest, res: Response, next: NextFunction) => {
    if (options.perMinute === 0 || !LIMITED_PATHS.test(req.path)) return next();
    const key = req.actor ? `user:${req.actor.userId}` : `ip:${req.ip ?? 'unknown'}`;
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
        if (Date.now() - lastStoreWarning > WINDOW_MS) {
          lastStoreWarning = Date.now();
          logger.write('warn', 'rate limit store unavailable; requests are not limited', { error: error.message });
        }
        next();
      },
    );
  };
}

function refuse(req: AppRequest, res: Response, retryAfterSeconds: number): void {
  const message = `Too many requests: try again in ${retryAfterSeconds} s`;
  const code = ERROR_CODES.tooManyRequests;
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(429);
  // GraphQL clients read `errors`; the plain HTTP routes answer { code, message } as their other errors do
  if (req.path.startsWith('/graphql')) res.json({ errors: [{ message, extensions: { code, retryAfterSeconds } }] });
  else res.json({ code, message, retryAfterSeconds });
}
