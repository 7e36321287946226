import { JINAN_ADOPTING_CLAUSE } from '../../seed/programs-demo-texts';
import { JINAN_PROGRAM_NAME } from '../../seed/programs-demo';
import { GraphQLTestClient } from '../../test-support/graphql-client';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';

const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id clauses { id kind number text } } }`;
const DETAILS = `id name issuingBody periodStart periodEnd promulgatedOn sourceDocument district { code } canEdit`;
const PROGRAM = `query($id: ID!) { program(id: $id) { ${DETAILS} clauses { id parentId depth kind number text } } }`;
const UPDATE = `mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { ${DETAILS} } }`;
const UPDATE_CLAUSE = `mutation($input: UpdateProgramClauseInput!) { updateProgramClause(input: $input) { id programId parentId depth kind number text } }`;
const SEARCH = `query($text: String!) { search(input: { index: "clauses", text: $text }) { hits { id fields { name value } } } }`;
const AUDIT = `query($entityId: ID!) { auditLog(first: 10, filter: { entityId: $entityId }) { nodes { action entityType details actor { displayName } } } }`;
const DELETE = `mutation($id: ID!) { deleteProgram(id: $id) }`;

const NODES = [
  { depth: 0, kind: 'area', number: '一、', text: '妇女与社会保障' },
  { depth: 1, kind: 'section', number: '', text: '策略措施' },
  { depth: 2, kind: 'measure', number: '1.', text: '扩大生育保险覆盖面，将灵活就业妇女纳入保障。' },
  { depth: 2, kind: 'measure', number: '2.', text: '为困境妇女提供临时救助。' },
];

describe('correcting a saved program', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let admin: GraphQLTestClient;
  let otherFederation: GraphQLTestClient;
  let districtAdmin: GraphQLTestClient;

  const create = async (extra: Record<string, unknown> = {}) =>
    (
      await admin.ok(CREATE, {
        input: { name: '校对区妇女发展纲要（2021—2030年）', issuingBody: '校对区人民政府', periodStart: 2021, periodEnd: 2030, promulgatedOn: '2022-06', nodes: NODES, ...extra },
      })
    ).createProgram as { id: string; clauses: { id: string; kind: string; number: string; text: string }[] };
  const read = async (id: string, client = admin) => (await client.ok(PROGRAM, { id })).program;
  const searchIds = async (text: string) =>
    ((await (await f.as('liusiyuan')).ok(SEARCH, { text })).search.hits as { id: string }[]).map((h) => h.id);

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    admin = await f.as('admin');
    const organizations = t.app.get(OrganizationsService);
    const users = t.app.get(UsersService);
    const xiamen = await organizations.create({ code: 'xiamen-editing', name: '厦门市妇联', nameEn: 'Xiamen', kind: 'federation' });
    const adminOf = async (key: string, organizationId: string) => {
      const email = `${key}@program-editing.test`;
      await users.create(null, { displayName: key, email, role: 'admin', organizationId, password: 'program-editing-password' });
      const client = t.client();
      await client.login(email, 'program-editing-password');
      return client;
    };
    otherFederation = await adminOf('xiamen-admin', xiamen.id);
    districtAdmin = await adminOf('jinan-admin', f.orgIds.jinan);
  });
  afterAll(() => t.close());

  it('corrects the details and a clause: the tree, the search and the audit log show the change', async () => {
    const created = await create();
    const measure = created.clauses[2];
    const { updateProgram } = await admin.ok(UPDATE, {
      input: { id: created.id, name: '校对区妇女发展纲要（2021—2030年）（修订）', promulgatedOn: '2022-06-15', districtId: f.orgIds.jinan, sourceDocument: '校政〔2022〕7号' },
    });
    // fields left out keep their value
    expect(updateProgram).toEqual({
      id: created.id,
      name: '校对区妇女发展纲要（2021—2030年）（修订）',
      issuingBody: '校对区人民政府',
      periodStart: 2021,
      periodEnd: 2030,
      promulgatedOn: '2022-06-15',
      sourceDocument: '校政〔2022〕7号',
      district: { code: 'jinan' },
      canEdit: true,
    });

    const { updateProgramClause } = await admin.ok(UPDATE_CLAUSE, { input: { id: measure.id, number: '（1）', text: '  扩大生育保险覆盖面，将新就业形态妇女纳入保障。 ', kind: 'goal' } });
    expect(updateProgramClause).toMatchObject({ id: measure.id, programId: created.id, depth: 2, kind: 'goal', number: '（1）', text: '扩大生育保险覆盖面，将新就业形态妇女纳入保障。' });

    const program = await read(created.id);
    expect(program.clauses.map((c: { id: string }) => c.id)).toEqual(created.clauses.map((c) => c.id));
    expect(program.clauses[2]).toMatchObject({ kind: 'goal', number: '（1）', text: '扩大生育保险覆盖面，将新就业形态妇女纳入保障。', parentId: created.clauses[1].id });
    expect(program.clauses[3].text).toBe('为困境妇女提供临时救助。');

    // the clause index has the new text, and every clause the new program name
    expect(await searchIds('新就业形态')).toContain(measure.id);
    expect(await searchIds('灵活就业妇女')).not.toContain(measure.id);
    const renamed = await (await f.as('liusiyuan')).ok(SEARCH, { text: '临时救助' });
    const other = renamed.search.hits.find((h: { id: string }) => h.id === created.clauses[3].id);
    expect(other.fields).toEqual(expect.arrayContaining([{ name: 'programName', value: '校对区妇女发展纲要（2021—2030年）（修订）' }]));

    const programAudit = (await admin.ok(AUDIT, { entityId: created.id })).auditLog.nodes;
    expect(programAudit).toHaveLength(1);
    expect(programAudit[0]).toMatchObject({ action: 'program.updated', entityType: 'program', actor: { displayName: '王敏' } });
    expect(JSON.parse(programAudit[0].details).changes.promulgatedOn).toEqual({ from: '2022-06', to: '2022-06-15' });
    const clauseAudit = (await admin.ok(AUDIT, { entityId: measure.id })).auditLog.nodes;
    expect(clauseAudit.map((e: { action: string }) => e.action)).toEqual(['program.clause_updated']);
    expect(JSON.parse(clauseAudit[0].details)).toEqual({
      programId: created.id,
      changes: {
        number: { from: '1.', to: '（1）' },
        text: { from: '扩大生育保险覆盖面，将灵活就业妇女纳入保障。', to: '扩大生育保险覆盖面，将新就业形态妇女纳入保障。' },
        kind: { from: 'measure', to: 'goal' },
      },
    });

    // null clears the optional details; a heading may become a clause
    const cleared = (await admin.ok(UPDATE, { input: { id: created.id, promulgatedOn: null, sourceDocument: '  ' } })).updateProgram;
    expect([cleared.promulgatedOn, cleared.sourceDocument]).toEqual([null, null]);
    expect((await admin.ok(UPDATE_CLAUSE, { input: { id: created.clauses[1].id, kind: 'goal' } })).updateProgramClause.kind).toBe('goal');
  });

  it('lets only the administrators who may delete the program correct it; others are refused and nothing changes', async () => {
    const district = await create({ districtId: f.orgIds.jinan, name: '晋安校对纲要' });
    const national = await create({ name: '全国校对纲要' });
    const before = await Promise.all([read(district.id), read(national.id)]);
    const refused = async (client: GraphQLTestClient, programId: string, clauseId: string) => {
      expect(errorCode(await client.request(UPDATE, { input: { id: programId, name: '改名' } }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(UPDATE_CLAUSE, { input: { id: clauseId, text: '改写' } }))).toBe('FORBIDDEN');
    };
    for (const person of ['zhangjie', 'huangli', 'liusiyuan'] as const) await refused(await f.as(person), district.id, district.clauses[2].id);
    await refused(otherFederation, district.id, district.clauses[2].id);
    await refused(otherFederation, national.id, national.clauses[2].id);
    await refused(districtAdmin, national.id, national.clauses[2].id);
    // a district's administrator cannot turn a program into a national one, out of her own reach
    expect(errorCode(await districtAdmin.request(UPDATE, { input: { id: district.id, districtId: null } }))).toBe('FORBIDDEN');
    expect(await Promise.all([read(district.id), read(national.id)])).toEqual(before);

    expect((await read(district.id, otherFederation)).canEdit).toBe(false);
    expect((await read(district.id, await f.as('huangli'))).canEdit).toBe(false);
    expect((await read(national.id, districtAdmin)).canEdit).toBe(false);
    expect((await read(district.id, districtAdmin)).canEdit).toBe(true);
    expect((await districtAdmin.ok(UPDATE_CLAUSE, { input: { id: district.clauses[3].id, number: '二' } })).updateProgramClause.number).toBe('二');

    expect(errorCode(await admin.request(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', name: '无' } }))).toBe('NOT_FOUND');
    expect(errorCode(await admin.request(UPDATE_CLAUSE, { input: { id: 'no-such-clause', text: '无' } }))).toBe('NOT_FOUND');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const created = await create();
    const before = await read(created.id);
    const badDetails: [Record<string, unknown>, string][] = [
      [{ periodEnd: 2020 }, 'periodEnd'],
      [{ periodStart: 2031 }, 'periodStart'],
      [{ periodStart: 2030, periodEnd: 2025 }, 'periodEnd'],
      [{ promulgatedOn: '2022-02-30' }, 'promulgatedOn'],
      [{ promulgatedOn: '2022年6月' }, 'promulgatedOn'],
      [{ name: '  ' }, 'name'],
      [{ name: null }, 'name'],
      [{ issuingBody: '' }, 'issuingBody'],
      [{ periodStart: 1800 }, 'periodStart'],
      [{ sourceDocument: '文'.repeat(501) }, 'sourceDocument'],
      [{ districtId: 'not-a-uuid' }, 'districtId'],
      [{ districtId: '00000000-0000-4000-8000-000000000000' }, 'districtId'],
      // with a valid change beside it: still nothing is written
      [{ name: '半途而废', promulgatedOn: '2022-13' }, 'promulgatedOn'],
    ];
    for (const [changes, field] of badDetails) {
      const result = await admin.request(UPDATE, { input: { id: created.id, ...changes } });
      expect([changes, errorCode(result), result.errors?.[0]?.extensions?.field]).toEqual([changes, 'BAD_USER_INPUT', field]);
    }
    const badClause: [Record<string, unknown>, string][] = [
      [{ text: '' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: null }, 'text'],
      [{ text: '字'.repeat(5001) }, 'text'],
      [{ number: '1234567890123456789012' }, 'number'],
      [{ kind: 'area', text: '改成标题' }, 'kind'],
    ];
    for (const [changes, field] of badClause) {
      const result = await admin.request(UPDATE_CLAUSE, { input: { id: created.clauses[2].id, ...changes } });
      expect([changes, errorCode(result), result.errors?.[0]?.extensions?.field]).toEqual([changes, 'BAD_USER_INPUT', field]);
    }
    expect(await read(created.id)).toEqual(before);
    expect((await admin.ok(AUDIT, { entityId: created.id })).auditLog.nodes).toEqual([]);
  });

  it('corrects a clause that took up a suggestion: the adoption still points at it and keeps the text it quoted', async () => {
    const { programs } = await admin.ok(`{ programs(first: 50) { nodes { id name } } }`);
    const jinan = programs.nodes.find((p: { name: string }) => p.name === JINAN_PROGRAM_NAME);
    const ADOPTIONS = `query($id: ID!) { program(id: $id) { canEdit promulgatedOn clauses { id text adoptionCount adoptions { id clauseId quotedText } } } }`;
    const before = (await admin.ok(ADOPTIONS, { id: jinan.id })).program;
    const adopting = before.clauses.find((c: { text: string }) => c.text === JINAN_ADOPTING_CLAUSE);
    expect(adopting.adoptions).toHaveLength(1);
    expect(before.canEdit).toBe(true);

    const corrected = JINAN_ADOPTING_CLAUSE.replace('逐年增加', '逐年稳步增加');
    await admin.ok(UPDATE_CLAUSE, { input: { id: adopting.id, text: corrected } });
    await admin.ok(UPDATE, { input: { id: jinan.id, promulgatedOn: '2022-06-10' } });

    const after = (await admin.ok(ADOPTIONS, { id: jinan.id })).program;
    const clause = after.clauses.find((c: { id: string }) => c.id === adopting.id);
    expect(after.promulgatedOn).toBe('2022-06-10');
    expect(clause.text).toBe(corrected);
    expect(clause.adoptionCount).toBe(1);
    expect(clause.adoptions).toEqual([{ id: adopting.adoptions[0].id, clauseId: adopting.id, quotedText: JINAN_ADOPTING_CLAUSE }]);
    expect(await searchIds('稳步增加')).toContain(adopting.id);
    // still not deletable while the adoption record points at it
    expect(errorCode(await admin.request(DELETE, { id: jinan.id }))).toBe('CONFLICT');
  });
});
