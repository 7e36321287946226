import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/config';
import { GraphQLTestClient } from './graphql-client';

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

/** A throwaway PostgreSQL database per test file, created from TEST_DATABASE_URL and dropped after. */
async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `jianyan_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
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
  const postgres = process.env.TEST_DATABASE === 'postgres' ? await createPostgresDatabase() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    LOGIN_SLOWDOWN_MS: '10',
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
