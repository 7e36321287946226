import type { NextFunction, Response } from 'express';
import type { AppRequest } from '../../common/graphql-context';
import { AuthService } from './auth.service';
import { sessionTokenFromCookieHeader } from './session-cookie';

export { SESSION_COOKIE } from './session-cookie';

/** Resolves the signed session cookie into `req.actor` (or `req.sessionEnded`) before any route or resolver runs. */
export function sessionMiddleware(auth: AuthService, sessionSecret: string) {
  return (req: AppRequest, _res: Response, next: NextFunction) => {
    const token = sessionTokenFromCookieHeader(req.headers.cookie, sessionSecret);
    if (!token) return next();
    auth.resolveSession(token).then(({ actor, ended }) => {
      if (actor) req.actor = actor;
      else if (ended) req.sessionEnded = ended;
      next();
    }, next);
  };
}
