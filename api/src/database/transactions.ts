import { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's SQLite drivers share one connection, so two requests' transactions would nest as
 * savepoints of each other. On SQLite, transactions started here therefore run one after another;
 * on PostgreSQL each gets its own connection and they run concurrently.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

export function runTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'postgres') return dataSource.transaction(work);
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  queues.set(dataSource, next.catch(() => undefined));
  return next;
}
