import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/config';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all' as const,
    synchronize: false,
    logging: config.logLevel === 'debug' ? (['query', 'error'] as const as never) : (['error'] as const as never),
  };
  if (config.database.kind === 'postgres') {
    const { connectMs, queryMs } = config.databaseTimeouts;
    return {
      type: 'postgres',
      url: config.database.url,
      // node-postgres waits forever by default: for a connection from a server that does not answer,
      // and for the answer to a query sent to one that stopped answering
      connectTimeoutMS: connectMs,
      extra: { ...(queryMs > 0 ? { query_timeout: queryMs } : {}), keepAlive: true },
      ...common,
    };
  }
  return {
    type: 'better-sqlite3',
    database: config.database.file,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    },
    ...common,
  };
}
