import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { precompressedVariants } from './precompressed';

/** Paths the API answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = /^\/(graphql|health|collab|export)(\/|$)|^\/evidence\/[^/]+\/attachments(\/|$)/i;

const noCache = (res: Response) => res.setHeader('Cache-Control', 'no-cache');

/**
 * The built web app: files under /assets/ carry a content hash in their name, so browsers keep them
 * a year without asking again; everything else (index.html for every page, the favicon) is
 * revalidated on each use, so a new release is seen at the next load.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use(precompressedVariants(webDist));
  app.useStaticAssets(path.join(webDist, 'assets'), { prefix: '/assets/', index: false, immutable: true, maxAge: '1y' });
  app.useStaticAssets(webDist, { index: false, setHeaders: noCache });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // a missing asset (e.g. a source map, which the build does not emit) is a 404, not the app
    if (req.method !== 'GET' || API_PATHS.test(req.path) || req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    noCache(res);
    res.sendFile(index);
  });
}
