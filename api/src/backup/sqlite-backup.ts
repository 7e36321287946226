import Database from 'better-sqlite3';
import { MIGRATIONS_TABLE } from './backup-format';

/** Names of the ordinary tables of a SQLite database (SQLite's own and FTS shadow tables left out). */
export function sqliteTables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

/** Row counts per table and the applied migrations of a SQLite database file. */
export function describeSqlite(file: string): { tables: Record<string, number>; migrations: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables: Record<string, number> = {};
    for (const name of sqliteTables(db)) {
      if (name === MIGRATIONS_TABLE) continue;
      tables[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    const hasMigrations = sqliteTables(db).includes(MIGRATIONS_TABLE);
    const migrations = hasMigrations
      ? (db.prepare(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY id`).all() as { name: string }[]).map((row) => row.name)
      : [];
    return { tables, migrations };
  } finally {
    db.close();
  }
}

/**
 * SQLite's online backup: a consistent copy of the live database, taken while the application runs.
 * The copy is switched out of WAL mode, so the backup is one self-contained file.
 */
export async function backupSqlite(source: string, target: string, progress: (line: string) => void): Promise<void> {
  const db = new Database(source, { fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target, {
      progress: ({ totalPages: total, remainingPages }) => {
        if (remainingPages > 0 && remainingPages < total) progress(`database: ${total - remainingPages} of ${total} pages copied`);
        return 1000;
      },
    });
    progress(`database: ${totalPages} pages copied`);
  } finally {
    db.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
