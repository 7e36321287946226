import { errorCode } from '../../test-support/graphql-client';
import { TestApp, startTestApp } from '../../test-support/test-app';

const ME = '{ me { id displayName role organization { code } } }';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } temporaryPassword } }`;

describe('authentication and sessions over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('signs in by e-mail with an httpOnly, SameSite=Lax session cookie and answers `me`', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { displayName } }',
        variables: { i: { identifier: 'ZhangJie@jianyan.demo', password: 'jianyan-demo-2026' } },
      }),
    });
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/jy_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const client = t.client();
    client.storeCookies(response);
    const data = await client.ok(ME);
    expect(data.me).toMatchObject({ displayName: '张洁', role: 'member', organization: { code: 'jinan' } });
  });

  it('signs in by mobile number written with +86 and spaces', async () => {
    const client = t.client();
    const result = await client.login('+86 138 0000 0003');
    expect(result.errors).toBeUndefined();
    expect((await client.ok(ME)).me.displayName).toBe('林晓燕');
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and sets no session', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
        variables: { i: { identifier: 'huangli@jianyan.demo', password: 'wrong-password' } },
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe('INVALID_CREDENTIALS');
    expect(body.data).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const result = await t.client().login('nobody@jianyan.demo', 'whatever-password');
    expect(errorCode(result)).toBe('INVALID_CREDENTIALS');
  });

  it('locks an identifier after repeated failures, even against the right password, with a clear message', async () => {
    const client = t.client();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) codes.push(errorCode(await client.login('chenfang@jianyan.demo', `wrong-${i}-password`)));
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']);
    const locked = await client.login('chenfang@jianyan.demo');
    expect(errorCode(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors![0].message).toMatch(/Too many failed sign-in attempts for this account\. Try again in 15 minute/);
    expect(locked.errors![0].extensions!.scope).toBe('account');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(800);
    expect(errorCode(await client.request(ME))).toBe('UNAUTHENTICATED');
    // another account is not affected
    expect((await t.client().login('liusiyuan@jianyan.demo')).errors).toBeUndefined();
  });

  it('answers `me` without a session with UNAUTHENTICATED', async () => {
    const result = await t.client().request(ME);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses an admin mutation from a member with FORBIDDEN and writes nothing', async () => {
    const member = await t.signIn('zhangjie@jianyan.demo');
    const admin = await t.signIn('admin@jianyan.demo');
    const orgs = await admin.ok('{ organizations { id code } }');
    const jinan = orgs.organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const before = (await admin.ok('{ users { totalCount } }')).users.totalCount;
    const result = await member.request(CREATE_USER, {
      input: { displayName: '越权', email: 'forbidden@jianyan.demo', role: 'admin', organizationId: jinan },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(errorCode(await member.request('{ users { totalCount } }'))).toBe('FORBIDDEN');
    expect((await admin.ok('{ users { totalCount } }')).users.totalCount).toBe(before);
  });

  it("ends a deactivated user's existing session at once, and lets her back in after reactivation", async () => {
    const researcher = await t.signIn('liusiyuan@jianyan.demo');
    const { me } = await researcher.ok(ME);
    const admin = await t.signIn('admin@jianyan.demo');
    await admin.ok('mutation($id: ID!) { deactivateUser(userId: $id) { active } }', { id: me.id });
    expect(errorCode(await researcher.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.client().login('liusiyuan@jianyan.demo'))).toBe('INVALID_CREDENTIALS');
    await admin.ok('mutation($id: ID!) { reactivateUser(userId: $id) { active } }', { id: me.id });
    expect((await (await t.signIn('liusiyuan@jianyan.demo')).ok(ME)).me.id).toBe(me.id);
  });

  it('applies a role change to an existing session at once', async () => {
    const leader = await t.signIn('huangli@jianyan.demo');
    const { me } = await leader.ok(ME);
    const admin = await t.signIn('admin@jianyan.demo');
    await admin.ok('mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { role } }', {
      i: { userId: me.id, role: 'researcher' },
    });
    expect((await leader.ok(ME)).me.role).toBe('researcher');
    await admin.ok('mutation($i: ChangeUserRoleInput!) { changeUserRole(input: $i) { role } }', {
      i: { userId: me.id, role: 'leader' },
    });
  });

  it('refuses a cookie-authenticated mutation sent as a simple (CSRF-able) request, and it has no effect', async () => {
    const admin = await t.signIn('admin@jianyan.demo');
    const orgs = await admin.ok('{ organizations { id code } }');
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: admin.cookieHeader },
      body: JSON.stringify({
        query: CREATE_USER,
        variables: { input: { displayName: '跨站', email: 'csrf@jianyan.demo', role: 'admin', organizationId: orgs.organizations[0].id } },
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    const users = await admin.ok('{ users(first: 100) { nodes { email } } }');
    expect(users.users.nodes.map((u: { email: string }) => u.email)).not.toContain('csrf@jianyan.demo');
  });

  it('refuses a mutation over GET', async () => {
    const admin = await t.signIn('admin@jianyan.demo');
    const query = encodeURIComponent('mutation { logout }');
    const response = await fetch(`${t.url}/graphql?query=${query}`, {
      headers: { cookie: admin.cookieHeader, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
    expect((await admin.ok(ME)).me.displayName).toBe('王敏');
  });

  it('logs out: the session no longer works, even with the old cookie', async () => {
    const client = await t.signIn('zhangjie@jianyan.demo');
    const oldCookie = client.cookieHeader;
    expect((await client.ok('mutation { logout }')).logout).toBe(true);
    const replay = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: oldCookie },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await replay.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('ignores a forged (unsigned) session cookie', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'jy_session=forged-token' },
      body: JSON.stringify({ query: ME }),
    });
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('changes the own password, signing out other sessions but keeping this one', async () => {
    const here = await t.signIn('linxiaoyan@jianyan.demo');
    const elsewhere = await t.signIn('linxiaoyan@jianyan.demo');
    const tooShort = await here.request('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
      i: { currentPassword: 'jianyan-demo-2026', newPassword: 'short' },
    });
    expect(tooShort.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    await here.ok('mutation($i: ChangePasswordInput!) { changePassword(input: $i) }', {
      i: { currentPassword: 'jianyan-demo-2026', newPassword: 'a-new-long-password' },
    });
    expect((await here.ok(ME)).me.displayName).toBe('林晓燕');
    expect(errorCode(await elsewhere.request(ME))).toBe('UNAUTHENTICATED');
    expect((await t.client().login('linxiaoyan@jianyan.demo', 'a-new-long-password')).errors).toBeUndefined();
  });
});
