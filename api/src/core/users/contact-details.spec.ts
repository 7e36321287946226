import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import JSZip from 'jszip';
import { DEMO_USERS } from '../../seed/demo-data';
import { GraphQLTestClient, errorCode } from '../../test-support/graphql-client';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { UsersService } from './users.service';

/** The only ways to a person's e-mail and mobile number: herself, and user administration. */
const ROOTS_REACHING_CONTACT_DETAILS = [
  'Mutation.changeUserRole',
  'Mutation.createUser',
  'Mutation.deactivateUser',
  'Mutation.login',
  'Mutation.reactivateUser',
  'Query.me',
  'Query.users',
];

const isContactField = (name: string) => /e-?mail|mobile|phone/i.test(name);

/** Every object type with a contact field, and for each root field the first path that reaches one. */
function contactPaths(schema: GraphQLSchema): Map<string, string> {
  const reachesContact = new Map<string, string | null>();
  const pathFrom = (type: GraphQLNamedType, seen: Set<string>): string | null => {
    if (reachesContact.has(type.name)) return reachesContact.get(type.name)!;
    if (seen.has(type.name)) return null;
    seen.add(type.name);
    let found: string | null = null;
    if (isUnionType(type) || isInterfaceType(type)) {
      for (const member of schema.getPossibleTypes(type)) found ??= pathFrom(member, seen);
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (isContactField(field.name) && isScalarType(target) && target.name === 'String') found ??= `${type.name}.${field.name}`;
        const deeper = found ? null : pathFrom(target, seen);
        if (deeper) found = `${type.name}.${field.name} → ${deeper}`;
      }
    }
    reachesContact.set(type.name, found);
    return found;
  };
  const paths = new Map<string, string>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const path = pathFrom(getNamedType(field.type), new Set());
      if (path) paths.set(`${root!.name}.${field.name}`, `${root!.name}.${field.name} → ${path}`);
    }
  }
  return paths;
}

/** Every field that names a person next to a proposal, as a query selecting `person` on it. */
const PERSON_FIELDS: [string, (person: string) => string][] = [
  ['leadAuthor', (p) => `query($id: ID!) { proposal(id: $id) { leadAuthor { ${p} } } }`],
  ['members', (p) => `query($id: ID!) { proposal(id: $id) { members { user { ${p} } } } }`],
  ['timeline actors', (p) => `query($id: ID!) { proposal(id: $id) { timeline { actor { ${p} } } } }`],
  ['suggestion history actors', (p) => `query($id: ID!) { proposal(id: $id) { suggestions { history { actor { ${p} } } } } }`],
  ['version authors', (p) => `query($id: ID!) { proposal(id: $id) { versions { createdBy { ${p} } } } }`],
  ['answer recorder', (p) => `query($id: ID!) { proposal(id: $id) { answer { recordedBy { ${p} } } } }`],
  [
    'comment authors, mentions, resolvers, reply authors',
    (p) => `query($id: ID!) { proposal(id: $id) { comments { author { ${p} } mentions { ${p} } resolvedBy { ${p} } replies { author { ${p} } } } } }`,
  ],
  ['proposal list', (p) => `{ proposals(first: 50) { nodes { id leadAuthor { ${p} } members { user { ${p} } } } } }`],
];

const CONTACT_VALUES = DEMO_USERS.flatMap((u) => [u.email, u.mobile]);
const ZHANGJIE = DEMO_USERS.find((u) => u.email === 'zhangjie@jianyan.demo')!;
const LIUSIYUAN = DEMO_USERS.find((u) => u.email === 'liusiyuan@jianyan.demo')!;
const PEOPLE = `query($search: String) { people(search: $search) { id displayName } }`;
const PASSWORD = 'district-admin-password';

const leakedContacts = (body: unknown) => CONTACT_VALUES.filter((value) => JSON.stringify(body).includes(value));

