import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { EvidenceFixtures } from '../../test-support/evidence-fixtures';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { writeXlsx } from './xlsx';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(64)]);
const SCRIPT = Buffer.from('#!/bin/sh\nrm -rf /\n');

describe('evidence attachments: upload checked from the bytes, download under clearance', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;
  let attachmentsDir: string;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
    attachmentsDir = path.join(t.app.get<AppConfig>(APP_CONFIG).dataDir, 'attachments');
  });
  afterAll(() => t.close());

  const upload = async (evidenceId: string, content: Buffer, fileName: string, type = 'application/pdf', by: 'chenfang' | 'zhangjie' | 'admin' = 'chenfang') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
    const response = await fetch(`${t.url}/evidence/${evidenceId}/attachments`, {
      method: 'POST',
      headers: { cookie: (await f.as(by)).cookieHeader },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const storedFiles = (evidenceId: string) => {
    const dir = path.join(attachmentsDir, 'evidence', evidenceId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const rows = async (evidenceId: string) =>
    Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM evidence_attachments WHERE "evidenceId" = '${evidenceId}'`))[0].n);

  it('accepts PDF, PNG, JPEG, DOCX, XLSX, CSV and TXT, typed from their bytes', async () => {
    const { id } = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('培训签到表')] }] }));
    const xlsx = await writeXlsx('名单', [['姓名', '课程']]);
    const cases: [Buffer, string, string][] = [
      [PDF, '培训总结.pdf', 'pdf'],
      [PNG, '现场照片.png', 'png'],
      [JPEG, 'photo.jpg', 'jpeg'],
      [docx, '签到表.docx', 'docx'],
      [xlsx, '名单.xlsx', 'xlsx'],
      [Buffer.from('\ufeff课程,人数\n家政,800\n'), '统计.csv', 'csv'],
      [Buffer.from('访谈记录：……'), 'notes', 'txt'],
    ];
    for (const [content, name, kind] of cases) {
      const { status, body } = await upload(id, content, name, 'application/octet-stream');
      expect([status, body.kind]).toEqual([201, kind]);
    }
    const { evidence } = await (await f.as('zhangjie')).ok(`query($id: ID!) { evidence(id: $id) { attachments { fileName kind size downloadUrl } } }`, { id });
    expect(evidence.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['培训总结.pdf', '现场照片.png', 'photo.jpg', '签到表.docx', '名单.xlsx', '统计.csv', 'notes.txt']);
    const response = await f.get('zhangjie', evidence.attachments[0].downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('培训总结.pdf'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it.each([
    ['a Windows executable', EXE, 'report.pdf'],
    ['an ELF binary', ELF, 'report.pdf'],
    ['a shell script', SCRIPT, 'report.pdf'],
    ['a zip that is not an Office document', null, 'data.docx'],
    ['a PNG named .pdf', PNG, 'scan.pdf'],
    ['binary data', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe]), 'data.txt'],
  ])('refuses %s claiming to be an allowed type, and stores nothing', async (_label, content, name) => {
    const { id } = await f.create();
    const bytes = content ?? (await new JSZip().file('readme.txt', 'hi').generateAsync({ type: 'nodebuffer' }));
    const { status, body } = await upload(id, bytes, name, 'application/pdf');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(body.message).toMatch(/^file: /);
    expect(storedFiles(id)).toEqual([]);
    expect(await rows(id)).toBe(0);
  });

  it('refuses files over 20 MB, a missing file, strangers and readers who do not manage the record', async () => {
    const { id } = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    expect((await upload(id, Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), 'big.pdf')).status).toBe(413);
    const empty = await fetch(`${t.url}/evidence/${id}/attachments`, {
      method: 'POST',
      headers: { cookie: (await f.as('chenfang')).cookieHeader },
      body: new FormData(),
    });
    expect([empty.status, ((await empty.json()) as { code: string }).code]).toEqual([400, 'BAD_USER_INPUT']);
    expect((await upload(id, PDF, 'a.pdf', 'application/pdf', 'zhangjie')).status).toBe(403);
    const restricted = await f.create();
    expect((await upload(restricted.id, PDF, 'a.pdf', 'application/pdf', 'zhangjie')).status).toBe(404);
    const anonymous = await fetch(`${t.url}/evidence/${id}/attachments`, { method: 'POST', body: new FormData() });
    expect(anonymous.status).toBe(401);
    expect(storedFiles(id)).toEqual([]);
    expect(storedFiles(restricted.id)).toEqual([]);
  });

  it('lets only the raw-cleared download from restricted evidence, auditing each download', async () => {
    const { id } = await f.published({ sensitivity: 'restricted', markedNames: ['王秀英'] });
    const { body } = await upload(id, PDF, '王秀英的个案.pdf');
    expect(body.fileName).toBe('王秀英的个案.pdf');
    const url = body.downloadUrl as string;
    const reads = async () => (await f.auditEntries({ entityId: id, action: 'evidence.raw_read' })).length;
    const before = await reads();
    expect((await f.get('zhangjie', url)).status).toBe(404);
    await (await f.as('chenfang')).ok(`mutation($input: GrantEvidenceAccessInput!) { grantEvidenceAccess(input: $input) { id } }`, {
      input: { evidenceId: id, userId: p.userIds.zhangjie, level: 'read' },
    });
    const { evidence } = await (await f.as('zhangjie')).ok(`query($id: ID!) { evidence(id: $id) { attachments { fileName } } }`, { id });
    expect(evidence.attachments).toEqual([{ fileName: '王**的个案.pdf' }]);
    const refused = await f.get('zhangjie', url);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
    expect(await reads()).toBe(before);
    const own = await f.get('chenfang', url);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain(encodeURIComponent('王秀英的个案.pdf'));
    expect(await reads()).toBe(before + 1);
    expect(JSON.parse((await f.auditEntries({ entityId: id, action: 'evidence.raw_read' }))[0].details)).toMatchObject({ via: 'download' });
    expect((await fetch(`${t.url}${url}`)).status).toBe(401);
    expect((await f.get('chenfang', `/evidence/${id}/attachments/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });
});
