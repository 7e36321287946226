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
    return { type: 'postgres', url: config.database.url, ...common };
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
