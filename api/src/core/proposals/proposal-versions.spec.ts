import { CollabClient, connectCollab, eventually } from '../../test-support/collab-client';
import { errorCode } from '../../test-support/graphql-client';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const SAVE = `mutation($input: SaveProposalVersionInput!) { saveProposalVersion(input: $input) { number name kind bodyText } }`;
const RESTORE = `mutation($input: RestoreProposalVersionInput!) { restoreProposalVersion(input: $input) { number name kind bodyText } }`;
const VERSIONS = `query($id: ID!) { proposal(id: $id) { bodyText versions { number name kind bodyText createdBy { displayName } } } }`;

describe('proposal versions', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const open: CollabClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  const writer = async (person: 'zhangjie' | 'linxiaoyan', proposalId: string) => {
    const client = connectCollab(t.url, proposalId, (await f.as(person)).cookieHeader);
    open.push(client);
    await client.synced;
    return client;
  };

  it('saves a named version of the live body, restores it as a new change for everyone, and freezes one at submission', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    await f.addSuggestion(proposal.id, '加大政府购买服务资金投入');
    const a = await writer('zhangjie', proposal.id);
    const b = await writer('linxiaoyan', proposal.id);
    a.appendParagraph('初稿的背景段落');
    await a.saved();
    const owner = await f.as('zhangjie');

    const first = (await owner.ok(SAVE, { input: { proposalId: proposal.id, name: '征求意见稿' } })).saveProposalVersion;
    expect(first).toMatchObject({ number: 1, name: '征求意见稿', kind: 'manual' });
    expect(first.bodyText).toContain('初稿的背景段落');

    b.appendParagraph('第二稿新增段落');
    await b.saved();
    const restored = (await owner.ok(RESTORE, { input: { proposalId: proposal.id, number: 1 } })).restoreProposalVersion;
    expect(restored).toMatchObject({ number: 2, name: 'v1', kind: 'restored' });
    expect(restored.bodyText).not.toContain('第二稿新增段落');
    await eventually(() => {
      expect(a.text()).not.toContain('第二稿新增段落');
      expect(b.text()).toBe(a.text());
    });
    expect(a.text()).toContain('初稿的背景段落');

    await f.transition(proposal.id, 'in_review');
    expect((await f.transition(proposal.id, 'submitted')).errors).toBeUndefined();
    const { proposal: detail } = await owner.ok(VERSIONS, { id: proposal.id });
    expect(detail.versions.map((v: any) => [v.number, v.kind, v.name])).toEqual([
      [1, 'manual', '征求意见稿'],
      [2, 'restored', 'v1'],
      [3, 'submitted', null],
    ]);
    expect(detail.versions[2].bodyText).toContain('初稿的背景段落');
    expect(detail.bodyText).toContain('依托社区开展');
  });

  it('refuses a reviewer, an empty name and an unknown version, writing nothing', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'reviewer');
    const reviewer = await f.as('linxiaoyan');
    expect(errorCode(await reviewer.request(SAVE, { input: { proposalId: proposal.id, name: '审阅稿' } }))).toBe('FORBIDDEN');
    const owner = await f.as('zhangjie');
    const empty = await owner.request(SAVE, { input: { proposalId: proposal.id, name: '  ' } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const unknown = await owner.request(RESTORE, { input: { proposalId: proposal.id, number: 9 } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'number' });
    const stranger = await f.as('chenfang');
    expect(errorCode(await stranger.request(SAVE, { input: { proposalId: proposal.id, name: 'x' } }))).toBe('NOT_FOUND');
    expect((await owner.ok(VERSIONS, { id: proposal.id })).proposal.versions).toEqual([]);
  });
});
