import { writeCsv } from '../core/evidence/csv';
import { EvidenceFixtures } from '../test-support/evidence-fixtures';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id title } }`;
const CREATE_EVIDENCE = `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id title } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`;
const COUNTS = `{ proposals(first: 1) { totalCount } evidenceList(first: 1) { totalCount } programs(first: 100) { nodes { id } } users(first: 100) { nodes { id } } }`;

const SPOOFS = ['关于流动儿童\u202Efdp.exe', '隔离\u2066符号\u2069', '方向\u200F标记', '制表\t符', '换行\n标题', '响铃\u0007', 'C1\u0085控制'];

describe('titles and names refuse control characters and text-direction overrides', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const counts = async () => (await p.as('admin')).ok(COUNTS);
  const refusal = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;

  const escaped = (text: string) => text.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  it.each(SPOOFS.map((spoof) => [escaped(spoof), spoof]))('refuses "%s" in a proposal, evidence and program title and a person’s name, naming the field, and writes nothing', async (_label, spoof) => {
    const before = await counts();
    const admin = await p.as('admin');
    const proposal = await (await p.as('zhangjie')).request(CREATE_PROPOSAL, { input: { title: spoof, year: 2026, districtId: p.orgIds.jinan } });
    expect(refusal(proposal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title', reason: 'CONTROL_CHARACTERS' });
    const evidence = await (await p.as('chenfang')).request(CREATE_EVIDENCE, {
      input: { title: spoof, narrative: '正文可以换行\n和\t制表。', dateFrom: '2021-03-01', sourceType: 'service_record', districtId: p.orgIds.jinan },
    });
    expect(refusal(evidence)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const marked = await (await p.as('chenfang')).request(CREATE_EVIDENCE, {
      input: { title: '访谈', narrative: '正文', dateFrom: '2021-03-01', sourceType: 'service_record', districtId: p.orgIds.jinan, markedNames: [spoof] },
    });
    expect(refusal(marked)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'markedNames' });
    const person = await admin.request(CREATE_USER, { input: { displayName: spoof, email: 'spoof@title-input.test', role: 'member', organizationId: p.orgIds.jinan } });
    expect(refusal(person)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
    const program = await admin.request(CREATE_PROGRAM, {
      input: { name: spoof, issuingBody: '区政府', periodStart: 2021, periodEnd: 2030, nodes: [{ depth: 0, kind: 'area', text: '妇女与健康' }] },
    });
    expect(refusal(program)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const inline = await (await p.as('zhangjie')).request(`mutation { createProposal(input: { title: ${JSON.stringify(spoof)}, year: 2026, districtId: ${JSON.stringify(p.orgIds.jinan)} }) { id } }`);
    expect(refusal(inline)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await counts()).toEqual(before);
  });

  it('holds the rule however the title arrives: a variable of another name, a default value, an import row, an uploaded file name', async () => {
    const spoof = SPOOFS[0];
    const before = await counts();
    const zhangjie = await p.as('zhangjie');
    const renamed = await zhangjie.request(`mutation($t: String!, $d: ID!) { createProposal(input: { title: $t, year: 2026, districtId: $d }) { id } }`, {
      t: spoof,
      d: p.orgIds.jinan,
    });
    expect(refusal(renamed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title', reason: 'CONTROL_CHARACTERS' });
    const byDefault = await zhangjie.request(`mutation($t: String = ${JSON.stringify(spoof)}, $d: ID!) { createProposal(input: { title: $t, year: 2026, districtId: $d }) { id } }`, {
      d: p.orgIds.jinan,
    });
    expect(refusal(byDefault)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title', reason: 'CONTROL_CHARACTERS' });
    const csv = Buffer.from(writeCsv([['标题', '案例叙述', '日期', '区县', '来源类型'], [spoof, '正文', '2021-03-01', '晋安区', '服务记录']])).toString('base64');
    const imported = await (await p.as('chenfang')).request(`mutation($file: String!) { commitEvidenceImport(file: $file, format: CSV) { count } }`, { file: csv });
    expect(refusal(imported)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await counts()).toEqual(before);

    const { id } = await f.create({ title: '附件名称', narrative: '正文' });
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('服务记录')], { type: 'text/plain' }), '记录\u202Etxt.exe\u2066.txt');
    const response = await fetch(`${t.url}/evidence/${id}/attachments`, { method: 'POST', headers: { cookie: (await p.as('chenfang')).cookieHeader }, body: form });
    const uploaded = { status: response.status, body: await response.json() };
    expect(uploaded).toMatchObject({ status: 201 });
    const { evidence } = await (await p.as('chenfang')).ok(`query($id: ID!) { evidence(id: $id) { attachments { fileName } } }`, { id });
    expect(evidence.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['记录txt.exe.txt']);
  });

  it('still accepts ordinary titles, and line breaks and tabs in a narrative', async () => {
    const { id } = await f.create({ title: '流动妇女（2021—2030）“三社联动”', narrative: '第一段\n\t第二段' });
    expect(id).toEqual(expect.any(String));
  });
});
