import { EvidenceFixtures, GET_EVIDENCE } from '../../test-support/evidence-fixtures';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const PUBLISH_MANY = `mutation($input: PublishEvidenceManyInput!) { publishEvidenceMany(input: $input) { id status version } }`;

describe('publishEvidenceMany: many records at once, all or none, each checked', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const statusOf = async (id: string, by: 'chenfang' | 'zhangjie' = 'chenfang') =>
    (await (await f.as(by)).ok(GET_EVIDENCE, { id })).evidence.status as string;
  const bulkEntries = async () => (await f.auditEntries({ action: 'evidence.published' })).length;

  it("publishes the caller's drafts together and audits each of them", async () => {
    const drafts = [await f.create({ title: '导入草稿一' }), await f.create({ title: '导入草稿二' }), await f.create({ title: '导入草稿三' })];
    const ids = drafts.map((d) => d.id as string);
    const { publishEvidenceMany } = await (await f.as('chenfang')).ok(PUBLISH_MANY, { input: { ids: [...ids, ids[0]] } });
    expect(publishEvidenceMany).toEqual(ids.map((id) => ({ id, status: 'published', version: 2 })));
    for (const id of ids) expect(await statusOf(id)).toBe('published');
    const entries = await f.auditEntries({ action: 'evidence.published' });
    for (const id of ids) {
      const entry = entries.find((e) => e.entityId === id)!;
      expect(entry.actorId).toBe(p.userIds.chenfang);
      expect(JSON.parse(entry.details)).toMatchObject({ via: 'bulk', count: 3, sensitivity: 'restricted', effectiveSensitivity: 'restricted' });
    }
  });

  it("refuses someone else's drafts, naming each refused record, and publishes none", async () => {
    const mine = [await f.create({ title: '我的草稿甲' }), await f.create({ title: '我的草稿乙' })];
    const hers = await f.create({ title: '张洁的草稿' }, 'zhangjie');
    const ids = [mine[0].id, hers.id, mine[1].id];
    const before = await bulkEntries();
    const result = await (await f.as('chenfang')).request(PUBLISH_MANY, { input: { ids } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'ids',
      reason: 'BULK_PUBLISH_REFUSED',
      total: 3,
      failures: [{ id: hers.id, code: 'NOT_FOUND' }],
    });
    for (const { id } of mine) expect(await statusOf(id)).toBe('draft');
    expect(await statusOf(hers.id, 'zhangjie')).toBe('draft');
    expect(await bulkEntries()).toBe(before);
  });

  it('refuses a record the caller sees but may not manage, and one already published', async () => {
    const draft = await f.create({ title: '待发布' });
    const visible = await f.published({ title: '张洁的内部记录', sensitivity: 'internal', aboutIdentifiablePeople: false }, 'zhangjie');
    const done = await f.published({ title: '已发布的记录' });
    const client = await f.as('chenfang');
    const refused = await client.request(PUBLISH_MANY, { input: { ids: [draft.id, visible.id] } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', failures: [{ id: visible.id, code: 'FORBIDDEN' }] });
    const status = await client.request(PUBLISH_MANY, { input: { ids: [draft.id, done.id] } });
    expect(status.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'BULK_PUBLISH_REFUSED',
      failures: [{ id: done.id, code: 'BAD_USER_INPUT', status: 'published' }],
    });
    expect(await statusOf(draft.id)).toBe('draft');
  });

  it('lets an administrator of the organisation publish its drafts, and no researcher or empty list', async () => {
    const draft = await f.create({ title: '管理员代为发布' });
    expect(errorCode(await (await f.as('liusiyuan')).request(PUBLISH_MANY, { input: { ids: [draft.id] } }))).toBe('FORBIDDEN');
    const empty = await (await f.as('chenfang')).request(PUBLISH_MANY, { input: { ids: [] } });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const { publishEvidenceMany } = await (await f.as('admin')).ok(PUBLISH_MANY, { input: { ids: [draft.id] } });
    expect(publishEvidenceMany).toEqual([{ id: draft.id, status: 'published', version: 2 }]);
  });
});
