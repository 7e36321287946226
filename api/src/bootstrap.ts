import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from './app.module';
import { JsonLogger } from './common/logger';
import { requestLogger } from './common/request-logger';
import { AppConfig, prepareDataDir } from './config/config';
import { AuthService } from './core/auth/auth.service';
import { databaseUnavailableResponses } from './database/database-availability';
import { sessionMiddleware } from './core/auth/session.middleware';
import { rateLimitMiddleware } from './hardening/rate-limit/rate-limit.middleware';
import { RATE_LIMIT_STORE } from './hardening/rate-limit/rate-limit.store';
import { MAX_JSON_BODY, requestBodyErrors, securityHeaders } from './hardening/security-headers';

/** Paths the API answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = /^\/(graphql|health|collab|export)(\/|$)|^\/evidence\/[^/]+\/attachments(\/|$)/i;

/** Builds the whole application (API + built web app) without listening, for main.ts and the tests. */
export async function createApp(rawConfig: AppConfig): Promise<NestExpressApplication> {
  const config = prepareDataDir(rawConfig);
  const logger = new JsonLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, logger), {
    logger,
    bodyParser: false,
    // a failed start ends in main()'s message and exit code, not in process.abort()
    abortOnError: false,
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(cookieParser(config.sessionSecret));
  // before the session lookup and the body parsers: a refused request costs neither a query nor a parse
  app.use(rateLimitMiddleware(app.get(RATE_LIMIT_STORE), { perMinute: config.rateLimitPerMinute }, logger));
  app.use(sessionMiddleware(app.get(AuthService), config.sessionSecret));
  app.use(databaseUnavailableResponses());
  // Evidence imports travel as base64 in GraphQL (up to 5 MB of file): allow that much, no more.
  app.useBodyParser('json', { limit: MAX_JSON_BODY });
  app.useBodyParser('urlencoded', { limit: '1mb', extended: false });
  app.use(requestBodyErrors());
  serveWebApp(app, config.webDist ?? path.resolve(__dirname, '../web'));
  return app;
}

function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // a missing asset (e.g. a source map, which the build does not emit) is a 404, not the app
    if (req.method !== 'GET' || API_PATHS.test(req.path) || req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
