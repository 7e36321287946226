import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';
import { GraphQLTestClient } from './graphql-client';
import { createScratchDatabase } from './scratch-database';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  dialect: 'sqlite' | 'postgres';
  /** A new client with its own cookie jar. */
  client(): GraphQLTestClient;
  /** Signs a demo user in and returns the client holding the session. */
  signIn(email: string): Promise<GraphQLTestClient>;
  close(): Promise<void>;
}

/**
 * Starts the real application on a free port with a fresh database (SQLite in a temporary
 * folder, or a fresh PostgreSQL database when TEST_DATABASE=postgres) and the demo data.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-test-'));
  // a stand-in for the built web app, so routing between the API and the app is exercised too
  mkdirSync(path.join(dataDir, 'web'));
  writeFileSync(path.join(dataDir, 'web', 'index.html'), '<!doctype html><title>Jianyan web app</title>');
  // a throwaway PostgreSQL database per test file, created from TEST_DATABASE_URL and dropped on close
  const postgres = process.env.TEST_DATABASE === 'postgres' ? await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'jianyan_test') : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    LOGIN_SLOWDOWN_MS: '10',
    // off here (the fuzz and audit files send thousands of requests); rate-limit.spec.ts turns it on
    RATE_LIMIT_PER_MINUTE: '0',
    WEB_DIST: path.join(dataDir, 'web'),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    dialect: postgres ? 'postgres' : 'sqlite',
    client: () => new GraphQLTestClient(url),
    async signIn(email: string) {
      const client = new GraphQLTestClient(url);
      await client.login(email);
      return client;
    },
    async close() {
      await app.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
