import { errorCode } from '../../test-support/graphql-client';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { GraphQLTestClient } from '../../test-support/graphql-client';

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id displayName email mobile role active organization { code } } temporaryPassword }
}`;
const USERS = `query($first: Int, $after: String) {
  users(first: $first, after: $after) { totalCount nodes { id displayName email } pageInfo { endCursor hasNextPage } }
}`;

describe('user administration', () => {
  let t: TestApp;
  let admin: GraphQLTestClient;
  let orgs: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn('admin@jianyan.demo');
    const data = await admin.ok('{ organizations { id code kind parentId } }');
    orgs = Object.fromEntries(data.organizations.map((o: { code: string; id: string }) => [o.code, o.id]));
  });
  afterAll(() => t.close());

  const userCount = async () => (await admin.ok(USERS, { first: 100 })).users.totalCount as number;

  it('creates a user with a generated temporary password that signs in', async () => {
    const data = await admin.ok(CREATE_USER, {
      input: { displayName: '郑小红', mobile: '139 1234 5678', role: 'contributor', organizationId: orgs.cangshan },
    });
    expect(data.createUser.user).toMatchObject({
      displayName: '郑小红',
      mobile: '13912345678',
      email: null,
      role: 'contributor',
      active: true,
      organization: { code: 'cangshan' },
    });
    expect(data.createUser.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const client = t.client();
    expect((await client.login('13912345678', data.createUser.temporaryPassword)).errors).toBeUndefined();
    expect((await client.ok('{ me { role } }')).me.role).toBe('contributor');
  });

  it.each([
    [{ displayName: '', email: 'a@jianyan.demo' }, 'displayName'],
    [{ displayName: '甲'.repeat(61), email: 'a@jianyan.demo' }, 'displayName'],
    [{ displayName: '无联系方式' }, 'email'],
    [{ displayName: '坏邮箱', email: 'not-an-email' }, 'email'],
    [{ displayName: '坏手机', mobile: '12345' }, 'mobile'],
    [{ displayName: '短密码', email: 'short@jianyan.demo', password: 'short' }, 'password'],
    [{ displayName: '已占用', email: 'ZHANGJIE@jianyan.demo' }, 'email'],
    [{ displayName: '已占用', mobile: '13800000002' }, 'mobile'],
  ])('refuses %p naming the field %s, and writes nothing', async (input, field) => {
    const before = await userCount();
    const result = await admin.request(CREATE_USER, {
      input: { role: 'member', organizationId: orgs.jinan, ...input },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await userCount()).toBe(before);
  });

  it('refuses an unknown organisation and an unknown role', async () => {
    const unknownOrg = await admin.request(CREATE_USER, {
      input: { displayName: '某人', email: 'x1@jianyan.demo', role: 'member', organizationId: 'no-such-org' },
    });
    expect(unknownOrg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const unknownRole = await admin.request(CREATE_USER, {
      input: { displayName: '某人', email: 'x2@jianyan.demo', role: 'superuser', organizationId: orgs.jinan },
    });
    expect(errorCode(unknownRole)).toBe('BAD_USER_INPUT');
  });

  it('pages through users with opaque cursors, without repeats', async () => {
    const total = await userCount();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = await admin.ok(USERS, { first: 3, after });
      seen.push(...data.users.nodes.map((u: { id: string }) => u.id));
      if (!data.users.pageInfo.hasNextPage) break;
      after = data.users.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(errorCode(await admin.request(USERS, { first: 3, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.request(USERS, { first: 1000 }))).toBe('BAD_USER_INPUT');
  });

  it('keeps a district admin to her own district', async () => {
    const created = await admin.ok(CREATE_USER, {
      input: { displayName: '区管理员', email: 'district-admin@jianyan.demo', role: 'admin', organizationId: orgs.cangshan, password: 'district-admin-pass' },
    });
    expect(created.createUser.temporaryPassword).toBeNull();
    const districtAdmin = t.client();
    await districtAdmin.login('district-admin@jianyan.demo', 'district-admin-pass');
    const visible = await districtAdmin.ok(USERS, { first: 100 });
    const emails = visible.users.nodes.map((u: { email: string | null }) => u.email);
    expect(emails).toContain('district-admin@jianyan.demo');
    expect(emails).not.toContain('zhangjie@jianyan.demo');
    const outside = await districtAdmin.request(CREATE_USER, {
      input: { displayName: '越界', email: 'outside@jianyan.demo', role: 'member', organizationId: orgs.jinan },
    });
    expect(errorCode(outside)).toBe('FORBIDDEN');
  });

  it('does not let an admin demote or deactivate herself', async () => {
    const { me } = await admin.ok('{ me { id } }');
    const demote = await admin.request('mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { role } }', {
      i: { userId: me.id, role: 'member' },
    });
    expect(errorCode(demote)).toBe('BAD_USER_INPUT');
    const deactivate = await admin.request('mutation($id: ID!) { deactivateUser(userId: $id) { active } }', { id: me.id });
    expect(errorCode(deactivate)).toBe('BAD_USER_INPUT');
    expect((await admin.ok('{ me { role active } }')).me).toEqual({ role: 'admin', active: true });
  });

  it.each(['member', 'contributor', 'researcher', 'leader'])('refuses every admin operation to a %s', async (role) => {
    const email = { member: 'zhangjie', contributor: 'chenfang', researcher: 'liusiyuan', leader: 'huangli' }[role];
    const caller = await t.signIn(`${email}@jianyan.demo`);
    const { me } = await caller.ok('{ me { id } }');
    const calls = [
      caller.request(USERS),
      caller.request(CREATE_USER, { input: { displayName: 'x', email: `${role}-x@jianyan.demo`, role: 'admin', organizationId: orgs.jinan } }),
      caller.request('mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { role } }', { i: { userId: me.id, role: 'admin' } }),
      caller.request('mutation($id: ID!) { deactivateUser(userId: $id) { active } }', { id: me.id }),
      caller.request('mutation($id: ID!) { reactivateUser(userId: $id) { active } }', { id: me.id }),
    ];
    expect((await Promise.all(calls)).map(errorCode)).toEqual(Array(5).fill('FORBIDDEN'));
    expect((await caller.ok('{ me { role } }')).me.role).toBe(role);
  });
});
