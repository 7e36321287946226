import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { CHANGE_SUGGESTION_STATUS, NotificationKit } from './notification-test-kit';

describe('following and notifications', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
  });
  afterAll(() => t.close());

  it('members follow their proposal: the one who joins gets a follow, the owner follows without asking', async () => {
    const { id } = await k.draftWithCoauthor();
    expect(await k.isFollowing('linxiaoyan', 'proposal', id)).toBe(true);
    expect(await k.isFollowing('zhangjie', 'proposal', id)).toBe(true);
    for (const person of ['linxiaoyan', 'zhangjie'] as const) {
      const follows = await (await f.as(person)).ok('{ follows { targetType targetId } }');
      expect(follows.follows).toContainEqual({ targetType: 'proposal', targetId: id });
    }
  });

  it('anyone follows and unfollows what she sees, and nothing she does not', async () => {
    const { id, suggestionId } = await k.draftWithCoauthor();
    expect(errorCode(await k.follow('huangli', 'proposal', id))).toBe('NOT_FOUND');
    expect(errorCode(await k.follow('huangli', 'suggestion', suggestionId))).toBe('NOT_FOUND');
    expect(errorCode(await k.follow('huangli', 'district', '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await k.follow('huangli', 'proposal', 'not-an-id'))).toBe('BAD_USER_INPUT');

    const followed = await k.follow('huangli', 'district', f.orgIds.jinan);
    expect(followed.data?.follow).toMatchObject({ targetType: 'district', targetId: f.orgIds.jinan });
    expect(await k.isFollowing('huangli', 'district', f.orgIds.jinan)).toBe(true);
    await k.follow('huangli', 'district', f.orgIds.jinan); // again: still one follow
    const follows = await (await f.as('huangli')).ok('{ follows(targetType: district) { targetId } }');
    expect(follows.follows).toEqual([{ targetId: f.orgIds.jinan }]);

    expect((await k.unfollow('huangli', 'district', f.orgIds.jinan)).unfollow).toBe(false);
    expect(await k.isFollowing('huangli', 'district', f.orgIds.jinan)).toBe(false);

    // a member who unfollows mutes the proposal, and can follow it again
    await k.unfollow('linxiaoyan', 'proposal', id);
    expect(await k.isFollowing('linxiaoyan', 'proposal', id)).toBe(false);
    await k.follow('linxiaoyan', 'proposal', id);
    expect(await k.isFollowing('linxiaoyan', 'proposal', id)).toBe(true);
  });

  it('a status change notifies the followers who may see the proposal now, never the one who made it', async () => {
    const { id } = await k.draftWithCoauthor();
    await f.addMember(id, 'chenfang', 'reviewer');
    await k.unfollow('chenfang', 'proposal', id); // muted
    expect((await k.follow('huangli', 'district', f.orgIds.jinan)).errors).toBeUndefined();
    expect((await k.follow('liusiyuan', 'district', f.orgIds.jinan)).errors).toBeUndefined();

    await k.move(id, 'in_review');
    const [coauthorNote] = await k.of('linxiaoyan', id);
    expect(coauthorNote).toMatchObject({
      kind: 'proposal_status',
      proposalId: id,
      title: '关于加强流动儿童课后服务的建议',
      fromStatus: 'draft',
      toStatus: 'in_review',
      actorName: '张洁',
      readAt: null,
    });
    expect(await k.of('zhangjie', id)).toEqual([]); // the actor
    expect(await k.of('chenfang', id)).toEqual([]); // muted
    expect(await k.of('huangli', id)).toEqual([]); // a leader does not see a proposal in review
    expect(await k.of('liusiyuan', id)).toEqual([]); // nor does a researcher

    await k.move(id, 'submitted');
    expect((await k.of('linxiaoyan', id)).map((n) => n.toStatus)).toEqual(['submitted', 'in_review']);
    expect((await k.of('huangli', id)).map((n) => n.toStatus)).toEqual(['submitted']); // now visible to the federation's leaders
    expect(await k.of('liusiyuan', id)).toEqual([]); // still not to a researcher who is not a member
    await k.unfollow('huangli', 'district', f.orgIds.jinan);
  });

  it('a suggestion status change notifies the suggestion’s and the proposal’s followers', async () => {
    const { id, suggestionId } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.move(id, 'submitted');
    expect((await k.follow('admin', 'suggestion', suggestionId)).errors).toBeUndefined();
    await (await f.as('huangli')).ok(CHANGE_SUGGESTION_STATUS, { input: { suggestionId, to: 'under_consideration' } });
    const expected = { kind: 'suggestion_status', suggestionId, fromStatus: 'submitted', toStatus: 'under_consideration', suggestionNumber: 1, actorName: '黄丽' };
    expect((await k.of('admin', id))[0]).toMatchObject(expected);
    expect((await k.of('zhangjie', id))[0]).toMatchObject(expected);
    expect((await k.of('huangli', id)).filter((n) => n.kind === 'suggestion_status')).toEqual([]);
  });

  it('the recorded answer is a status change too', async () => {
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.move(id, 'submitted');
    await (await f.as('huangli')).ok(
      `mutation($input: RecordAnswerInput!) { recordAnswer(input: $input) { id } }`,
      { input: { proposalId: id, answeredOn: '2022-06-15', replyingUnit: '晋安区民政局', answerClass: 'B', text: '已列入计划。', documentRef: '晋民函〔2022〕35号' } },
    );
    expect((await k.of('zhangjie', id))[0]).toMatchObject({ fromStatus: 'submitted', toStatus: 'answered', actorName: '黄丽' });
  });

  it('counts unread notifications, pages through them and marks them read (only one’s own)', async () => {
    const { id } = await k.draftWithCoauthor();
    const before = (await k.feed('linxiaoyan')).unreadNotificationCount;
    await k.move(id, 'in_review');
    await k.move(id, 'draft');
    await k.move(id, 'in_review');
    const feed = await k.feed('linxiaoyan');
    expect(feed.unreadNotificationCount).toBe(before + 3);

    const first = await k.feed('linxiaoyan', { first: 2 });
    expect(first.notifications.nodes.map((n) => n.toStatus)).toEqual(['in_review', 'draft']);
    expect(first.notifications.pageInfo.hasNextPage).toBe(true);
    const next = await k.feed('linxiaoyan', { first: 2, after: first.notifications.pageInfo.endCursor });
    expect(next.notifications.nodes[0].toStatus).toBe('in_review');
    expect(next.notifications.nodes[0].id).not.toBe(first.notifications.nodes[0].id);

    const newest = first.notifications.nodes[0].id;
    const mark = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`;
    // someone else's id changes nothing
    expect((await (await f.as('zhangjie')).ok(mark, { input: { ids: [newest] } })).markNotificationsRead).toBe(
      (await k.feed('zhangjie')).unreadNotificationCount,
    );
    expect((await k.feed('linxiaoyan')).unreadNotificationCount).toBe(before + 3);

    const linxiaoyan = await f.as('linxiaoyan');
    expect((await linxiaoyan.ok(mark, { input: { ids: [newest] } })).markNotificationsRead).toBe(before + 2);
    const unread = await k.feed('linxiaoyan', { first: 100, unreadOnly: true });
    expect(unread.notifications.nodes.map((n) => n.id)).not.toContain(newest);
    expect((await linxiaoyan.ok(mark, { input: { all: true } })).markNotificationsRead).toBe(0);
    expect((await k.feed('linxiaoyan')).notifications.nodes.every((n) => n.readAt)).toBe(true);
  });

  it('someone removed from a draft loses its notifications with her access', async () => {
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    expect(await k.of('linxiaoyan', id)).toHaveLength(1);
    await (await f.as('zhangjie')).ok(
      `mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { id } }`,
      { input: { proposalId: id, userId: f.userIds.linxiaoyan } },
    );
    expect(await k.of('linxiaoyan', id)).toEqual([]);
    await k.move(id, 'draft');
    expect(await k.of('linxiaoyan', id)).toEqual([]);
  });

  it('keeps the e-mail preference even without SMTP, and says e-mail is not available', async () => {
    const zhangjie = await f.as('zhangjie');
    const set = `mutation($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { email emailAvailable } }`;
    expect((await zhangjie.ok(set, { input: { email: 'daily_digest' } })).setNotificationPreferences).toEqual({ email: 'daily_digest', emailAvailable: false });
    expect((await zhangjie.ok('{ notificationPreferences { email } }')).notificationPreferences.email).toBe('daily_digest');
    expect(errorCode(await zhangjie.request(set, { input: { email: 'hourly' } }))).toBe('BAD_USER_INPUT');
  });

  it('refuses anonymous callers on every notification and follow operation', async () => {
    const anonymous = t.client();
    const target = { input: { targetType: 'proposal', targetId: '00000000-0000-4000-8000-000000000000' } };
    const operations: [string, Record<string, unknown>?][] = [
      ['{ unreadNotificationCount }'],
      ['{ notifications(first: 5) { nodes { id } } }'],
      ['{ follows { targetId } }'],
      ['{ isFollowing(targetType: proposal, targetId: "00000000-0000-4000-8000-000000000000") }'],
      ['{ notificationPreferences { email } }'],
      ['mutation($input: FollowInput!) { follow(input: $input) { targetId } }', target],
      ['mutation($input: FollowInput!) { unfollow(input: $input) }', target],
      ['mutation($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { email } }', { input: { email: 'off' } }],
    ];
    for (const [query, variables] of operations) {
      expect([query, errorCode(await anonymous.request(query, variables))]).toEqual([query, 'UNAUTHENTICATED']);
    }
  });
});
