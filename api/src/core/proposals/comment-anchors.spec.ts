import { randomUUID } from 'node:crypto';
import { CollabClient, connectCollab, eventually } from '../../test-support/collab-client';
import { editBody, rangeOf } from '../../test-support/collab-editing';
import { Person, ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const ADD = `mutation($input: AddCommentInput!) {
  addComment(input: $input) { id parentId anchor { threadId quote currentText detached } }
}`;
const THREADS = `query($id: ID!) { proposal(id: $id) {
  comments { id body resolved anchor { threadId quote currentText detached } replies { body } }
} }`;
const RESOLVE = `mutation($id: ID!) { resolveCommentThread(commentId: $id) { id resolved anchor { detached } } }`;

const PARAGRAPH = '自2020年起，2000余名流动妇女参加免费职业技能培训，58名获得证书。';
const QUOTE = '流动妇女参加免费职业技能培训';

describe('comment threads anchored to a passage (real Yjs clients over WebSocket)', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const open: CollabClient[] = [];

  const connectAs = async (person: Person, proposalId: string) => {
    const client = connectCollab(t.url, proposalId, (await f.as(person)).cookieHeader);
    open.push(client);
    await client.synced;
    return client;
  };
  const threads = async (proposalId: string, person: Person = 'zhangjie') =>
    (await (await f.as(person)).ok(THREADS, { id: proposalId })).proposal.comments as {
      id: string;
      anchor: { threadId: string; quote: string; currentText: string | null; detached: boolean } | null;
      replies: { body: string }[];
    }[];
  const anchorOf = async (proposalId: string, threadId: string) => (await threads(proposalId)).find((c) => c.anchor?.threadId === threadId)?.anchor;

  /** A proposal whose body has PARAGRAPH, written by zhangjie; linxiaoyan co-authors, chenfang reviews. */
  const proposalWithText = async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    await f.addMember(proposal.id, 'chenfang', 'reviewer');
    const writer = await connectAs('zhangjie', proposal.id);
    writer.appendParagraph(PARAGRAPH);
    await writer.saved();
    return { proposalId: proposal.id as string, writer };
  };

  /** Starts an anchored thread, then marks the quoted text in the writer's document (as the web editor does). */
  const anchorThread = async (proposalId: string, writer: CollabClient, quote = QUOTE) => {
    const threadId = randomUUID();
    const created = await (await f.as('zhangjie')).ok(ADD, { input: { proposalId, body: '这个数字需要注明来源。', anchor: { threadId, quote } } });
    expect(created.addComment.anchor).toEqual({ threadId, quote, currentText: null, detached: false });
    editBody(writer, (tr) => {
      const { from, to } = rangeOf(tr.doc, quote);
      tr.addMark(from, to, tr.doc.type.schema.marks.commentAnchor.create({ threadId }));
    });
    await writer.saved();
    return { threadId, rootId: created.addComment.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  it('follows the anchored text through another writer’s edits before, after and inside it', async () => {
    const { proposalId, writer } = await proposalWithText();
    const { threadId } = await anchorThread(proposalId, writer);
    await eventually(async () => expect(await anchorOf(proposalId, threadId)).toMatchObject({ currentText: QUOTE, detached: false }));

    const coauthor = await connectAs('linxiaoyan', proposalId);
    editBody(coauthor, (tr) => {
      tr.insertText('福州市晋安区', rangeOf(tr.doc, '自2020年起').from); // before
      tr.delete(rangeOf(tr.doc, '2000余名').from, rangeOf(tr.doc, '2000余名').to); // before, next to it
      tr.insertText('和儿童', rangeOf(tr.doc, QUOTE).to); // right after: the mark does not grow
      tr.insertText('另有', rangeOf(tr.doc, '58名').from); // after
      tr.delete(rangeOf(tr.doc, '获得证书').from, rangeOf(tr.doc, '获得证书').to); // after
      tr.insertText('务工', rangeOf(tr.doc, '流动').to); // inside
      tr.delete(rangeOf(tr.doc, '免费').from, rangeOf(tr.doc, '免费').to); // inside
    });
    await coauthor.saved();
    const expected = '流动务工妇女参加职业技能培训';
    await eventually(async () => expect(await anchorOf(proposalId, threadId)).toEqual({ threadId, quote: QUOTE, currentText: expected, detached: false }));
    await eventually(() => expect(writer.text()).toBe(coauthor.text()));
    expect(writer.json().content?.at(-1)).toMatchObject({
      content: [
        { text: '福州市晋安区自2020年起，' },
        { text: expected, marks: [{ type: 'commentAnchor', attrs: { threadId } }] },
        { text: '和儿童，另有58名。' },
      ],
    });
  });

  it('merges the mark with edits a co-author made meanwhile while offline', async () => {
    const { proposalId, writer } = await proposalWithText();
    const coauthor = await connectAs('linxiaoyan', proposalId);
    await eventually(() => expect(coauthor.text()).toContain(PARAGRAPH));
    coauthor.goOffline();
    const { threadId } = await anchorThread(proposalId, writer);
    // one transaction per edit, as the editor sends them
    editBody(coauthor, (tr) => tr.insertText('务工', rangeOf(tr.doc, '流动').to)); // inside, unaware of the mark
    editBody(coauthor, (tr) => tr.insertText('晋安区', rangeOf(tr.doc, '2000余名').from)); // before
    editBody(coauthor, (tr) => tr.insertText('另有', rangeOf(tr.doc, '58名').from)); // after
    await coauthor.goOnline();
    await coauthor.saved();
    await eventually(() => expect(writer.text()).toBe(coauthor.text()));
    await eventually(async () =>
      expect(await anchorOf(proposalId, threadId)).toMatchObject({ currentText: '流动务工妇女参加免费职业技能培训', detached: false }),
    );
  });

  it('keeps a thread whose text is deleted, shown as detached, and attaches it again when its mark is back', async () => {
    const { proposalId, writer } = await proposalWithText();
    const { threadId, rootId } = await anchorThread(proposalId, writer);
    const other = await anchorThread(proposalId, writer, '58名获得证书');
    await (await f.as('chenfang')).ok(ADD, { input: { proposalId, body: '同意，请补充。', parentId: rootId } });
    await eventually(async () => expect(await anchorOf(proposalId, threadId)).toMatchObject({ currentText: QUOTE, detached: false }));

    const coauthor = await connectAs('linxiaoyan', proposalId);
    editBody(coauthor, (tr) => tr.delete(rangeOf(tr.doc, `2000余名${QUOTE}`).from, rangeOf(tr.doc, `2000余名${QUOTE}`).to));
    await coauthor.saved();
    await eventually(async () => expect(await anchorOf(proposalId, threadId)).toEqual({ threadId, quote: QUOTE, currentText: QUOTE, detached: true }));
    const thread = (await threads(proposalId, 'chenfang')).find((c) => c.id === rootId)!;
    expect(thread.replies).toEqual([{ body: '同意，请补充。' }]);
    expect(await anchorOf(proposalId, other.threadId)).toMatchObject({ currentText: '58名获得证书', detached: false });
    expect((await (await f.as('zhangjie')).ok(RESOLVE, { id: rootId })).resolveCommentThread).toEqual({ id: rootId, resolved: true, anchor: { detached: true } });

    editBody(coauthor, (tr) => {
      const { from, to } = rangeOf(tr.doc, '自2020年起');
      tr.addMark(from, to, tr.doc.type.schema.marks.commentAnchor.create({ threadId }));
    });
    await coauthor.saved();
    await eventually(async () => expect(await anchorOf(proposalId, threadId)).toMatchObject({ currentText: '自2020年起', detached: false }));
  });

  it('lets only those who may write the text anchor, and refuses a bad anchor naming the field, writing nothing', async () => {
    const { proposalId } = await proposalWithText();
    await f.addMember(proposalId, 'liusiyuan', 'viewer');
    const suggestion = await f.addSuggestion(proposalId);
    const anchor = () => ({ threadId: randomUUID(), quote: QUOTE });
    const add = async (person: Person, input: Record<string, unknown>) => (await f.as(person)).request(ADD, { input: { proposalId, body: '意见', ...input } });

    expect(errorCode(await add('chenfang', { anchor: anchor() }))).toBe('FORBIDDEN'); // a reviewer cannot mark the text
    expect(errorCode(await add('liusiyuan', { anchor: anchor() }))).toBe('FORBIDDEN');
    const plain = await add('chenfang', {});
    expect(plain.data?.addComment.anchor).toBeNull(); // … but comments on the proposal as before
    const coauthorThread = await add('linxiaoyan', { anchor: anchor() });
    expect(coauthorThread.errors).toBeUndefined();

    const before = (await threads(proposalId)).length;
    const taken = coauthorThread.data!.addComment.anchor.threadId;
    for (const [input, field] of [
      [{ anchor: { threadId: 'not-a-uuid', quote: QUOTE } }, 'anchor.threadId'],
      [{ anchor: { threadId: taken, quote: QUOTE } }, 'anchor.threadId'],
      [{ anchor: { threadId: randomUUID(), quote: '  ' } }, 'anchor.quote'],
      [{ anchor: { threadId: randomUUID(), quote: '流'.repeat(501) } }, 'anchor.quote'],
      [{ anchor: anchor(), parentId: plain.data!.addComment.id }, 'anchor'],
      [{ anchor: anchor(), suggestionId: suggestion.id }, 'anchor'],
    ] as const) {
      const result = await add('zhangjie', input);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await threads(proposalId)).length).toBe(before);

    await f.transition(proposalId, 'in_review');
    await f.transition(proposalId, 'submitted');
    expect(errorCode(await add('zhangjie', { anchor: anchor() }))).toBe('FORBIDDEN'); // the text is frozen
    expect((await add('zhangjie', {})).errors).toBeUndefined();
  });
});
