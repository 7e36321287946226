import { BODY_FIELD } from '@jianyan/shared';
import * as Y from 'yjs';
import { CollabClient, connectCollab, eventually } from '../test-support/collab-client';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';
import { DOCUMENT_TOO_LARGE } from './document-size';
import { DocumentStore } from './document-store';

const LIMIT = 64 * 1024;

describe('the document size limit (COLLAB_MAX_DOCUMENT_BYTES), with real Yjs clients', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const open: CollabClient[] = [];

  const connectAs = async (person: 'zhangjie' | 'linxiaoyan', proposalId: string) => {
    const client = connectCollab(t.url, proposalId, (await f.as(person)).cookieHeader);
    open.push(client);
    await client.synced;
    return client;
  };

  const stored = async (proposalId: string) => {
    const doc = new Y.Doc();
    await t.app.get(DocumentStore).load(`proposal:${proposalId}`, doc);
    return { text: doc.getXmlFragment(BODY_FIELD).toString(), bytes: Y.encodeStateAsUpdate(doc).length };
  };

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_MAX_DOCUMENT_BYTES: String(LIMIT) });
    f = await new ProposalFixtures(t).init();
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => t.close());

  it('refuses an update that would take the document past the limit: not stored, not applied, not broadcast, the writer told', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    const writer = await connectAs('zhangjie', proposal.id);
    const other = await connectAs('linxiaoyan', proposal.id);
    writer.appendParagraph('限额以内的一段');
    await writer.saved();
    await eventually(() => expect(other.text()).toContain('限额以内的一段'));

    const closed = new Promise<string>((resolve) => writer.provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)));
    writer.appendParagraph('超'.repeat(LIMIT));
    expect(JSON.parse(await closed)).toEqual({ code: DOCUMENT_TOO_LARGE, maxBytes: LIMIT });

    // the other writer goes on as before; the refused text is nowhere but in the refused client
    other.appendParagraph('另一位执笔人继续写');
    await other.saved();
    await eventually(async () => expect((await stored(proposal.id)).text).toContain('另一位执笔人继续写'));
    const after = await stored(proposal.id);
    expect(after.text).not.toContain('超超超');
    expect(after.bytes).toBeLessThan(LIMIT);
    expect(other.text()).not.toContain('超超超');
    const fresh = await connectAs('linxiaoyan', proposal.id);
    expect(fresh.text()).toContain('另一位执笔人继续写');
    expect(fresh.text()).not.toContain('超超超');
    const owner = await f.as('zhangjie');
    await eventually(async () => {
      const { proposal: derived } = await owner.ok('query($id: ID!) { proposal(id: $id) { bodyText } }', { id: proposal.id });
      expect(derived.bodyText).toContain('另一位执笔人继续写');
      expect(derived.bodyText).not.toContain('超超超');
    }, 10_000);
  });
});
