import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { BODY_FIELD } from '@jianyan/shared';
import { listFiles } from '../../api/src/backup/backup-format';
import { TableContents, TableReader } from '../../api/src/backup/table-contents';
import { DatabaseConfig } from '../../api/src/config/config';
import { CollabClient, connectCollab } from '../../api/src/test-support/collab-client';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { apiSession } from '../support/api-session';
import { until } from '../support/polling';
import { REPO_ROOT, RunningServer, startServer } from '../support/server';

const CLI = path.join(REPO_ROOT, 'dist/api/cli.js');

/** The proposals 张洁 sees, through the API of a running server. */
async function proposalCount(url: string): Promise<number> {
  const zhang = await apiSession(url, 'zhangjie@jianyan.demo');
  return (await zhang('{ proposals(first: 10) { totalCount } }')).proposals.totalCount;
}

function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The backup and restore commands of the built product: a backup of a running installation (SQLite),
 * restored into a new data folder that the product then serves; a used target is refused.
 */
describe('backup and restore commands', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'jianyan-backup-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a running installation, restores it into an empty folder, and refuses a used one', async () => {
    const source = await startServer({}, { dataDir: path.join(root, 'source'), keepData: true });
    let backup;
    let before: number;
    try {
      before = await proposalCount(source.url);
      expect(before).toBeGreaterThan(0);
      backup = cli(['backup', '--out', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'source') });
    } finally {
      await source.stop();
    }
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/database: \d+ pages copied/);
    expect(backup.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    const manifest = JSON.parse(readFileSync(path.join(root, 'backup', 'manifest.json'), 'utf8'));
    expect(manifest.tables.proposals).toBeGreaterThan(0);

    const restore = cli(['restore', '--from', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'restored') });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/restore complete/);

    const again = cli(['restore', '--from', path.join(root, 'backup')], { DATA_DIR: path.join(root, 'restored') });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/restore needs an empty target, but .* has rows in .*proposals/);
    expect(cli(['backup'], { DATA_DIR: path.join(root, 'restored') }).stderr).toMatch(/backup needs --out/);

    const restored = await startServer({ SEED_DEMO: 'false' }, { dataDir: path.join(root, 'restored'), keepData: true });
    try {
      expect(await proposalCount(restored.url)).toBe(before);
    } finally {
      await restored.stop();
    }
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const dialects = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])] as const;

async function contentsOf(database: DatabaseConfig): Promise<TableContents> {
  const reader = await TableReader.open(database);
  try {
    return await reader.contents();
  } finally {
    await reader.close();
  }
}

/** What a collaboration client that just connected receives: the server's stored document. */
async function servedDocument(url: string, cookie: string, proposalId: string): Promise<{ text: string; state: Buffer }> {
  const reader = connectCollab(url, proposalId, cookie);
  try {
    await reader.synced;
    return { text: reader.text(), state: Buffer.from(Y.encodeStateAsUpdate(reader.doc)) };
  } finally {
    reader.close();
  }
}

/**
 * A backup taken while a co-author's editor is open and has typed (document updates stored, not yet
 * compacted), with a new attachment and a new adoption record, restored by the commands into a
 * fresh target: every row of every table, every attachment byte and the served document are equal.
 */
