import { GraphQLSchemaHost } from '@nestjs/graphql';
import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { DocumentStore } from './collaboration/document-store';
import { SearchIndexer } from './search/search-indexer';
import { ConfigError, loadConfig, prepareDataDir } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { printSortedSchema } from './schema-file';
import { DemoSeedService } from './seed/demo-seed.service';
import { BackupError, backup, restore } from './backup/backup';

const USAGE = `Usage: node dist/api/cli.js <command>
  migrate          apply pending database migrations
  seed             add the demo data (organisations and one user per role) if missing
  schema [file]    write the GraphQL schema (default api/schema.graphql)
  compact          merge every collaborative document's updates into its snapshot
  search-rebuild [index]  rebuild the search index (all, or one of: evidence, proposals) with progress
  backup --out <folder>   write a consistent backup (database + attachments) into a new folder, while running
  restore --from <folder> restore a backup into the configured empty DATA_DIR / database (application stopped)`;

async function migrate(): Promise<void> {
  const config = prepareDataDir(loadConfig());
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  const applied = await dataSource.runMigrations();
  process.stdout.write(`${applied.length} migration(s) applied: ${applied.map((m) => m.name).join(', ') || 'none pending'}\n`);
  await dataSource.destroy();
}

async function seed(): Promise<void> {
  const app = await createApp({ ...loadConfig(), seedDemo: false, logLevel: 'warn' });
  await app.init();
  await app.get(DemoSeedService).seed();
  await app.close();
  process.stdout.write('demo data seeded\n');
}

async function compact(): Promise<void> {
  const app = await createApp({ ...loadConfig(), seedDemo: false, logLevel: 'warn' });
  await app.init();
  const store = app.get(DocumentStore);
  const names = await store.documentsToCompact(1);
  for (const name of names) {
    const before = await store.stats(name);
    const { merged } = await store.compact(name);
    const after = await store.stats(name);
    process.stdout.write(`${JSON.stringify({ document: name, merged, before, after })}\n`);
  }
  await app.close();
}

async function searchRebuild(index?: string): Promise<void> {
  const app = await createApp({ ...loadConfig(), seedDemo: false, logLevel: 'warn' });
  await app.init();
  const indexer = app.get(SearchIndexer);
  let last = 0;
  await indexer.rebuild(index, (progress) => {
    if (Date.now() - last < 500) return;
    last = Date.now();
    process.stdout.write(`\r${progress.index}: ${progress.done} indexed`);
  });
  process.stdout.write(`\nsearch index rebuilt\n`);
  await app.close();
}

async function schema(file: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-schema-'));
  const app = await createApp(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn' }));
  await app.init();
  writeFileSync(file, printSortedSchema(app.get(GraphQLSchemaHost).schema));
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`schema written to ${file}\n`);
}

/** The value after `--name` (or `--name=value`). */
function option(argv: string[], name: string): string | undefined {
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

const printProgress = (line: string) => process.stdout.write(`${line}\n`);

async function backupCommand(argv: string[]): Promise<void> {
  const out = option(argv, 'out');
  if (!out) throw new BackupError('backup needs --out <folder> (a new or empty folder)');
  await backup(prepareDataDir(loadConfig()), path.resolve(out), printProgress);
}

async function restoreCommand(argv: string[]): Promise<void> {
  const from = option(argv, 'from');
  if (!from) throw new BackupError('restore needs --from <backup folder>');
  await restore(loadConfig(), path.resolve(from), printProgress);
}

async function run(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  if (command === 'backup') return backupCommand(argv.slice(1));
  if (command === 'restore') return restoreCommand(argv.slice(1));
  if (command === 'migrate') return migrate();
  if (command === 'seed') return seed();
  if (command === 'compact') return compact();
  if (command === 'search-rebuild') return searchRebuild(arg);
  if (command === 'schema') return schema(path.resolve(arg ?? 'api/schema.graphql'));
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

run(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof BackupError ? error.message : error.stack}\n`);
  process.exit(1);
});
