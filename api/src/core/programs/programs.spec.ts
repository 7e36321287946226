import { Document, Packer, Paragraph } from 'docx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';

const MIXED = readFileSync(path.join(__dirname, 'fixtures', 'mixed-numbering.txt'), 'utf8');
const PREVIEW = `mutation($input: ProgramImportInput!) { importProgramPreview(input: $input) { suggestedName nodes { depth kind number text } } }`;
const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id name district { code } clauseCount
  clauses { id parentId depth kind number text } } }`;
const PROGRAMS = `{ programs(first: 50) { totalCount nodes { id name issuingBody periodStart periodEnd promulgatedOn clauseCount } } }`;
const DELETE = `mutation($id: ID!) { deleteProgram(id: $id) }`;
const SEARCH = `query($text: String!) { search(input: { index: "clauses", text: $text }) { total hits { id snippet fields { name value } } } }`;

const program = (nodes: unknown[], extra: Record<string, unknown> = {}) => ({
  name: '测试区妇女发展纲要（2021—2030年）',
  issuingBody: '测试区人民政府',
  periodStart: 2021,
  periodEnd: 2030,
  promulgatedOn: '2022-06',
  nodes,
  ...extra,
});

describe('development programs', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it('lists the demo programs to everyone signed in, researchers included', async () => {
    const { programs } = await (await f.as('liusiyuan')).ok(PROGRAMS);
    expect(programs.nodes.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['中国妇女发展纲要（2021—2030年）', '中国儿童发展纲要（2021—2030年）', '福州市晋安区妇女发展纲要（2021—2030年）']),
    );
    const national = await (await f.as('liusiyuan')).ok(
      `query($id: ID!) { program(id: $id) { clauses { depth kind text } } }`,
      { id: programs.nodes.find((p: { name: string }) => p.name.startsWith('中国妇女')).id },
    );
    const areas = national.program.clauses.filter((c: { kind: string }) => c.kind === 'area');
    expect(areas.map((a: { text: string }) => a.text)).toEqual([
      '妇女与健康', '妇女与教育', '妇女与经济', '妇女参与决策和管理', '妇女与社会保障', '妇女与家庭建设', '妇女与环境', '妇女与法律',
    ]);
    expect(errorCode(await t.client().request(PROGRAMS))).toBe('UNAUTHENTICATED');
  });

  it('previews pasted text with mixed numbering as the expected tree, without saving', async () => {
    const admin = await f.as('admin');
    const before = (await admin.ok(PROGRAMS)).programs.totalCount;
    const { importProgramPreview } = await admin.ok(PREVIEW, { input: { text: MIXED } });
    expect(importProgramPreview.suggestedName).toBe('福州市晋安区妇女发展纲要（2021—2030年）');
    const outline = importProgramPreview.nodes.map((n: { depth: number; kind: string; number: string }) => `${n.depth} ${n.kind} ${n.number}`.trim());
    expect(outline).toEqual([
      '0 section 一、', '1 section （一）', '0 section 二、', '1 area （一）', '2 section', '3 goal 1.', '3 goal 2．',
      '2 section', '3 measure 1、', '4 measure （1）', '4 measure （2）', '3 measure 2.', '1 area （二）', '2 section', '3 goal 1.',
      '2 section', '3 measure 1.', '4 measure ①', '4 measure ②', '0 section 三、', '1 measure （一）',
    ]);
    expect(importProgramPreview.nodes[8].text).toBe('加大政府购买服务力度，支持社会组织为边缘困境流动妇女提供就业帮扶服务。');
    expect((await admin.ok(PROGRAMS)).programs.totalCount).toBe(before);
  });

  it('reads a .docx file with typed numbers into the same tree', async () => {
    const lines = ['晋安区儿童发展纲要（2021—2030年）', '一、儿童与安全', '主要目标：', '1. 儿童溺水死亡率持续下降。', '策略措施：', '1. 开展防溺水安全教育。', '（1）暑期在水域设置警示标识。'];
    const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
    const docxBase64 = (await Packer.toBuffer(doc)).toString('base64');
    const { importProgramPreview } = await (await f.as('admin')).ok(PREVIEW, { input: { docxBase64 } });
    expect(importProgramPreview.suggestedName).toBe('晋安区儿童发展纲要（2021—2030年）');
    expect(importProgramPreview.nodes).toEqual([
      { depth: 0, kind: 'area', number: '一、', text: '儿童与安全' },
      { depth: 1, kind: 'section', number: '', text: '主要目标' },
      { depth: 2, kind: 'goal', number: '1.', text: '儿童溺水死亡率持续下降。' },
      { depth: 1, kind: 'section', number: '', text: '策略措施' },
      { depth: 2, kind: 'measure', number: '1.', text: '开展防溺水安全教育。' },
      { depth: 3, kind: 'measure', number: '（1）', text: '暑期在水域设置警示标识。' },
    ]);
    const notDocx = await (await f.as('admin')).request(PREVIEW, { input: { docxBase64: Buffer.from('plain text').toString('base64') } });
    expect(errorCode(notDocx)).toBe('BAD_USER_INPUT');
    expect(notDocx.errors![0].extensions!.field).toBe('docxBase64');
  });

  it('saves the corrected tree (admins only) and indexes its clauses for search', async () => {
    const admin = await f.as('admin');
    const { importProgramPreview } = await admin.ok(PREVIEW, { input: { text: MIXED } });
    const nodes = importProgramPreview.nodes.map((n: Record<string, unknown>, i: number) =>
      i === 1 ? { ...n, kind: 'goal', text: '坚持以人民为中心，促进男女平等和妇女全面发展。' } : n,
    );
    const input = program(nodes, { districtId: f.orgIds.jinan, sourceDocument: '测政〔2022〕1号' });
    for (const person of ['zhangjie', 'liusiyuan', 'huangli'] as const) {
      expect(errorCode(await (await f.as(person)).request(CREATE, { input }))).toBe('FORBIDDEN');
      expect(errorCode(await (await f.as(person)).request(PREVIEW, { input: { text: MIXED } }))).toBe('FORBIDDEN');
    }
    const { createProgram } = await admin.ok(CREATE, { input });
    expect(createProgram.district.code).toBe('jinan');
    expect(createProgram.clauseCount).toBe(21);
    expect(createProgram.clauses[1]).toMatchObject({ depth: 1, kind: 'goal', text: '坚持以人民为中心，促进男女平等和妇女全面发展。' });
    const byId = new Map(createProgram.clauses.map((c: { id: string }) => [c.id, c]));
    for (const clause of createProgram.clauses) {
      if (clause.depth === 0) expect(clause.parentId).toBeNull();
      else expect((byId.get(clause.parentId) as { depth: number }).depth).toBe(clause.depth - 1);
    }
    const found = await (await f.as('liusiyuan')).ok(SEARCH, { text: '边缘困境流动妇女' });
    const hit = found.search.hits.find((h: { id: string }) => h.id === createProgram.clauses[8].id);
    expect(hit.snippet).toContain('<mark>');
    expect(hit.fields).toEqual(expect.arrayContaining([{ name: 'programName', value: '测试区妇女发展纲要（2021—2030年）' }]));

    expect(await admin.ok(DELETE, { id: createProgram.id })).toEqual({ deleteProgram: true });
    const after = await (await f.as('liusiyuan')).ok(SEARCH, { text: '边缘困境流动妇女' });
    expect(after.search.hits.map((h: { id: string }) => h.id)).not.toContain(createProgram.clauses[8].id);
    expect(errorCode(await admin.request(`query($id: ID!) { program(id: $id) { id } }`, { id: createProgram.id }))).toBe('NOT_FOUND');
  });

  it('refuses a tree whose depths skip a level, bad periods and districts outside the federation', async () => {
    const admin = await f.as('admin');
    const skipping = await admin.request(CREATE, {
      input: program([{ depth: 0, kind: 'area', number: '一、', text: '妇女与健康' }, { depth: 2, kind: 'goal', number: '1.', text: '目标' }]),
    });
    expect(errorCode(skipping)).toBe('BAD_USER_INPUT');
    expect(skipping.errors![0].extensions!.field).toBe('nodes.1.depth');
    const period = await admin.request(CREATE, { input: program([{ depth: 0, kind: 'area', text: '妇女与健康' }], { periodStart: 2030, periodEnd: 2021 }) });
    expect(period.errors![0].extensions!.field).toBe('periodEnd');
    const empty = await admin.request(CREATE, { input: program([]) });
    expect(empty.errors![0].extensions!.field).toBe('nodes');
    const nothing = await admin.request(PREVIEW, { input: { text: '   ' } });
    expect(errorCode(nothing)).toBe('BAD_USER_INPUT');
  });

  it('checks promulgatedOn against the calendar', async () => {
    const admin = await f.as('admin');
    const nodes = [{ depth: 0, kind: 'area', text: '妇女与健康' }];
    for (const promulgatedOn of ['2022-13', '2022-00', '2022-02-30', '2023-02-29']) {
      const result = await admin.request(CREATE, { input: program(nodes, { promulgatedOn }) });
      expect([promulgatedOn, result.errors?.[0]?.extensions?.field]).toEqual([promulgatedOn, 'promulgatedOn']);
    }
    const { createProgram } = await admin.ok(CREATE, { input: program(nodes, { promulgatedOn: '2024-02-29' }) });
    await admin.ok(DELETE, { id: createProgram.id });
  });

  it('lets only administrators of the program’s own federation delete it; national programs only at the federation’s root', async () => {
    const organizations = t.app.get(OrganizationsService);
    const users = t.app.get(UsersService);
    const quanzhou = await organizations.create({ code: 'quanzhou-programs', name: '泉州市妇联', nameEn: 'Quanzhou', kind: 'federation' });
    const adminOf = async (key: string, organizationId: string) => {
      const email = `${key}@programs.test`;
      await users.create(null, { displayName: key, email, role: 'admin', organizationId, password: 'program-admin-password' });
      const client = t.client();
      await client.login(email, 'program-admin-password');
      return client;
    };
    const otherFederation = await adminOf('quanzhou-admin', quanzhou.id);
    const districtAdmin = await adminOf('jinan-admin', f.orgIds.jinan);
    const admin = await f.as('admin');
    const nodes = [{ depth: 0, kind: 'area', text: '妇女与健康' }];
    const district = (await admin.ok(CREATE, { input: program(nodes, { districtId: f.orgIds.jinan, name: '晋安测试纲要' }) })).createProgram;
    const national = (await admin.ok(CREATE, { input: program(nodes, { name: '全国测试纲要' }) })).createProgram;

    expect(errorCode(await otherFederation.request(DELETE, { id: district.id }))).toBe('NOT_FOUND');
    expect(errorCode(await otherFederation.request(DELETE, { id: national.id }))).toBe('NOT_FOUND');
    expect(errorCode(await districtAdmin.request(DELETE, { id: national.id }))).toBe('NOT_FOUND');
    expect(await districtAdmin.ok(DELETE, { id: district.id })).toEqual({ deleteProgram: true });
    expect(await admin.ok(DELETE, { id: national.id })).toEqual({ deleteProgram: true });
  });
});
