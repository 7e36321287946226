import type { NextFunction, Response } from 'express';
import type { AppRequest } from './graphql-context';
import { JsonLogger } from './logger';

/** Logs one line per request when it finishes. The query string is dropped: it may carry secrets. */
export function requestLogger(logger: JsonLogger) {
  return (req: AppRequest, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const body = req.body as { operationName?: unknown } | undefined;
      logger.write('info', 'request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: req.actor?.userId,
        operation: typeof body?.operationName === 'string' ? body.operationName : undefined,
      });
    });
    next();
  };
}
