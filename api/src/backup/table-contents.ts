import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseConfig } from '../config/config';
import { MIGRATIONS_TABLE } from './backup-format';
import { sqliteTables } from './sqlite-backup';

/** Every table's rows as canonical JSON lines, sorted: two databases with equal contents give equal maps. */
export type TableContents = Record<string, string[]>;

function canonical(row: Record<string, unknown>): string {
  const entries = Object.keys(row)
    .sort()
    .map((key) => {
      const value = row[key];
      return [key, Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value];
    });
  return JSON.stringify(entries);
}

/**
 * Reads every table of a database (the migrations bookkeeping left out, and the tables in `skip`).
 * PostgreSQL values are read in their exact text form (timestamps keep their microseconds).
 */
export class TableReader {
  private constructor(
    private readonly sqlite: Database.Database | null,
    private readonly postgres: Client | null,
  ) {}

  static async open(database: DatabaseConfig): Promise<TableReader> {
    if (database.kind === 'sqlite') return new TableReader(new Database(database.file, { readonly: true, fileMustExist: true }), null);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    return new TableReader(null, client);
  }

  async tables(): Promise<string[]> {
    if (this.sqlite) return sqliteTables(this.sqlite).filter((name) => name !== MIGRATIONS_TABLE);
    const result = await this.postgres!.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    return result.rows.map((row) => row.table_name).filter((name) => name !== MIGRATIONS_TABLE);
  }

  private readonly columnCache = new Map<string, string[]>();

  private async columns(table: string): Promise<string[]> {
    const cached = this.columnCache.get(table);
    if (cached) return cached;
    const columns = await this.readColumns(table);
    this.columnCache.set(table, columns);
    return columns;
  }

  private async readColumns(table: string): Promise<string[]> {
    if (this.sqlite) return (this.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
    const result = await this.postgres!.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return result.rows.map((row) => row.column_name);
  }

  /** `ignore` lists whole tables ("sessions") or single columns ("sessions.lastSeenAt") to leave out. */
  private async selections(ignore: string[]): Promise<{ table: string; columns: string[] }[]> {
    const selections: { table: string; columns: string[] }[] = [];
    for (const table of await this.tables()) {
      if (ignore.includes(table)) continue;
      const columns = (await this.columns(table)).filter((column) => !ignore.includes(`${table}.${column}`));
      selections.push({ table, columns });
    }
    return selections;
  }

  async contents(ignore: string[] = []): Promise<TableContents> {
    const contents: TableContents = {};
    for (const { table, columns } of await this.selections(ignore)) {
      const list = columns.map((column) => `"${column}"`).join(', ');
      const rows = this.sqlite
        ? (this.sqlite.prepare(`SELECT ${list} FROM "${table}"`).all() as Record<string, unknown>[])
        : (await this.postgres!.query({ text: `SELECT ${list} FROM "${table}"`, types: { getTypeParser: () => (text: string) => text } })).rows;
      contents[table] = rows.map(canonical).sort();
    }
    return contents;
  }

  /**
   * Row counts and one hash over all contents: equal fingerprints mean nothing was written.
   * PostgreSQL hashes inside the server, in one round trip.
   */
  async fingerprint(ignore: string[] = []): Promise<{ counts: Record<string, number>; hash: string }> {
    const counts: Record<string, number> = {};
    const hash = createHash('sha256');
    if (this.postgres) {
      const selections = await this.selections(ignore);
      const parts = selections.map(
        ({ table, columns }, index) =>
          `SELECT ${index} AS i, count(*) AS n, md5(coalesce(string_agg(row(${columns.map((c) => `x."${c}"`).join(', ')})::text, E'\\n' ORDER BY row(${columns
            .map((c) => `x."${c}"`)
            .join(', ')})::text), '')) AS h FROM "${table}" x`,
      );
      const rows = (await this.postgres.query<{ i: number; n: string; h: string }>(parts.join(' UNION ALL '))).rows.sort((a, b) => a.i - b.i);
      for (const row of rows) {
        counts[selections[row.i].table] = Number(row.n);
        hash.update(selections[row.i].table).update('\0').update(row.h);
      }
      return { counts, hash: hash.digest('hex') };
    }
    for (const [table, rows] of Object.entries(await this.contents(ignore))) {
      counts[table] = rows.length;
      hash.update(table).update('\0');
      for (const row of rows) hash.update(row).update('\n');
    }
    return { counts, hash: hash.digest('hex') };
  }

  async close(): Promise<void> {
    this.sqlite?.close();
    await this.postgres?.end();
  }
}
