import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
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
import { responseCompression } from './web-app/response-compression';
import { serveWebApp } from './web-app/serve-web-app';

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
  app.use(responseCompression());
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
