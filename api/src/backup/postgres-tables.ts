import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Client } from 'pg';
import { BackupError, MIGRATIONS_TABLE, Progress } from './backup-format';

const BYTEA_OID = 17;
const FETCH_ROWS = 1000;

/**
 * Values travel as PostgreSQL's own text form (exact for timestamps with microseconds, numerics,
 * arrays, JSON), which the same column type reads back unchanged; binary columns as base64.
 */
type StoredValue = string | null | { base64: string };

const rawTextTypes = {
  getTypeParser: (oid: number) => (oid === BYTEA_OID ? (text: string) => ({ base64: Buffer.from(text.slice(2), 'hex').toString('base64') }) : (text: string) => text),
};

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function postgresTables(client: Client): Promise<string[]> {
  const result = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return result.rows.map((row) => row.table_name);
}

export async function appliedMigrations(client: Client): Promise<string[]> {
  if (!(await postgresTables(client)).includes(MIGRATIONS_TABLE)) return [];
  return (await client.query<{ name: string }>(`SELECT name FROM ${quote(MIGRATIONS_TABLE)} ORDER BY id`)).rows.map((row) => row.name);
}

export async function rowCounts(client: Client): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await postgresTables(client)) {
    if (table === MIGRATIONS_TABLE) continue;
    counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`)).rows[0].n);
  }
  return counts;
}

/**
 * Writes every table to `<folder>/<table>.jsonl`, all read in one REPEATABLE READ transaction, so
 * the files are one consistent snapshot however long the export takes.
 */
export async function exportPostgres(client: Client, folder: string, progress: Progress): Promise<{ tables: Record<string, number>; migrations: string[] }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const migrations = await appliedMigrations(client);
    const tables: Record<string, number> = {};
    for (const table of await postgresTables(client)) {
      if (table === MIGRATIONS_TABLE) continue;
      const file = await open(path.join(folder, `${table}.jsonl`), 'w');
      let count = 0;
      try {
        await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT * FROM ${quote(table)}`);
        for (;;) {
          const batch = await client.query<Record<string, StoredValue>>({ text: `FETCH ${FETCH_ROWS} FROM backup_rows`, types: rawTextTypes });
          if (batch.rows.length === 0) break;
          await file.write(batch.rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
          count += batch.rows.length;
          if (batch.rows.length === FETCH_ROWS) progress(`${table}: ${count} rows`);
        }
        await client.query('CLOSE backup_rows');
      } finally {
        await file.close();
      }
      tables[table] = count;
      progress(`${table}: ${count} row(s)`);
    }
    await client.query('COMMIT');
    return { tables, migrations };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

interface ForeignKey {
  table: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
}

async function foreignKeys(client: Client): Promise<ForeignKey[]> {
  const result = await client.query<{ table: string; referenced: string; columns: string[]; referenced_columns: string[] }>(
    `SELECT src.relname AS "table", dst.relname AS referenced,
       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced_columns
     FROM pg_constraint c
     JOIN pg_class src ON src.oid = c.conrelid
     JOIN pg_class dst ON dst.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = src.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return result.rows.map((row) => ({ table: row.table, referenced: row.referenced, columns: row.columns, referencedColumns: row.referenced_columns }));
}

/** Tables ordered so that every table comes after the ones it references (self-references aside). */
export function dependencyOrder(tables: string[], keys: ForeignKey[]): string[] {
  const remaining = new Set(tables);
  const ordered: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter((table) =>
      keys.every((key) => key.table !== table || key.referenced === table || !remaining.has(key.referenced)),
    );
    if (ready.length === 0) throw new BackupError(`cannot order tables with circular foreign keys: ${[...remaining].join(', ')}`);
    for (const table of ready.sort()) {
      ordered.push(table);
      remaining.delete(table);
    }
  }
  return ordered;
}

async function* readRows(file: string): AsyncGenerator<Record<string, StoredValue>> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield JSON.parse(line) as Record<string, StoredValue>;
}

function toParameter(value: StoredValue): string | Buffer | null {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

async function insertRows(client: Client, table: string, rows: Record<string, StoredValue>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values: (string | Buffer | null)[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${values.push(toParameter(row[column] ?? null))}`).join(', ')})`);
  await client.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

/** Rows of a self-referencing table, parents before the rows that point at them. */
function parentsFirst(rows: Record<string, StoredValue>[], key: ForeignKey): Record<string, StoredValue>[] {
  const identity = (row: Record<string, StoredValue>, columns: string[]) => JSON.stringify(columns.map((c) => row[c]));
  const present = new Set(rows.map((row) => identity(row, key.referencedColumns)));
  const placed = new Set<string>();
  const ordered: Record<string, StoredValue>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, StoredValue>[] = [];
    for (const row of pending) {
      const parent = identity(row, key.columns);
      const ready = key.columns.some((c) => row[c] === null) || !present.has(parent) || placed.has(parent);
      if (ready) {
        ordered.push(row);
        placed.add(identity(row, key.referencedColumns));
      } else next.push(row);
    }
    if (next.length === pending.length) throw new BackupError(`rows of ${key.table} reference each other in a cycle`);
    pending = next;
  }
  return ordered;
}

/**
 * Inserts the exported rows into an empty database whose schema is at the backup's migration, in
 * dependency order, inside one transaction (all or nothing), then moves the id sequences past the
 * restored ids.
 */
export async function importPostgres(client: Client, folder: string, tables: Record<string, number>, progress: Progress): Promise<void> {
  const existing = new Set(await postgresTables(client));
  const missing = Object.keys(tables).filter((table) => !existing.has(table));
  if (missing.length > 0) throw new BackupError(`the target database has no table(s) ${missing.join(', ')}`);
  const keys = await foreignKeys(client);
  await client.query('BEGIN');
  try {
    for (const table of dependencyOrder(Object.keys(tables), keys)) {
      const file = path.join(folder, `${table}.jsonl`);
      const selfKey = keys.find((key) => key.table === table && key.referenced === table);
      let count = 0;
      if (selfKey) {
        const rows: Record<string, StoredValue>[] = [];
        for await (const row of readRows(file)) rows.push(row);
        const ordered = parentsFirst(rows, selfKey);
        for (let start = 0; start < ordered.length; start += 200) await insertRows(client, table, ordered.slice(start, start + 200));
        count = ordered.length;
      } else {
        let batch: Record<string, StoredValue>[] = [];
        for await (const row of readRows(file)) {
          batch.push(row);
          if (batch.length >= 200) {
            await insertRows(client, table, batch);
            count += batch.length;
            batch = [];
            if (count % 10_000 === 0) progress(`${table}: ${count} rows`);
          }
        }
        await insertRows(client, table, batch);
        count += batch.length;
      }
      if (count !== tables[table]) throw new BackupError(`${table}: the backup lists ${tables[table]} rows but its file has ${count}`);
      progress(`${table}: ${count} row(s) restored`);
    }
    for (const row of (
      await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
      )
    ).rows) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(row.column_name)}) FROM ${quote(row.table_name)}), 0) + 1, false)`,
        [quote(row.table_name), row.column_name],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
