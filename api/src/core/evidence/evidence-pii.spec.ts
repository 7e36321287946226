import { DataSource } from 'typeorm';
import { AUDIT_LOG, EvidenceFixtures, GET_EVIDENCE, invalidResidentId, luhnCard, validResidentId } from '../../test-support/evidence-fixtures';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { parseCsv } from './csv';
import { readXlsx } from './xlsx';

const ID = validResidentId('35011119900307234');
const ID_X = validResidentId('35010219850612001');
const BAD_ID = invalidResidentId('35011119900307234');
const CARD = luhnCard('622202123456789');
const BAD_CARD = CARD.slice(0, -1) + ((Number(CARD.slice(-1)) + 1) % 10);
const MOBILE = '13912342345';

const NARRATIVE = `王秀英（身份证${ID}）带女儿来访，电话${MOBILE}，工资卡${CARD}。另一份登记${ID_X}。写错的号码${BAD_ID}、${BAD_CARD}不算。`;
const MASKED = `王秀英（身份证${ID.slice(0, 4)}**********${ID.slice(-4)}）带女儿来访，电话139****2345，工资卡**** **** **** ${CARD.slice(-4)}。另一份登记${ID_X.slice(0, 4)}**********${ID_X.slice(-4)}。写错的号码${BAD_ID}、${BAD_CARD}不算。`;

const DETAIL = `query($id: ID!) { evidence(id: $id) { title narrative rawContent piiCount markedNames
  piiFindings { field kind start end masked } figures { label } consent { obtained } } }`;
const MARK = `mutation($input: MarkEvidenceNamesInput!) { markEvidenceNames(input: $input) { narrative piiFindings { kind masked } markedNames version } }`;
const GRANT = `mutation($input: GrantEvidenceAccessInput!) { grantEvidenceAccess(input: $input) { grants { level user { displayName } grantedBy { displayName } } } }`;
const REVOKE = `mutation($input: RevokeEvidenceAccessInput!) { revokeEvidenceAccess(input: $input) { grants { level } } }`;

