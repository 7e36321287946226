import { ADD_MEMBER, GET_PROPOSAL, ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const CHANGE_ROLE = `mutation($input: ProposalMemberInput!) { changeProposalMemberRole(input: $input) { members { role user { displayName } } } }`;
const REMOVE = `mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { members { role user { displayName } } } }`;

describe('proposal members', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it('lets owners add members who then see the proposal with their role', async () => {
    const { id } = await f.create();
    expect(errorCode(await (await f.as('linxiaoyan')).request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
    const owner = await f.as('zhangjie');
    const added = await owner.ok(ADD_MEMBER, { input: { proposalId: id, userId: f.userIds.linxiaoyan, role: 'coauthor' } });
    expect(added.addProposalMember.members).toEqual([
      { role: 'owner', user: { displayName: '张洁' } },
      { role: 'coauthor', user: { displayName: '林晓燕' } },
    ]);
    const seen = await (await f.as('linxiaoyan')).ok(GET_PROPOSAL, { id });
    expect(seen.proposal).toMatchObject({ myRole: 'coauthor', allowedTransitions: ['in_review'] });
  });

  it('refuses member management to everyone but owners', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'linxiaoyan', 'coauthor');
    await f.addMember(id, 'chenfang', 'reviewer');
    for (const person of ['linxiaoyan', 'chenfang'] as const) {
      const client = await f.as(person);
      expect(errorCode(await client.request(ADD_MEMBER, { input: { proposalId: id, userId: f.userIds.liusiyuan, role: 'viewer' } }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await client.request(CHANGE_ROLE, { input: { proposalId: id, userId: f.userIds.zhangjie, role: 'viewer' } }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(errorCode(await (await f.as('huangli')).request(ADD_MEMBER, { input: { proposalId: id, userId: f.userIds.huangli, role: 'owner' } }))).toBe(
      'NOT_FOUND',
    );
    expect((await (await f.as('zhangjie')).ok(GET_PROPOSAL, { id })).proposal.members).toHaveLength(3);
  });

  it('refuses to remove or demote the last owner', async () => {
    const { id } = await f.create();
    const owner = await f.as('zhangjie');
    const remove = await owner.request(REMOVE, { input: { proposalId: id, userId: f.userIds.zhangjie } });
    expect(remove.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    expect(remove.errors?.[0].message).toMatch(/last owner/);
    const demote = await owner.request(CHANGE_ROLE, { input: { proposalId: id, userId: f.userIds.zhangjie, role: 'coauthor' } });
    expect(demote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    expect((await owner.ok(GET_PROPOSAL, { id })).proposal.members).toEqual([{ role: 'owner', user: { id: f.userIds.zhangjie, displayName: '张洁' } }]);
  });

  it('hands ownership over: a second owner lets the first step down, the lead author stays an author', async () => {
    const { id } = await f.create();
    const owner = await f.as('zhangjie');
    await f.addMember(id, 'linxiaoyan', 'owner');
    const demoted = await owner.ok(CHANGE_ROLE, { input: { proposalId: id, userId: f.userIds.zhangjie, role: 'coauthor' } });
    expect(demoted.changeProposalMemberRole.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'coauthor']);
    const newOwner = await f.as('linxiaoyan');
    const toViewer = await newOwner.request(CHANGE_ROLE, { input: { proposalId: id, userId: f.userIds.zhangjie, role: 'viewer' } });
    expect(toViewer.errors?.[0].message).toMatch(/lead author/);
    const removeLead = await newOwner.request(REMOVE, { input: { proposalId: id, userId: f.userIds.zhangjie } });
    expect(removeLead.errors?.[0].message).toMatch(/lead author/);
    const lastOwner = await newOwner.request(REMOVE, { input: { proposalId: id, userId: f.userIds.linxiaoyan } });
    expect(lastOwner.errors?.[0].message).toMatch(/last owner/);
  });

  it('refuses bad members naming the field', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'linxiaoyan', 'coauthor');
    const owner = await f.as('zhangjie');
    const cases = [
      [{ userId: 'no-such-user', role: 'viewer' }, 'userId'],
      [{ userId: f.userIds.linxiaoyan, role: 'viewer' }, 'userId'],
      [{ userId: f.userIds.chenfang, role: 'coauthor' }, 'role'],
      [{ userId: f.userIds.liusiyuan, role: 'owner' }, 'role'],
    ] as const;
    for (const [input, field] of cases) {
      const result = await owner.request(ADD_MEMBER, { input: { proposalId: id, ...input } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await owner.ok(GET_PROPOSAL, { id })).proposal.members).toHaveLength(2);
  });

  it('lets a member leave, after which the proposal is hidden from her', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'chenfang', 'reviewer');
    const reviewer = await f.as('chenfang');
    await reviewer.ok(REMOVE, { input: { proposalId: id, userId: f.userIds.chenfang } });
    expect(errorCode(await reviewer.request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
  });

  it('removes members and changes roles', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'chenfang', 'reviewer');
    await f.addMember(id, 'liusiyuan', 'viewer');
    const owner = await f.as('zhangjie');
    await owner.ok(CHANGE_ROLE, { input: { proposalId: id, userId: f.userIds.liusiyuan, role: 'reviewer' } });
    const removed = await owner.ok(REMOVE, { input: { proposalId: id, userId: f.userIds.chenfang } });
    expect(removed.removeProposalMember.members).toEqual([
      { role: 'owner', user: { displayName: '张洁' } },
      { role: 'reviewer', user: { displayName: '刘思远' } },
    ]);
    expect(errorCode(await owner.request(REMOVE, { input: { proposalId: id, userId: f.userIds.chenfang } }))).toBe('NOT_FOUND');
  });
});