describe('contact details (e-mail, mobile) only for the person herself and her organisation’s admins', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let draftId: string;
  let answeredId: string;
  let jinanAdmin: GraphQLTestClient;
  let cangshanAdmin: GraphQLTestClient;
  /** A viewer of the draft (city federation), a co-author (Jin'an) and another district's admin. */
  let outsiders: [string, GraphQLTestClient][];

  const adminOf = async (organization: string, email: string, mobile: string) => {
    await t.app.get(UsersService).create(null, { displayName: `${organization}管理员`, email, mobile, role: 'admin', organizationId: f.orgIds[organization], password: PASSWORD });
    const client = t.client();
    await client.login(email, PASSWORD);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    draftId = await f.proposalIn('draft');
    answeredId = await f.proposalIn('answered');
    const comment = async (person: 'chenfang' | 'linxiaoyan', input: Record<string, unknown>) =>
      (await (await f.as(person)).ok(`mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, { input: { proposalId: draftId, ...input } })).addComment.id;
    const thread = await comment('chenfang', { body: '请张洁补充数据来源。', mentions: [f.userIds.zhangjie, f.userIds.liusiyuan] });
    await comment('linxiaoyan', { body: '我来补充。', parentId: thread });
    const owner = await f.as('zhangjie');
    await owner.ok(`mutation($id: ID!) { resolveCommentThread(commentId: $id) { id } }`, { id: thread });
    await owner.ok(`mutation($input: SaveProposalVersionInput!) { saveProposalVersion(input: $input) { number } }`, { input: { proposalId: draftId, name: '征求意见稿' } });
    jinanAdmin = await adminOf('jinan', 'admin.jinan@jianyan.test', '13900000011');
    cangshanAdmin = await adminOf('cangshan', 'admin.cangshan@jianyan.test', '13900000012');
    outsiders = [
      ['the draft’s viewer', await f.as('liusiyuan')],
      ['a co-author', await f.as('linxiaoyan')],
      ['another district’s admin', cangshanAdmin],
    ];
  });
  afterAll(() => t.close());

  it('lets no root field but the person herself and user administration reach a contact field, in the served schema', async () => {
    const introspection = await (await f.as('liusiyuan')).ok<IntrospectionQuery>(getIntrospectionQuery());
    const paths = contactPaths(buildClientSchema(introspection));
    expect([...paths.keys()].filter((root) => !ROOTS_REACHING_CONTACT_DETAILS.includes(root)).map((root) => paths.get(root))).toEqual([]);
    expect([...paths.keys()].sort()).toEqual(ROOTS_REACHING_CONTACT_DETAILS);
  });

  it.each(PERSON_FIELDS)('refuses to select e-mail or mobile on the %s, for the viewer, a co-author and another district’s admin', async (_field, query) => {
    for (const [who, client] of outsiders) {
      for (const id of [draftId, answeredId]) {
        for (const contact of ['email', 'mobile']) {
          const result = await client.request(query(`id displayName ${contact}`), { id });
          expect([who, errorCode(result), result.errors?.[0].message, result.data ?? null]).toEqual([
            who,
            'GRAPHQL_VALIDATION_FAILED',
            expect.stringContaining(`Cannot query field "${contact}"`),
            null,
          ]);
        }
        expect([who, leakedContacts(await client.request(query('id displayName role organization { code }'), { id }))]).toEqual([who, []]);
      }
    }
  });

  it('still names everyone on the proposal for its members, without their contact details', async () => {
    for (const client of [await f.as('liusiyuan'), await f.as('linxiaoyan')]) {
      const names = await Promise.all(PERSON_FIELDS.map(([, query]) => client.ok(query('displayName'), { id: draftId })));
      for (const name of ['张洁', '林晓燕', '陈芳', '刘思远']) expect(JSON.stringify(names)).toContain(name);
      const answer = await client.ok(`query($id: ID!) { proposal(id: $id) { answer { recordedBy { displayName } } } }`, { id: answeredId });
      expect(answer.proposal.answer.recordedBy).toEqual({ displayName: '张洁' });
    }
  });

  it('finds nobody by the exact mobile number or e-mail of someone of another organisation', async () => {
    const searches = (u: (typeof DEMO_USERS)[number]) => [u.mobile, `+86 ${u.mobile.slice(0, 3)} ${u.mobile.slice(3, 7)} ${u.mobile.slice(7)}`, u.email, u.email.toUpperCase()];
    const attempts: [string, GraphQLTestClient, (typeof DEMO_USERS)[number]][] = [
      ['the draft’s viewer (city) for the owner (Jin’an)', await f.as('liusiyuan'), ZHANGJIE],
      ['another district’s admin for the owner', cangshanAdmin, ZHANGJIE],
      ['a co-author (Jin’an) for the viewer (city)', await f.as('linxiaoyan'), LIUSIYUAN],
      ['Jin’an’s admin for someone of the city above her', jinanAdmin, LIUSIYUAN],
    ];
    for (const [who, client, target] of attempts) {
      for (const search of searches(target)) expect([who, search, (await client.ok(PEOPLE, { search })).people]).toEqual([who, search, []]);
      // by name she is found (she is of the federation), and the answer carries no contact details
      const byName = await client.request(`query($search: String) { people(search: $search) { id displayName role organization { code } } }`, { search: target.displayName });
      expect(byName.data?.people.map((p: { displayName: string }) => p.displayName)).toEqual([target.displayName]);
      expect(leakedContacts(byName)).toEqual([]);
    }
  });

  it('finds someone by her exact number within one’s own organisation, and for admins within the ones they administer', async () => {
    const found = async (client: GraphQLTestClient, search: string) => (await client.ok(PEOPLE, { search })).people.map((p: { displayName: string }) => p.displayName);
    expect(await found(await f.as('linxiaoyan'), ZHANGJIE.mobile)).toEqual(['张洁']);
    expect(await found(jinanAdmin, ZHANGJIE.email)).toEqual(['张洁']);
    expect(await found(await f.as('admin'), ZHANGJIE.mobile)).toEqual(['张洁']);
  });

  it('shows the person her own details, and her organisation’s admins and the city’s admin theirs, but not another district’s admin', async () => {
    expect((await (await f.as('zhangjie')).ok('{ me { email mobile } }')).me).toEqual({ email: ZHANGJIE.email, mobile: ZHANGJIE.mobile });
    const contactsListedTo = async (client: GraphQLTestClient) =>
      (await client.ok('{ users(first: 100) { nodes { email mobile } } }')).users.nodes as { email: string; mobile: string }[];
    for (const admin of [jinanAdmin, await f.as('admin')]) {
      expect(await contactsListedTo(admin)).toContainEqual({ email: ZHANGJIE.email, mobile: ZHANGJIE.mobile });
    }
    expect(leakedContacts(await contactsListedTo(cangshanAdmin))).toEqual([]);
    expect(leakedContacts(await contactsListedTo(jinanAdmin))).not.toContain(LIUSIYUAN.mobile);
    const deactivate = await cangshanAdmin.request('mutation($id: ID!) { deactivateUser(userId: $id) { email mobile } }', { id: f.userIds.zhangjie });
    expect([errorCode(deactivate), deactivate.data ?? null]).toEqual(['FORBIDDEN', null]);
    expect(errorCode(await (await f.as('liusiyuan')).request('{ users(first: 10) { nodes { email mobile } } }'))).toBe('FORBIDDEN');
  });

  it('prints authors by name only in the DOCX export', async () => {
    const response = await fetch(`${t.url}/export/proposals/${answeredId}.docx`, { headers: { cookie: (await f.as('liusiyuan')).cookieHeader } });
    expect(response.status).toBe(200);
    const xml = await (await JSZip.loadAsync(await response.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('张洁');
    expect(leakedContacts(xml)).toEqual([]);
  });
});
