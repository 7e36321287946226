import { GET_PROPOSAL, ProposalFixtures } from '../test-support/proposal-fixtures';
import { EvidenceFixtures } from '../test-support/evidence-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../bootstrap';
import { CollaborationService } from '../collaboration/collaboration.service';
import { DocumentStore } from '../collaboration/document-store';
import { AppConfig, loadConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { SearchIndexer } from '../search/search-indexer';
import { GraphQLTestClient } from '../test-support/graphql-client';
import { createScratchDatabase } from '../test-support/scratch-database';
import { BackupError, backup, restore } from './backup';
import { listFiles } from './backup-format';
import { TableReader } from './table-contents';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Text and state vector of every stored collaborative document, as the application loads them. */
async function documentStates(app: NestExpressApplication): Promise<Record<string, { body: string; stateVector: string }>> {
  const store = app.get(DocumentStore);
  const states: Record<string, { body: string; stateVector: string }> = {};
  for (const name of new Set([...(await store.documentsToCompact(1)), ...(await documentNamesWithSnapshots(app))])) {
    const doc = new Y.Doc();
    await store.load(name, doc);
    states[name] = { body: doc.getXmlFragment('default').toString(), stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64') };
  }
  return states;
}

async function documentNamesWithSnapshots(app: NestExpressApplication): Promise<string[]> {
  const { DataSource } = await import('typeorm');
  const rows: { documentName: string }[] = await app.get(DataSource).query('SELECT "documentName" FROM document_snapshots');
  return rows.map((row) => row.documentName);
}

describe('backup and restore', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let config: AppConfig;
  const folders: string[] = [];
  const databases: { drop: () => Promise<void> }[] = [];
  const tempFolder = (prefix: string) => {
    const folder = mkdtempSync(path.join(tmpdir(), prefix));
    folders.push(folder);
    return folder;
  };
  const progress: string[] = [];
  const log = (line: string) => progress.push(line);

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    config = t.app.get<AppConfig>(APP_CONFIG);
    t.app.get(SearchIndexer).stopPolling();
  });
  afterAll(async () => {
    await t.close();
    for (const database of databases) await database.drop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function targetConfig(): Promise<AppConfig> {
    const dataDir = tempFolder('jianyan-restored-');
    const env: Record<string, string> = { NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST: path.join(config.dataDir, 'web') };
    if (t.dialect === 'postgres') {
      const database = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'jianyan_restore');
      databases.push(database);
      env.DATABASE_URL = database.url;
    }
    return loadConfig(env);
  }

  it('gives back every table row, attachment and document state in a fresh data folder and database', async () => {
    // extra rows beyond the demo data: a proposal with a suggestion and document updates (one compacted
    // into a snapshot, two after it), evidence with an attachment, audit entries from an export
    const proposal = await p.create('zhangjie', { title: '关于备份恢复的建议' });
    const suggestion = await p.addSuggestion(proposal.id);
    const store = t.app.get(DocumentStore);
    const documentName = `proposal:${proposal.id}`;
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const body = doc.getXmlFragment('default');
    // the body as an editor writes it: paragraphs and the suggestion's block (the rows follow the blocks)
    const block = new Y.XmlElement('suggestion');
    block.setAttribute('id', suggestion.id);
    const blockText = new Y.XmlElement('paragraph');
    blockText.insert(0, [new Y.XmlText('依托社区开展。')]);
    block.insert(0, [blockText]);
    body.push([block]);
    for (const text of ['加大政府购买服务力度', '帮助边缘困境流动妇女', '晋安区 2022 年纲要']) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      body.push([paragraph]);
    }
    await store.append(documentName, updates[0], p.userIds.zhangjie);
    await store.compact(documentName);
    for (const update of updates.slice(1)) await store.append(documentName, update, p.userIds.zhangjie);
    // derived as the server does after edits, so the restored server finds nothing left to derive
    await t.app.get(CollaborationService).derive(documentName);

    const f = new EvidenceFixtures(t, p);
    const evidence = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '培训总结.pdf');
    const uploaded = await fetch(`${t.url}/evidence/${evidence.id}/attachments`, { method: 'POST', headers: { cookie: (await f.as('chenfang')).cookieHeader }, body: form });
    expect(uploaded.status).toBe(201);
    const attachment = (await uploaded.json()) as { id: string };
    expect((await f.get('admin', '/export/evidence.csv')).status).toBe(200);

    const source = await TableReader.open(config.database);
    const before = await source.contents();
    expect(before.audit_log.length).toBeGreaterThan(0);
    expect(before.document_updates.length).toBeGreaterThan(0);
    expect(before.document_snapshots.length).toBeGreaterThan(0);
    expect(before.evidence_attachments.length).toBeGreaterThan(0);
    expect(before.adoptions.length).toBeGreaterThan(0); // from the demo data

    const out = path.join(tempFolder('jianyan-backup-'), 'backup');
    const manifest = await backup(config, out, log); // online: the application keeps running
    const after = await source.contents();
    await source.close();
    expect(after).toEqual(before); // nothing wrote meanwhile, so the backup must hold exactly `before`
    expect(manifest.dialect).toBe(t.dialect);
    expect(Object.keys(manifest.tables).sort()).toEqual(Object.keys(before).sort());
    expect(progress.some((line) => line.startsWith('backup written to'))).toBe(true);

    const target = await targetConfig();
    await restore(target, out, log);
    const restored = await TableReader.open(target.database);
    const restoredContents = await restored.contents();
    await restored.close();
    expect(Object.keys(restoredContents).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, rows: restoredContents[table] }).toEqual({ table, rows: before[table] });

    const sourceFiles = listFiles(path.join(config.dataDir, 'attachments'));
    expect(sourceFiles.length).toBeGreaterThan(0);
    expect(listFiles(path.join(target.dataDir, 'attachments'))).toEqual(sourceFiles);
    for (const file of sourceFiles) {
      expect(readFileSync(path.join(target.dataDir, 'attachments', file)).equals(readFileSync(path.join(config.dataDir, 'attachments', file)))).toBe(true);
    }

    // the restored installation runs: same document states, proposal and attachment bytes through the API
    const app = await createApp(target);
    await app.listen(0, '127.0.0.1');
    try {
      const sourceStates = await documentStates(t.app);
      expect(sourceStates[documentName].body).toContain('帮助边缘困境流动妇女');
      expect(await documentStates(app)).toEqual(sourceStates);
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const admin = new GraphQLTestClient(url);
      await admin.login('zhangjie@jianyan.demo');
      expect((await admin.ok(GET_PROPOSAL, { id: proposal.id })).proposal).toEqual((await (await p.as('zhangjie')).ok(GET_PROPOSAL, { id: proposal.id })).proposal);
      const download = await fetch(`${url}/evidence/${evidence.id}/attachments/${attachment.id}`, { headers: { cookie: admin.cookieHeader } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    } finally {
      await app.close();
    }

    // a second restore into the now filled target is refused, and so is a backup into a used folder
    await expect(restore(target, out, log)).rejects.toThrow(/restore needs an empty target/);
    await expect(backup(config, out, log)).rejects.toThrow(BackupError);
    await expect(restore(target, tempFolder('jianyan-not-a-backup-'), log)).rejects.toThrow(/not a Jianyan backup/);

    // a backup from a newer version (a migration this code does not know) is refused before anything is written
    const manifestFile = path.join(out, 'manifest.json');
    const edited = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...edited, migrations: [...edited.migrations, 'Future1999999999999'] }));
    const untouched = await targetConfig();
    await expect(restore(untouched, out, log)).rejects.toThrow(/newer version/);
    expect(listFiles(untouched.dataDir)).toEqual([]);
  });
});
