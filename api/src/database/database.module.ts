import { Logger, Module } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { isDatabaseUnavailable } from './database-availability';
import { dataSourceOptions } from './data-source';

/** Any fixed number, the same for every instance: the PostgreSQL advisory lock around migrations. */
const MIGRATION_LOCK_KEY = 7_271_304_001;

/**
 * Several instances may start together on one PostgreSQL database: one runs the pending
 * migrations while the others wait, then find nothing left to run.
 */
async function runMigrationsOnce(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'all' });
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
  }
}

const START_RETRY_MS = 2_000;

/** Where the database is, without credentials, for messages. */
function databaseAddress(config: AppConfig): string {
  if (config.database.kind === 'sqlite') return config.database.file;
  const url = new URL(config.database.url);
  return `${url.hostname}:${url.port || 5432}`;
}

/**
 * A PostgreSQL server that is not there yet at start (the whole deployment starting at once) is
 * waited for, with a message every attempt, for DATABASE_START_WAIT_SECONDS; then the start fails
 * naming it, so that an orchestrator restarts the process. Any other failure (a wrong password, a
 * missing database) fails at once.
 */
async function waitUntilReachable(config: AppConfig): Promise<void> {
  if (config.database.kind !== 'postgres') return;
  const logger = new Logger('Database');
  const { startWaitSeconds, connectMs } = config.databaseTimeouts;
  const deadline = Date.now() + startWaitSeconds * 1000;
  for (;;) {
    const probe = new Client({ connectionString: config.database.url, connectionTimeoutMillis: connectMs });
    try {
      await probe.connect();
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const reason = (error as Error).message;
      if (Date.now() + START_RETRY_MS > deadline) {
        throw new Error(`the database at ${databaseAddress(config)} could not be reached within ${startWaitSeconds} s (${reason})`);
      }
      logger.warn(`database at ${databaseAddress(config)} unreachable (${reason}); retrying for up to ${startWaitSeconds} s`);
      await sleep(START_RETRY_MS);
    } finally {
      await probe.end().catch(() => undefined);
    }
  }
}

/** The one TypeORM connection. Migrations run at start; domain modules register their own entities. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        await waitUntilReachable(config);
        return {
          ...dataSourceOptions(config),
          autoLoadEntities: true,
          migrationsRun: false,
          // the wait above replaces @nestjs/typeorm's retries, which cannot tell an outage from a wrong password
          retryAttempts: 0,
        };
      },
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runMigrationsOnce(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
