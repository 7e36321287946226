import { GraphQLTestClient } from '../../test-support/graphql-client';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { UsersService } from '../users/users.service';

const DETAILS = `id name issuingBody district { code } canEdit clauses { id number text }`;
const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { ${DETAILS} } }`;
const PROGRAM = `query($id: ID!) { program(id: $id) { ${DETAILS} } }`;
const PROGRAM_NAMES = `{ programs(first: 100) { nodes { name } } }`;
const UPDATE = `mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { ${DETAILS} } }`;
const UPDATE_CLAUSE = `mutation($input: UpdateProgramClauseInput!) { updateProgramClause(input: $input) { id text } }`;
const DELETE = `mutation($id: ID!) { deleteProgram(id: $id) }`;

const NODES = [
  { depth: 0, kind: 'area', number: '一、', text: '妇女与就业' },
  { depth: 1, kind: 'measure', number: '1.', text: '支持仓山区妇女灵活就业。' },
];
const input = (name: string, districtId?: string) => ({ name, issuingBody: '区人民政府', periodStart: 2021, periodEnd: 2030, nodes: NODES, districtId });

describe('program editing follows the organisation scope of user administration', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let cityAdmin: GraphQLTestClient;
  let jinanAdmin: GraphQLTestClient;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    cityAdmin = await f.as('admin');
    const email = 'jinan-admin@program-scope.test';
    await t.app.get(UsersService).create(null, { displayName: '晋安管理员', email, role: 'admin', organizationId: f.orgIds.jinan, password: 'program-scope-password' });
    jinanAdmin = t.client();
    await jinanAdmin.login(email, 'program-scope-password');
  });
  afterAll(() => t.close());

  const names = async () => ((await cityAdmin.ok(PROGRAM_NAMES)).programs.nodes as { name: string }[]).map((p) => p.name).sort();

  it('refuses Jin’an’s administrator every change to Cangshan’s program and writes nothing', async () => {
    const cangshan = (await cityAdmin.ok(CREATE, { input: input('仓山区妇女发展纲要（范围测试）', f.orgIds.cangshan) })).createProgram;
    const before = { program: await cityAdmin.ok(PROGRAM, { id: cangshan.id }), names: await names() };

    expect(errorCode(await jinanAdmin.request(CREATE, { input: input('晋安代拟仓山纲要', f.orgIds.cangshan) }))).toBe('FORBIDDEN');
    expect(errorCode(await jinanAdmin.request(CREATE, { input: input('晋安代拟全市纲要') }))).toBe('FORBIDDEN');
    expect(errorCode(await jinanAdmin.request(UPDATE, { input: { id: cangshan.id, name: '被改写的纲要', issuingBody: '晋安区' } }))).toBe('FORBIDDEN');
    expect(errorCode(await jinanAdmin.request(UPDATE, { input: { id: cangshan.id, districtId: f.orgIds.jinan } }))).toBe('FORBIDDEN');
    expect(errorCode(await jinanAdmin.request(UPDATE_CLAUSE, { input: { id: cangshan.clauses[1].id, text: '被改写的条款' } }))).toBe('FORBIDDEN');
    expect(errorCode(await jinanAdmin.request(DELETE, { id: cangshan.id }))).toBe('NOT_FOUND');
    expect((await jinanAdmin.ok(PROGRAM, { id: cangshan.id })).program.canEdit).toBe(false);

    expect({ program: await cityAdmin.ok(PROGRAM, { id: cangshan.id }), names: await names() }).toEqual(before);
  });

  it('refuses Jin’an’s administrator moving her own program into Cangshan, and lets her edit her own', async () => {
    const jinan = (await jinanAdmin.ok(CREATE, { input: input('晋安区妇女发展纲要（范围测试）', f.orgIds.jinan) })).createProgram;
    expect(jinan.canEdit).toBe(true);
    expect(errorCode(await jinanAdmin.request(UPDATE, { input: { id: jinan.id, districtId: f.orgIds.cangshan } }))).toBe('FORBIDDEN');
    expect((await cityAdmin.ok(PROGRAM, { id: jinan.id })).program.district).toEqual({ code: 'jinan' });
    expect((await jinanAdmin.ok(UPDATE_CLAUSE, { input: { id: jinan.clauses[1].id, text: '支持晋安区妇女灵活就业。' } })).updateProgramClause.text).toBe('支持晋安区妇女灵活就业。');
  });

  it('lets the city federation’s administrator create, correct and delete Cangshan’s program', async () => {
    const cangshan = (await cityAdmin.ok(CREATE, { input: input('仓山区儿童发展纲要（范围测试）', f.orgIds.cangshan) })).createProgram;
    expect(cangshan).toMatchObject({ district: { code: 'cangshan' }, canEdit: true });
    expect((await cityAdmin.ok(UPDATE, { input: { id: cangshan.id, issuingBody: '仓山区人民政府' } })).updateProgram.issuingBody).toBe('仓山区人民政府');
    expect((await cityAdmin.ok(UPDATE_CLAUSE, { input: { id: cangshan.clauses[1].id, text: '扩大托育服务。' } })).updateProgramClause.text).toBe('扩大托育服务。');
    expect(await cityAdmin.ok(DELETE, { id: cangshan.id })).toEqual({ deleteProgram: true });
    expect(errorCode(await cityAdmin.request(PROGRAM, { id: cangshan.id }))).toBe('NOT_FOUND');
  });
});
