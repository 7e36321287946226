import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** What `backup` writes next to the data: enough to check a restore and to refuse a wrong one. */
export interface BackupManifest {
  format: 'jianyan-backup';
  formatVersion: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** Names of the migrations applied to the backed-up database, in order. */
  migrations: string[];
  /** Rows per table (the migrations table excluded). */
  tables: Record<string, number>;
  /** Attachment files under attachments/, by relative path, with their SHA-256. */
  attachments: Record<string, string>;
}

export const MANIFEST_FILE = 'manifest.json';
export const SQLITE_FILE = 'database.sqlite';
export const TABLES_FOLDER = 'tables';
export const ATTACHMENTS_FOLDER = 'attachments';
/** TypeORM's bookkeeping: restored by running the migrations, not copied. */
export const MIGRATIONS_TABLE = 'migrations';

export type Progress = (line: string) => void;

export class BackupError extends Error {}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Relative paths of the files under `root` (temporary files of unfinished writes left out). */
export function listFiles(root: string, prefix = ''): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((entry) => {
    const full = path.join(root, entry);
    const relative = prefix ? `${prefix}/${entry}` : entry;
    if (statSync(full).isDirectory()) return listFiles(full, relative);
    return entry.endsWith('.tmp') ? [] : [relative];
  });
}

/** Copies every file from one folder to another and returns their SHA-256 by relative path. */
export async function copyFiles(from: string, to: string, progress: Progress, label: string): Promise<Record<string, string>> {
  const files = listFiles(from);
  const hashes: Record<string, string> = {};
  for (const [index, relative] of files.entries()) {
    const target = path.join(to, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, ...relative.split('/')), target);
    hashes[relative] = await sha256File(target);
    if ((index + 1) % 100 === 0) progress(`${label}: ${index + 1} of ${files.length} files`);
  }
  progress(`${label}: ${files.length} file(s)`);
  return hashes;
}
