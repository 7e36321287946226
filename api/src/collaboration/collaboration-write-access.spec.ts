import { BODY_FIELD } from '@jianyan/shared';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { ProposalEntity, ProposalMemberEntity } from '../core/proposals/proposal.entity';
import { CollabClient, connectCollab, eventually } from '../test-support/collab-client';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';
import { WRITE_ACCESS_REUSE_MS } from './collaboration-session-check';
import { CollaborationService } from './collaboration.service';
import { DocumentStore } from './document-store';

/**
 * Access that changed in the database while no event reached this instance (the disconnect lost, or
 * not happened yet): the next update of the editor is refused at the write check, not stored.
 */
describe('write access checked again at every update', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const open: CollabClient[] = [];

  const connectAs = async (person: Parameters<ProposalFixtures['as']>[0], proposalId: string) => {
    const client = connectCollab(t.url, proposalId, (await f.as(person)).cookieHeader);
    open.push(client);
    return client;
  };
  const storedText = async (proposalId: string) => {
    const doc = new Y.Doc();
    await t.app.get(DocumentStore).load(`proposal:${proposalId}`, doc);
    return doc.getXmlFragment(BODY_FIELD).toString();
  };
  const textSeenByOwner = async (proposalId: string) => {
    const reader = await connectAs('zhangjie', proposalId);
    await reader.synced;
    return reader.text();
  };
  const closeOf = (client: CollabClient) => new Promise<void>((resolve) => client.provider.on('close', () => resolve()));

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await eventually(() => expect(t.app.get(CollaborationService).hocuspocus.getDocumentsCount()).toBe(0));
    await t.close();
  });

  it('an update sent right after the proposal was submitted, before any disconnect, is refused and not stored', async () => {
    const proposal = await f.create('zhangjie');
    const writer = await connectAs('zhangjie', proposal.id);
    await writer.synced;
    const closed = closeOf(writer);
    // the status change committed; its event (which would close the editor) has not run
    await t.app.get(DataSource).getRepository(ProposalEntity).update({ id: proposal.id }, { status: 'submitted' });

    writer.appendParagraph('提交后立即发送的段落');

    await closed;
    expect(await storedText(proposal.id)).not.toContain('提交后立即发送的段落');
    expect(await textSeenByOwner(proposal.id)).not.toContain('提交后立即发送的段落');
  });

  it('a co-author made a reviewer without being told: once the reused answer is out of date her update is refused and not stored', async () => {
    const proposal = await f.create('zhangjie');
    await f.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    const coauthor = await connectAs('linxiaoyan', proposal.id);
    await coauthor.synced;
    coauthor.appendParagraph('改为审阅人之前写入');
    await coauthor.saved();
    const closed = closeOf(coauthor);
    await t.app
      .get(DataSource)
      .getRepository(ProposalMemberEntity)
      .update({ proposalId: proposal.id, userId: f.userIds.linxiaoyan }, { role: 'reviewer' });
    // past the time the check may reuse its last "may write" answer
    await new Promise((resolve) => setTimeout(resolve, WRITE_ACCESS_REUSE_MS + 100));

    coauthor.appendParagraph('改为审阅人之后发送的段落');

    await closed;
    const stored = await storedText(proposal.id);
    expect(stored).toContain('改为审阅人之前写入');
    expect(stored).not.toContain('改为审阅人之后发送的段落');
    expect(await textSeenByOwner(proposal.id)).not.toContain('改为审阅人之后发送的段落');
  });
});