describe.each(dialects)('backup of an installation under edit, restored (%s)', (dialect) => {
  const root = mkdtempSync(path.join(tmpdir(), `jianyan-backup-live-${dialect}-`));
  const scratch: ScratchDatabase[] = [];
  const servers: RunningServer[] = [];
  let editor: CollabClient | undefined;

  afterAll(async () => {
    editor?.close();
    for (const server of servers) await server.stop();
    for (const database of scratch) await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  async function installation(name: string): Promise<{ env: Record<string, string>; database: DatabaseConfig; dataDir: string }> {
    const dataDir = path.join(root, name);
    if (dialect === 'sqlite') return { env: { DATA_DIR: dataDir }, database: { kind: 'sqlite', file: path.join(dataDir, 'jianyan.sqlite') } as DatabaseConfig, dataDir };
    const database = await createScratchDatabase(process.env.TEST_DATABASE_URL!, `jianyan_backup_${name}`);
    scratch.push(database);
    return { env: { DATA_DIR: dataDir, DATABASE_URL: database.url }, database: { kind: 'postgres', url: database.url } as DatabaseConfig, dataDir };
  }

  it('gives back every row, attachment byte and the Yjs state of the document being edited', async () => {
    const source = await installation('source');
    const server = await startServer(source.env, { dataDir: source.dataDir, keepData: true });
    servers.push(server);
    const zhang = new GraphQLTestClient(server.url);
    await zhang.login('zhangjie@jianyan.demo');
    const chen = new GraphQLTestClient(server.url);
    await chen.login('chenfang@jianyan.demo');
    const { organizations } = await zhang.ok('{ organizations { id code } }');
    const jinan = organizations.find((o: any) => o.code === 'jinan').id;

    // the body under edit: typed by a live editor, acknowledged (stored), the editor still connected
    const { createProposal } = await zhang.ok('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于备份恢复演练的建议', year: 2025, districtId: jinan },
    });
    const proposalId: string = createProposal.id;
    editor = connectCollab(server.url, proposalId, zhang.cookieHeader);
    await editor.synced;
    for (const text of ['加大政府购买服务力度', '帮助边缘困境流动妇女', '晋安区 2022 年纲要']) editor.appendParagraph(text);
    const body = editor.doc.getXmlFragment(BODY_FIELD);
    ((body.get(body.length - 2) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '（修订）'); // an edit inside typed text too
    await editor.saved();

    // an attachment on a new evidence record
    const { createEvidence } = await chen.ok('mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }', {
      input: { title: '流动妇女职业技能培训', narrative: '2020年以来开展免费培训。', dateFrom: '2021-03-01', sourceType: 'service_record', districtId: jinan },
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '培训总结.pdf');
    const uploaded = await fetch(`${server.url}/evidence/${createEvidence.id}/attachments`, { method: 'POST', headers: { cookie: chen.cookieHeader }, body: form });
    expect(uploaded.status).toBe(201);

    // a new adoption record, on a suggestion of a submitted demo proposal
    const { proposals } = await zhang.ok('{ proposals(first: 50) { nodes { id status suggestions { id } } } }');
    const submitted = proposals.nodes.find((n: any) => n.status !== 'draft' && n.status !== 'in_review' && n.suggestions.length > 0);
    await zhang.ok('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
      input: { suggestionId: submitted.suggestions[0].id, targetKind: 'official_reply', documentTitle: '关于备份演练的答复', status: 'adopted', decidedOn: '2024-05-06' },
    });

    // the server derives the proposal's text from the document a moment after the edits: once it has,
    // nothing writes until the backup is over, so the rows read before and after it must be its contents
    const before = await until(
      () => contentsOf(source.database),
      (rows) => rows.proposals.some((row) => row.includes(proposalId) && row.includes('（修订）帮助边缘困境流动妇女')),
      'the derived body text',
    );
    expect(before.document_updates.some((row) => row.includes(proposalId))).toBe(true); // stored updates, not compacted
    expect(before.document_snapshots.some((row) => row.includes(proposalId))).toBe(false);
    expect(before.evidence_attachments.length).toBeGreaterThan(0);
    const backup = cli(['backup', '--out', path.join(root, 'backup')], source.env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const served = await servedDocument(server.url, zhang.cookieHeader, proposalId);
    expect(served.text).toContain('（修订）帮助边缘困境流动妇女');
    const after = await contentsOf(source.database);
    expect(after).toEqual(before);

    const target = await installation('restored');
    const restore = cli(['restore', '--from', path.join(root, 'backup')], target.env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const restored = await contentsOf(target.database);
    expect(Object.keys(restored).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, rows: restored[table] }).toEqual({ table, rows: before[table] });
    const files = listFiles(path.join(source.dataDir, 'attachments'));
    expect(files.length).toBeGreaterThan(0);
    expect(listFiles(path.join(target.dataDir, 'attachments'))).toEqual(files);
    for (const file of files) {
      expect(readFileSync(path.join(target.dataDir, 'attachments', file)).equals(readFileSync(path.join(source.dataDir, 'attachments', file)))).toBe(true);
    }

    const restoredServer = await startServer({ ...target.env, SEED_DEMO: 'false' }, { dataDir: target.dataDir, keepData: true });
    servers.push(restoredServer);
    const zhangThere = new GraphQLTestClient(restoredServer.url);
    await zhangThere.login('zhangjie@jianyan.demo');
    const servedThere = await servedDocument(restoredServer.url, zhangThere.cookieHeader, proposalId);
    expect(servedThere.text).toBe(served.text);
    expect(servedThere.state.equals(served.state)).toBe(true);
    // the restored id sequences are past the restored rows: a change writes its outbox row
    const moved = await zhangThere.ok('mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { status } }', {
      input: { proposalId, to: 'in_review' },
    });
    expect(moved.transitionProposal.status).toBe('in_review');
  });
});
