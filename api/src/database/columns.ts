import { randomUUID } from 'node:crypto';
import { BeforeInsert, PrimaryColumn } from 'typeorm';

/**
 * SQLite and PostgreSQL name their timestamp types differently and TypeORM has no type
 * that maps to both. Entity decorators are evaluated at import, so the dialect comes from
 * the environment, which the config module validated before any entity is loaded.
 */
export function isPostgresEnvironment(): boolean {
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
}

export const TIMESTAMP_TYPE = isPostgresEnvironment() ? 'timestamptz' : 'datetime';

export function timestampTypeFor(driver: string): 'timestamptz' | 'datetime' {
  return driver === 'postgres' ? 'timestamptz' : 'datetime';
}

/** Ids are UUIDs made by the application, so inserts work the same on both databases. */
export abstract class EntityWithId {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @BeforeInsert()
  protected assignId(): void {
    if (!this.id) this.id = randomUUID();
  }
}

/** Binary column type: bytea on PostgreSQL, blob on SQLite. */
export const BINARY_TYPE = isPostgresEnvironment() ? 'bytea' : 'blob';

export function binaryTypeFor(driver: string): 'bytea' | 'blob' {
  return driver === 'postgres' ? 'bytea' : 'blob';
}