describe('evidence personal data: detection, masking on every path, raw reads audited', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const rawReads = async (entityId: string) => (await f.auditEntries({ entityId, action: 'evidence.raw_read' })).length;

  it('detects valid ID, mobile and bank card numbers (not ones with wrong check digits) and shows the contributor what it found', async () => {
    const { id } = await f.create({ narrative: NARRATIVE, title: `王秀英个案 ${MOBILE}`, figures: [{ label: '王秀英家庭人数', value: 3 }] });
    const { evidence } = await (await f.as('chenfang')).ok(DETAIL, { id });
    expect(evidence.narrative).toBe(NARRATIVE);
    expect(evidence.rawContent).toBe(true);
    const inNarrative = evidence.piiFindings.filter((x: { field: string }) => x.field === 'narrative');
    expect(inNarrative.map((x: any) => [x.kind, NARRATIVE.slice(x.start, x.end), x.masked])).toEqual([
      ['resident_id', ID, `${ID.slice(0, 4)}**********${ID.slice(-4)}`],
      ['mobile', MOBILE, '139****2345'],
      ['bank_card', CARD, `**** **** **** ${CARD.slice(-4)}`],
      ['resident_id', ID_X, `${ID_X.slice(0, 4)}**********${ID_X.slice(-4)}`],
    ]);
    expect(evidence.piiFindings.filter((x: { field: string }) => x.field === 'title')).toEqual([
      { field: 'title', kind: 'mobile', start: 6, end: 17, masked: '139****2345' },
    ]);
    expect(evidence.piiCount).toBe(5);
  });

  it('masks marked names everywhere once the contributor marks them, and serves masked text to the uncleared', async () => {
    const { id } = await f.published({
      narrative: NARRATIVE,
      title: '王秀英个案',
      figures: [{ label: '王秀英家庭人数', value: 3 }],
      sensitivity: 'internal',
      consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-03-01' },
    });
    const marked = (await (await f.as('chenfang')).ok(MARK, { input: { id, names: ['王秀英', ' 王秀英 '] } })).markEvidenceNames;
    expect(marked.markedNames).toEqual(['王秀英']);
    expect(marked.piiFindings.map((x: { kind: string }) => x.kind)).toContain('name');
    const reader = (await (await f.as('zhangjie')).ok(DETAIL, { id })).evidence;
    expect(reader).toMatchObject({
      title: '王**个案',
      narrative: MASKED.replace('王秀英', '王**'),
      rawContent: false,
      piiFindings: null,
      markedNames: null,
      consent: null,
      figures: [{ label: '王**家庭人数' }],
      piiCount: 7,
    });
    expect(JSON.stringify(reader)).not.toMatch(new RegExp(`${ID}|${MOBILE}|${CARD}|王秀英`));
    const search = async (text: string) =>
      (await (await f.as('zhangjie')).ok(`query($f: EvidenceFilter) { evidenceList(filter: $f) { totalCount } }`, { f: { text } })).evidenceList.totalCount;
    expect(await search('王秀英')).toBe(0);
    expect(await search(MOBILE)).toBe(0);
    expect(await search('王**个案')).toBeGreaterThanOrEqual(1);

    for (const [path, read] of [
      ['/export/evidence.csv', async (r: Response) => parseCsv(await r.text())],
      ['/export/evidence.xlsx', async (r: Response) => readXlsx(Buffer.from(await r.arrayBuffer()))],
    ] as const) {
      const rows = await read(await f.get('zhangjie', path));
      const row = rows.find((r) => r[0] === id)!;
      expect(row[1]).toBe('王**个案');
      expect(row[2]).toBe(MASKED.replace('王秀英', '王**'));
      expect(row[11]).toBe('王**家庭人数|3');
      const own = (await read(await f.get('chenfang', path))).find((r) => r[0] === id)!;
      expect(own[2]).toBe(NARRATIVE);
    }
  });

  it('shows raw content to a raw grantee but masked content to a read grantee; grants and revokes are audited', async () => {
    const { id } = await f.published({ narrative: NARRATIVE, sensitivity: 'restricted' });
    const owner = await f.as('chenfang');
    expect(errorCode(await (await f.as('liusiyuan')).request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');
    await owner.ok(GRANT, { input: { evidenceId: id, userId: p.userIds.liusiyuan, level: 'read' } });
    const before = await rawReads(id);
    expect((await (await f.as('liusiyuan')).ok(DETAIL, { id })).evidence).toMatchObject({ narrative: MASKED, rawContent: false });
    expect(await rawReads(id)).toBe(before);
    const granted = await owner.ok(GRANT, { input: { evidenceId: id, userId: p.userIds.liusiyuan, level: 'raw' } });
    expect(granted.grantEvidenceAccess.grants).toEqual([{ level: 'raw', user: { displayName: '刘思远' }, grantedBy: { displayName: '陈芳' } }]);
    expect((await (await f.as('liusiyuan')).ok(DETAIL, { id })).evidence).toMatchObject({ narrative: NARRATIVE, rawContent: true });
    expect(await rawReads(id)).toBe(before + 1);
    await owner.ok(REVOKE, { input: { evidenceId: id, userId: p.userIds.liusiyuan } });
    expect(errorCode(await (await f.as('liusiyuan')).request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');
    const actions = (await f.auditEntries({ entityId: id })).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('evidence.access'))).toEqual(['evidence.access_revoked', 'evidence.access_granted', 'evidence.access_granted']);
    for (const [input, field] of [
      [{ evidenceId: id, userId: p.userIds.chenfang, level: 'read' }, 'userId'],
      [{ evidenceId: id, userId: 'nobody', level: 'read' }, 'userId'],
    ] as const) {
      expect((await owner.request(GRANT, { input })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(errorCode(await (await f.as('zhangjie')).request(GRANT, { input: { evidenceId: id, userId: p.userIds.huangli } }))).toBe('NOT_FOUND');
  });

  it('writes one raw-read entry per restricted record per request, and one per raw export row', async () => {
    const { id } = await f.published({ narrative: NARRATIVE, sensitivity: 'restricted', themes: ['audit-raw'] });
    const before = await rawReads(id);
    await (await f.as('chenfang')).ok(`query($id: ID!) { evidence(id: $id) { title narrative figures { label } } }`, { id });
    expect(await rawReads(id)).toBe(before + 1);
    await (await f.as('chenfang')).ok(`query($id: ID!) { evidence(id: $id) { id status } }`, { id });
    expect(await rawReads(id)).toBe(before + 1);
    await (await f.as('admin')).ok(`query($id: ID!) { evidence(id: $id) { narrative } }`, { id });
    expect(await rawReads(id)).toBe(before + 2);
    expect((await f.get('chenfang', '/export/evidence.csv?theme=audit-raw')).status).toBe(200);
    expect(await rawReads(id)).toBe(before + 3);
    const exports = await f.auditEntries({ action: 'evidence.exported', actorId: p.userIds.chenfang });
    expect(JSON.parse(exports[0].details)).toMatchObject({ format: 'csv', count: 1, maskedCount: 0, evidenceIds: [id], filter: { theme: 'audit-raw' } });
    const exportsBefore = (await f.auditEntries({ action: 'evidence.exported', actorId: p.userIds.zhangjie })).length;
    expect((await f.get('zhangjie', '/export/evidence.xlsx')).status).toBe(200);
    expect(await f.auditEntries({ action: 'evidence.exported', actorId: p.userIds.zhangjie })).toHaveLength(exportsBefore + 1);
    expect(await rawReads(id)).toBe(before + 3);
  });

  it('lets only administrators browse the audit log, filtered, and nobody change it', async () => {
    expect(errorCode(await (await f.as('zhangjie')).request(AUDIT_LOG, {}))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('huangli')).request(AUDIT_LOG, {}))).toBe('FORBIDDEN');
    const admin = await f.as('admin');
    const all = (await admin.ok(AUDIT_LOG, {})).auditLog;
    expect(all.totalCount).toBeGreaterThan(0);
    const since = new Date(Date.now() + 60_000).toISOString();
    expect((await admin.ok(AUDIT_LOG, { filter: { from: since } })).auditLog.totalCount).toBe(0);
    const page = (await admin.ok(`{ auditLog(first: 2) { pageInfo { hasNextPage endCursor } nodes { id } } }`)).auditLog;
    const next = (await admin.ok(`query($a: String) { auditLog(first: 2, after: $a) { nodes { id } } }`, { a: page.pageInfo.endCursor })).auditLog;
    expect(next.nodes.map((n: { id: string }) => n.id)).not.toContain(page.nodes[0].id);
    expect(errorCode(await admin.request(`mutation { deleteAuditEntry }`))).toBe('GRAPHQL_VALIDATION_FAILED');
    const db = t.app.get(DataSource);
    await expect(db.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect((await admin.ok(AUDIT_LOG, {})).auditLog.totalCount).toBeGreaterThanOrEqual(all.totalCount);
  });
});
