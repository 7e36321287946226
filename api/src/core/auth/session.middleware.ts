import type { NextFunction, Response } from 'express';
import type { AppRequest } from '../../common/graphql-context';
import { AuthService } from './auth.service';

export const SESSION_COOKIE = 'jy_session';

/** Resolves the signed session cookie into `req.actor` (or `req.sessionEnded`) before any route or resolver runs. */
export function sessionMiddleware(auth: AuthService) {
  return (req: AppRequest, _res: Response, next: NextFunction) => {
    const token = (req.signedCookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length === 0) return next();
    auth.resolveSession(token).then(({ actor, ended }) => {
      if (actor) req.actor = actor;
      else if (ended) req.sessionEnded = ended;
      next();
    }, next);
  };
}
