import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const ADD = `mutation($input: AddCommentInput!) {
  addComment(input: $input) { id parentId suggestionId body resolved author { displayName } mentions { displayName } }
}`;
const RESOLVE = `mutation($id: ID!) { resolveCommentThread(commentId: $id) { id resolved resolvedAt resolvedBy { displayName } } }`;
const UNRESOLVE = `mutation($id: ID!) { unresolveCommentThread(commentId: $id) { id resolved resolvedAt resolvedBy { displayName } } }`;
const THREADS = `query($id: ID!) { proposal(id: $id) {
  comments { id body resolved author { displayName } replies { id parentId body author { displayName } } }
  suggestions { id comments { id body replies { body } } }
} }`;

describe('comments', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let proposalId: string;
  let suggestionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    proposalId = await f.proposalIn('in_review');
    const { proposal } = await (await f.as('zhangjie')).ok(THREADS, { id: proposalId });
    suggestionId = proposal.suggestions[0].id;
  });
  afterAll(() => t.close());

  const comment = async (person: Parameters<ProposalFixtures['as']>[0], input: Record<string, unknown>) =>
    (await f.as(person)).request(ADD, { input: { proposalId, ...input } });

  it('lets owners, co-authors and reviewers comment, threads replies, and shows them on the proposal', async () => {
    const first = await comment('chenfang', { body: '第二段的数据需要注明来源。', mentions: [f.userIds.zhangjie] });
    expect(first.data?.addComment).toMatchObject({
      parentId: null,
      suggestionId: null,
      resolved: false,
      author: { displayName: '陈芳' },
      mentions: [{ displayName: '张洁' }],
    });
    const rootId = first.data!.addComment.id;
    const reply = await comment('zhangjie', { body: '已补充人社部门数据。', parentId: rootId });
    const replyToReply = await comment('linxiaoyan', { body: '我再核对一遍。', parentId: reply.data!.addComment.id });
    expect(reply.data!.addComment.parentId).toBe(rootId);
    expect(replyToReply.data!.addComment.parentId).toBe(rootId);
    const { proposal } = await (await f.as('liusiyuan')).ok(THREADS, { id: proposalId });
    const thread = proposal.comments.find((c: { id: string }) => c.id === rootId);
    expect(thread.replies.map((r: { body: string }) => r.body)).toEqual(['已补充人社部门数据。', '我再核对一遍。']);
  });

  it('puts comments on a suggestion under that suggestion, replies included', async () => {
    const root = await comment('linxiaoyan', { body: '建议写明资金比例。', suggestionId });
    await comment('zhangjie', { body: '好的。', parentId: root.data!.addComment.id });
    const { proposal } = await (await f.as('zhangjie')).ok(THREADS, { id: proposalId });
    expect(proposal.suggestions[0].comments).toEqual([{ id: root.data!.addComment.id, body: '建议写明资金比例。', replies: [{ body: '好的。' }] }]);
    expect(proposal.comments.map((c: { id: string }) => c.id)).not.toContain(root.data!.addComment.id);
  });

  it('lets viewers read but not comment, and hides the proposal from non-members', async () => {
    expect(errorCode(await comment('liusiyuan', { body: '我只是看看。' }))).toBe('FORBIDDEN');
    expect(errorCode(await comment('huangli', { body: '领导意见。' }))).toBe('NOT_FOUND');
  });

  it('refuses a bad comment naming the field, writing nothing', async () => {
    const count = async () => (await (await f.as('zhangjie')).ok(THREADS, { id: proposalId })).proposal.comments.length;
    const before = await count();
    const other = await f.create();
    const otherSuggestion = await f.addSuggestion(other.id);
    for (const [input, field] of [
      [{ body: '' }, 'body'],
      [{ body: '评'.repeat(5001) }, 'body'],
      [{ body: '提到非成员', mentions: [f.userIds.huangli] }, 'mentions'],
      [{ body: '错误的建议条目', suggestionId: otherSuggestion.id }, 'suggestionId'],
      [{ body: '错误的上级', parentId: 'no-such-comment' }, 'parentId'],
    ] as const) {
      const result = await comment('zhangjie', input);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count()).toBe(before);
  });

  it('lets owners, co-authors and the thread’s author resolve and reopen a thread, nobody else', async () => {
    const root = (await comment('chenfang', { body: '标题太长。' })).data!.addComment.id;
    const reply = (await comment('linxiaoyan', { body: '同意。', parentId: root })).data!.addComment.id;
    await f.addMember(proposalId, 'huangli', 'reviewer');
    const otherReviewer = await f.as('huangli');
    expect(errorCode(await otherReviewer.request(RESOLVE, { id: root }))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('liusiyuan')).request(RESOLVE, { id: root }))).toBe('FORBIDDEN');

    const resolved = await (await f.as('linxiaoyan')).ok(RESOLVE, { id: reply });
    expect(resolved.resolveCommentThread).toMatchObject({ id: root, resolved: true, resolvedBy: { displayName: '林晓燕' } });
    const reopened = await (await f.as('chenfang')).ok(UNRESOLVE, { id: root });
    expect(reopened.unresolveCommentThread).toEqual({ id: root, resolved: false, resolvedAt: null, resolvedBy: null });
    await (await f.as('zhangjie')).ok(RESOLVE, { id: root });
    const { proposal } = await (await f.as('zhangjie')).ok(THREADS, { id: proposalId });
    expect(proposal.comments.find((c: { id: string }) => c.id === root).resolved).toBe(true);
    expect(errorCode(await (await f.as('zhangjie')).request(RESOLVE, { id: 'no-such-comment' }))).toBe('NOT_FOUND');
  });

  it('keeps comments open after submission, for reviewers too', async () => {
    await f.transition(proposalId, 'submitted');
    const result = await comment('chenfang', { body: '提交后的意见。' });
    expect(result.errors).toBeUndefined();
  });
});
