import { errorCode } from '../../test-support/graphql-client';
import { TestApp, startTestApp } from '../../test-support/test-app';

const PEOPLE = `query($search: String) { people(search: $search) { id displayName role organization { code } } }`;

describe('people of the federation (for choosing co-authors)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds active people by part of the name, and colleagues by e-mail or by mobile number, for any signed-in role', async () => {
    const researcher = await t.signIn('liusiyuan@jianyan.demo');
    const byName = await researcher.ok(PEOPLE, { search: '晓燕' });
    expect(byName.people).toEqual([{ id: expect.any(String), displayName: '林晓燕', role: 'member', organization: { code: 'jinan' } }]);
    expect((await researcher.ok(PEOPLE, { search: 'HuangLi@jianyan.demo' })).people.map((p: any) => p.displayName)).toEqual(['黄丽']);
    expect((await researcher.ok(PEOPLE, { search: '138 0000 0006' })).people.map((p: any) => p.displayName)).toEqual(['黄丽']);
    // 张洁 is of another organisation (Jin'an): her number finds nobody (contact-details.spec.ts)
    expect((await researcher.ok(PEOPLE, { search: 'ZhangJie@jianyan.demo' })).people).toEqual([]);
    expect((await researcher.ok(PEOPLE, {})).people).toHaveLength(6);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const member = await t.signIn('zhangjie@jianyan.demo');
    expect((await member.ok(PEOPLE, { search: '%' })).people).toEqual([]);
    expect((await member.ok(PEOPLE, { search: '_' })).people).toEqual([]);
  });

  it('exposes no contact details, leaves out deactivated people, and needs a session', async () => {
    const member = await t.signIn('zhangjie@jianyan.demo');
    const withEmail = await member.request('{ people { email } }');
    expect(errorCode(withEmail)).toBe('GRAPHQL_VALIDATION_FAILED');
    const admin = await t.signIn('admin@jianyan.demo');
    const { people } = await member.ok(PEOPLE, { search: '陈芳' });
    await admin.ok('mutation($id: ID!) { deactivateUser(userId: $id) { active } }', { id: people[0].id });
    expect((await member.ok(PEOPLE, { search: '陈芳' })).people).toEqual([]);
    expect(errorCode(await t.client().request(PEOPLE))).toBe('UNAUTHENTICATED');
  });
});
