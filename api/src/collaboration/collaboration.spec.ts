import { randomUUID } from 'node:crypto';
import { DocumentStore } from './document-store';
import * as Y from 'yjs';
import { BODY_FIELD } from '@jianyan/shared';
import { CollabClient, connectCollab, eventually } from '../test-support/collab-client';
import { GET_PROPOSAL, ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

describe('collaborative editing over WebSocket (real Yjs clients)', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const open: CollabClient[] = [];

  const connectAs = async (person: Parameters<ProposalFixtures['as']>[0] | null, proposalId: string) => {
    const cookie = person ? (await f.as(person)).cookieHeader : '';
    const client = connectCollab(t.url, proposalId, cookie);
    open.push(client);
    return client;
  };

  /** The document as stored in the database, rebuilt from snapshot + updates. */
  const storedText = async (proposalId: string) => {
    const doc = new Y.Doc();
    await t.app.get(DocumentStore).load(`proposal:${proposalId}`, doc);
    return doc.getXmlFragment(BODY_FIELD).toString();
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  it('lets two writers converge, and stores what was acknowledged', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    const a = await connectAs('zhangjie', proposal.id);
    const b = await connectAs('linxiaoyan', proposal.id);
    await Promise.all([a.synced, b.synced]);
    a.appendParagraph('福州市晋安区流动妇女就业情况');
    b.appendParagraph('鼓山镇茶会社区的课后服务');
    await Promise.all([a.saved(), b.saved()]);
    await eventually(() => expect(a.text()).toBe(b.text()));
    expect(a.text()).toContain('流动妇女就业情况');
    expect(a.text()).toContain('课后服务');
    expect(await storedText(proposal.id)).toBe(a.text());
  });

  it('rejects a reviewer’s update on the server and never stores it', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'reviewer');
    const writer = await connectAs('zhangjie', proposal.id);
    const reviewer = await connectAs('linxiaoyan', proposal.id);
    await Promise.all([writer.synced, reviewer.synced]);
    reviewer.appendParagraph('审阅人不应能写入');
    writer.appendParagraph('执笔人写入的内容');
    await writer.saved();
    await eventually(async () => expect(await storedText(proposal.id)).toContain('执笔人写入的内容'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedText(proposal.id)).not.toContain('审阅人');
    expect(writer.text()).not.toContain('审阅人');
    expect(reviewer.provider.hasUnsyncedChanges).toBe(true);
  });

  it('refuses an anonymous connection and one from a non-member', async () => {
    const proposal = await f.create('zhangjie');
    const anonymous = await connectAs(null, proposal.id);
    const stranger = await connectAs('chenfang', proposal.id);
    await expect(anonymous.refused).resolves.toBeDefined();
    await expect(stranger.refused).resolves.toBeDefined();
    expect(anonymous.text()).toBe('');
    expect(stranger.text()).toBe('');
  });

  it('refuses a document name that is not a proposal', async () => {
    const client = connectCollab(t.url, 'not-a-uuid', (await f.as('zhangjie')).cookieHeader);
    open.push(client);
    await expect(client.refused).resolves.toBeDefined();
  });

  it('starts a proposal’s document from its suggestions, and keeps the Suggestion rows in step with the nodes', async () => {
    const proposal = await f.create('zhangjie');
    const first = await f.addSuggestion(proposal.id, '加大政府购买服务资金投入');
    const writer = await connectAs('zhangjie', proposal.id);
    await writer.synced;
    expect(writer.json().content?.some((n) => n.type === 'suggestion' && n.attrs?.id === first.id)).toBe(true);

    const added = randomUUID();
    writer.appendSuggestion(added, '推广校园社工站经验。');
    await writer.saved();
    const client = await f.as('zhangjie');
    const suggestions = async () => (await client.ok(GET_PROPOSAL, { id: proposal.id })).proposal.suggestions;
    await eventually(async () =>
      expect((await suggestions()).map((s: { id: string; number: number }) => [s.id, s.number])).toEqual([
        [first.id, 1],
        [added, 2],
      ]),
    );
    expect((await suggestions())[1].title).toBe('推广校园社工站经验');

    // reorder: move the new suggestion before the first one
    const fragment = writer.doc.getXmlFragment(BODY_FIELD);
    writer.doc.transact(() => {
      const index = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === added);
      const firstIndex = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === first.id);
      fragment.delete(index, 1);
      const moved = new Y.XmlElement('suggestion');
      moved.setAttribute('id', added);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('推广校园社工站经验。')]);
      moved.insert(0, [paragraph]);
      fragment.insert(firstIndex, [moved]);
    });
    await writer.saved();
    await eventually(async () =>
      expect((await suggestions()).map((s: { id: string }) => s.id)).toEqual([added, first.id]),
    );

    // delete the first suggestion's node
    writer.doc.transact(() => {
      const index = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === first.id);
      fragment.delete(index, 1);
    });
    await writer.saved();
    await eventually(async () => expect((await suggestions()).map((s: { id: string }) => s.id)).toEqual([added]));
  });

  it('puts suggestions added, edited and deleted through the forms into the open document, and keeps them', async () => {
    const proposal = await f.create('zhangjie');
    const writer = await connectAs('zhangjie', proposal.id);
    await writer.synced;
    writer.appendParagraph('正文第一段');
    await writer.saved();
    const added = await f.addSuggestion(proposal.id, '设立儿童之家');
    await eventually(() => expect(writer.text()).toContain(`<suggestion id="${added.id}"><paragraph>依托社区开展。</paragraph></suggestion>`));
    const client = await f.as('zhangjie');
    await client.ok('mutation($input: UpdateSuggestionInput!) { updateSuggestion(input: $input) { id } }', {
      input: { id: added.id, text: '依托茶会社区开展。' },
    });
    await eventually(() => expect(writer.text()).toContain('依托茶会社区开展。'));
    writer.appendParagraph('正文第二段');
    await writer.saved();
    await new Promise((r) => setTimeout(r, 1_500)); // past the store debounce: rows follow the document
    const rows = (await client.ok(GET_PROPOSAL, { id: proposal.id })).proposal.suggestions;
    expect(rows.map((s: { id: string }) => s.id)).toEqual([added.id]);
    await client.ok('mutation($id: ID!) { deleteSuggestion(suggestionId: $id) { id } }', { id: added.id });
    await eventually(() => expect(writer.text()).not.toContain(added.id));
    expect(writer.text()).toContain('正文第二段');
  });

  it('disconnects a member removed from the proposal at once, and refuses her reconnection', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    const coauthor = await connectAs('linxiaoyan', proposal.id);
    await coauthor.synced;
    let closed = false;
    coauthor.provider.on('close', () => (closed = true));
    await (await f.as('zhangjie')).ok(
      'mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { id } }',
      { input: { proposalId: proposal.id, userId: f.userIds.linxiaoyan } },
    );
    await eventually(() => expect(closed).toBe(true), 2_000);
    coauthor.appendParagraph('移除后写入');
    const again = await connectAs('linxiaoyan', proposal.id);
    await expect(again.refused).resolves.toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedText(proposal.id)).not.toContain('移除后写入');
  });

  it('makes writers read-only once the proposal is submitted', async () => {
    const proposal = await f.create('zhangjie');
    await f.addSuggestion(proposal.id);
    const writer = await connectAs('zhangjie', proposal.id);
    await writer.synced;
    writer.appendParagraph('提交前写入');
    await writer.saved();
    await f.transition(proposal.id, 'in_review');
    await f.transition(proposal.id, 'submitted');
    await new Promise((r) => setTimeout(r, 500));
    writer.appendParagraph('提交后不应写入');
    await new Promise((r) => setTimeout(r, 500));
    expect(await storedText(proposal.id)).toContain('提交前写入');
    expect(await storedText(proposal.id)).not.toContain('提交后不应写入');
  });
});
