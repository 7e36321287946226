import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';
import { MIGRATIONS } from '../database/migrations';
import {
  ATTACHMENTS_FOLDER,
  BackupError,
  BackupManifest,
  MANIFEST_FILE,
  Progress,
  SQLITE_FILE,
  TABLES_FOLDER,
  copyFiles,
  listFiles,
  sha256File,
} from './backup-format';
import { appliedMigrations, exportPostgres, importPostgres, rowCounts } from './postgres-tables';
import { backupSqlite, describeSqlite } from './sqlite-backup';

const migrationName = (migration: (typeof MIGRATIONS)[number]) => new migration().name ?? migration.name;

function attachmentsFolder(config: AppConfig): string {
  return path.join(config.dataDir, ATTACHMENTS_FOLDER);
}

/**
 * Writes a consistent backup of the database (SQLite: online backup of the file; PostgreSQL: every
 * table exported in one REPEATABLE READ transaction) and then the attachments into `out`, which must
 * not exist or be empty. Works while the application runs. Attachments are written once under new
 * keys before the row that names them, so every attachment of the database snapshot is copied.
 */
export async function backup(config: AppConfig, out: string, progress: Progress): Promise<BackupManifest> {
  if (existsSync(out) && readdirSync(out).length > 0) throw new BackupError(`the backup folder ${out} is not empty`);
  mkdirSync(out, { recursive: true });
  let described: { tables: Record<string, number>; migrations: string[] };
  if (config.database.kind === 'sqlite') {
    if (!existsSync(config.database.file)) throw new BackupError(`no database at ${config.database.file}`);
    await backupSqlite(config.database.file, path.join(out, SQLITE_FILE), progress);
    described = describeSqlite(path.join(out, SQLITE_FILE));
  } else {
    mkdirSync(path.join(out, TABLES_FOLDER));
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      described = await exportPostgres(client, path.join(out, TABLES_FOLDER), progress);
    } finally {
      await client.end();
    }
  }
  const attachments = await copyFiles(attachmentsFolder(config), path.join(out, ATTACHMENTS_FOLDER), progress, 'attachments');
  const manifest: BackupManifest = {
    format: 'jianyan-backup',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    dialect: config.database.kind,
    migrations: described.migrations,
    tables: described.tables,
    attachments,
  };
  writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const rows = Object.values(described.tables).reduce((sum, n) => sum + n, 0);
  progress(`backup written to ${out}: ${Object.keys(described.tables).length} tables, ${rows} rows, ${Object.keys(attachments).length} attachment(s)`);
  return manifest;
}

function readManifest(from: string): BackupManifest {
  const file = path.join(from, MANIFEST_FILE);
  if (!existsSync(file)) throw new BackupError(`${from} is not a Jianyan backup (no ${MANIFEST_FILE})`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'jianyan-backup' || manifest.formatVersion !== 1) throw new BackupError(`${from} has an unknown backup format`);
  return manifest;
}

/** The migrations of this version, up to the backup's; refuses a backup made by a newer version. */
function migrationsOf(manifest: BackupManifest): (typeof MIGRATIONS)[number][] {
  const known = MIGRATIONS.map(migrationName);
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new BackupError(`the backup was made by a newer version (unknown migrations: ${unknown.join(', ')}); restore it with that version`);
  return MIGRATIONS.filter((migration) => manifest.migrations.includes(migrationName(migration)));
}

async function migrate(config: AppConfig, migrations: (typeof MIGRATIONS)[number][]): Promise<string[]> {
  const dataSource = await new DataSource({ ...dataSourceOptions({ ...config, logLevel: 'error' }), migrations }).initialize();
  try {
    return (await dataSource.runMigrations()).map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

function refuseNonEmpty(what: string): never {
  throw new BackupError(`restore needs an empty target, but ${what}; restore into a new DATA_DIR / an empty database`);
}

async function checkPostgresTargetEmpty(config: AppConfig & { database: { kind: 'postgres' } }, manifest: BackupManifest): Promise<void> {
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const filled = Object.entries(await rowCounts(client)).filter(([, count]) => count > 0);
    if (filled.length > 0) refuseNonEmpty(`the database has rows in ${filled.map(([table, count]) => `${table} (${count})`).join(', ')}`);
    const applied = await appliedMigrations(client);
    const beyond = applied.filter((name) => !manifest.migrations.includes(name));
    if (beyond.length > 0) throw new BackupError(`the target database is migrated past the backup (${beyond.join(', ')}); restore into an empty database`);
  } finally {
    await client.end();
  }
}

function checkSqliteTargetEmpty(file: string): void {
  if (!existsSync(file)) return;
  const filled = Object.entries(describeSqlite(file).tables).filter(([, count]) => count > 0);
  if (filled.length > 0) refuseNonEmpty(`${file} has rows in ${filled.map(([table, count]) => `${table} (${count})`).join(', ')}`);
}

/**
 * Restores a backup into the configured, empty target (DATA_DIR and database) while the application
 * is stopped: the database at the backup's schema version, then the newer migrations of this
 * version, then the attachments, each file checked against the backup's SHA-256.
 */
export async function restore(config: AppConfig, from: string, progress: Progress): Promise<void> {
  const manifest = readManifest(from);
  if (manifest.dialect !== config.database.kind) {
    throw new BackupError(`the backup is of a ${manifest.dialect} database but the target is ${config.database.kind} (set or unset DATABASE_URL)`);
  }
  const migrations = migrationsOf(manifest);
  const attachments = attachmentsFolder(config);
  if (listFiles(attachments).length > 0) refuseNonEmpty(`${attachments} has files`);
  mkdirSync(config.dataDir, { recursive: true });

  if (config.database.kind === 'sqlite') {
    const file = config.database.file;
    checkSqliteTargetEmpty(file);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    await copyFile(path.join(from, SQLITE_FILE), file);
    progress(`database: copied to ${file}`);
  } else {
    await checkPostgresTargetEmpty(config as AppConfig & { database: { kind: 'postgres' } }, manifest);
    const applied = await migrate(config, migrations);
    progress(`database: schema at the backup's version (${applied.length} migration(s) applied)`);
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    try {
      await importPostgres(client, path.join(from, TABLES_FOLDER), manifest.tables, progress);
    } finally {
      await client.end();
    }
  }
  const newer = await migrate(config, MIGRATIONS);
  if (newer.length > 0) progress(`database: ${newer.length} newer migration(s) applied: ${newer.join(', ')}`);

  const copied = await copyFiles(path.join(from, ATTACHMENTS_FOLDER), attachments, progress, 'attachments');
  for (const [file, hash] of Object.entries(manifest.attachments)) {
    if (copied[file] !== hash) throw new BackupError(`attachment ${file} is missing or damaged in the backup (SHA-256 differs)`);
  }
  progress(`restore complete: ${Object.keys(manifest.tables).length} tables, ${Object.keys(copied).length} attachment(s)`);
}

export { BackupError, sha256File };
