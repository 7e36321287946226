import { DataSource } from 'typeorm';
import { CREATE_EVIDENCE, EvidenceFixtures } from '../../test-support/evidence-fixtures';
import { ADD_MEMBER, CREATE_PROPOSAL, ProposalFixtures, UPDATE_PROPOSAL } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { writeCsv } from '../evidence/csv';

const UPDATE_EVIDENCE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id districtId version } }`;
const GET_EVIDENCE = `query($id: ID!) { evidence(id: $id) { districtId version } }`;
const GET_PROPOSAL = `query($id: ID!) { proposal(id: $id) { district { code } version } }`;
const PREVIEW = `mutation($file: String!, $format: EvidenceImportFormat!) {
  previewEvidenceImport(file: $file, format: $format) { validCount rows { row valid errors { column message } } } }`;
const COMMIT = `mutation($file: String!, $format: EvidenceImportFormat!) {
  commitEvidenceImport(file: $file, format: $format) { count evidence { districtId } } }`;

const OUTSIDE = { code: 'FORBIDDEN', field: 'districtId', reason: 'OUTSIDE_FILING_SCOPE' };
const TABLES = ['proposals', 'proposal_members', 'status_events', 'evidence', 'evidence_tags', 'audit_log'];

/**
 * Members and contributors file proposals and evidence under their own district only; admins and
 * leaders under their organisation and the ones below it. Attacks by a Jin'an member and
 * contributor (and a Cangshan admin) on the running API; nothing may be written.
 */
describe('filing scope: the district a proposal or evidence record is filed under', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = await new EvidenceFixtures(t, p).withExtraPeople();
  });
  afterAll(() => t.close());

  /** Rows per table, read straight from the database. */
  async function rowCounts(): Promise<Record<string, number>> {
    const dataSource = t.app.get(DataSource);
    const tables = new Set((await dataSource.query(t.dialect === 'postgres'
      ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`
      : `SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r: { name: string }) => r.name));
    const counts: Record<string, number> = {};
    for (const table of TABLES.filter((name) => tables.has(name))) {
      counts[table] = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    }
    return counts;
  }

  const proposalInput = (district: string) => ({ title: '关于流动妇女就业服务的建议', year: 2024, districtId: p.orgIds[district] });
  const evidenceInput = (district: string) => ({
    title: '流动妇女就业服务记录',
    dateFrom: '2023-05-01',
    sourceType: 'service_record',
    districtId: p.orgIds[district],
  });

  describe('proposals', () => {
    it.each(['zhangjie', 'cangshanAdmin'] as const)('refuses %s a proposal under a district outside her scope, and writes nothing', async (person) => {
      const outside = person === 'zhangjie' ? 'cangshan' : 'jinan';
      const before = await rowCounts();
      const result = await (await f.as(person)).request(CREATE_PROPOSAL, { input: proposalInput(outside) });
      expect(result.errors?.[0].extensions).toMatchObject(OUTSIDE);
      expect(result.data).toBeNull();
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a Jin’an member moving her draft to Cangshan, and changes nothing', async () => {
      const { id } = await p.create('zhangjie', proposalInput('jinan'));
      const owner = await f.as('zhangjie');
      const before = await rowCounts();
      const result = await owner.request(UPDATE_PROPOSAL, { input: { id, districtId: p.orgIds.cangshan, title: '改过的标题' } });
      expect(result.errors?.[0].extensions).toMatchObject(OUTSIDE);
      expect((await owner.ok(GET_PROPOSAL, { id })).proposal).toEqual({ district: { code: 'jinan' }, version: 1 });
      expect(await rowCounts()).toEqual(before);
    });

    it('lets the Jin’an member file under Jin’an, and a co-author of another district edit it without moving it', async () => {
      const created = await p.create('zhangjie', proposalInput('jinan'));
      expect(created.district).toEqual({ code: 'jinan' });
      await (await f.as('zhangjie')).ok(ADD_MEMBER, { input: { proposalId: created.id, userId: f.userId('cangshanAdmin'), role: 'coauthor' } });
      const coauthor = await f.as('cangshanAdmin');
      const edited = await coauthor.ok(UPDATE_PROPOSAL, { input: { id: created.id, districtId: p.orgIds.jinan, title: '晋安区建议' } });
      expect(edited.updateProposal).toMatchObject({ title: '晋安区建议', district: { code: 'jinan' } });
    });

    it.each(['admin', 'huangli'] as const)('lets the city %s file under Cangshan and move a proposal between districts', async (person) => {
      const created = await p.create(person, proposalInput('cangshan'));
      expect(created.district).toEqual({ code: 'cangshan' });
      const moved = await (await f.as(person)).ok(UPDATE_PROPOSAL, { input: { id: created.id, districtId: p.orgIds.jinan } });
      expect(moved.updateProposal.district).toEqual({ code: 'jinan' });
    });

    it('lets the Cangshan admin file under her own district', async () => {
      const { createProposal } = await (await f.as('cangshanAdmin')).ok(CREATE_PROPOSAL, { input: proposalInput('cangshan') });
      expect(createProposal.district).toEqual({ code: 'cangshan' });
    });

    it('still refuses an organisation that is not a district as bad input', async () => {
      const result = await (await f.as('admin')).request(CREATE_PROPOSAL, { input: proposalInput('fuzhou') });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
    });
  });

  describe('evidence', () => {
    it.each(['chenfang', 'zhangjie', 'cangshanAdmin'] as const)('refuses %s a record under a district outside her scope, and writes nothing', async (person) => {
      const outside = person === 'cangshanAdmin' ? 'jinan' : 'cangshan';
      const before = await rowCounts();
      const result = await (await f.as(person)).request(CREATE_EVIDENCE, { input: evidenceInput(outside) });
      expect(result.errors?.[0].extensions).toMatchObject(OUTSIDE);
      expect(result.data).toBeNull();
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a Jin’an contributor moving her record to Cangshan, and changes nothing', async () => {
      const { id } = await f.create(evidenceInput('jinan'));
      const contributor = await f.as('chenfang');
      const before = await rowCounts();
      const result = await contributor.request(UPDATE_EVIDENCE, { input: { id, districtId: p.orgIds.cangshan, title: '改过的标题' } });
      expect(result.errors?.[0].extensions).toMatchObject(OUTSIDE);
      expect((await contributor.ok(GET_EVIDENCE, { id })).evidence).toEqual({ districtId: p.orgIds.jinan, version: 1 });
      expect(await rowCounts()).toEqual(before);
    });

    it('lets the contributor file under Jin’an (or no district), and the city admin move her record to Cangshan', async () => {
      expect((await f.create(evidenceInput('jinan'))).districtId).toBe(p.orgIds.jinan);
      const { id } = await f.create({ ...evidenceInput('jinan'), districtId: null });
      const moved = await (await f.as('admin')).ok(UPDATE_EVIDENCE, { input: { id, districtId: p.orgIds.cangshan } });
      expect(moved.updateEvidence).toMatchObject({ districtId: p.orgIds.cangshan, version: 2 });
      expect((await f.create(evidenceInput('cangshan'), 'admin')).districtId).toBe(p.orgIds.cangshan);
    });
  });

  describe('evidence import', () => {
    const file = Buffer.from(
      writeCsv([
        ['标题', '日期', '区县', '来源类型'],
        ['晋安区服务记录', '2023-05-01', '晋安区', '服务记录'],
        ['仓山区服务记录', '2023-05-02', '仓山区', '服务记录'],
      ]),
    ).toString('base64');

    it('marks the Cangshan row of a Jin’an contributor’s file and imports nothing', async () => {
      const contributor = await f.as('chenfang');
      const { previewEvidenceImport } = await contributor.ok(PREVIEW, { file, format: 'CSV' });
      expect(previewEvidenceImport.validCount).toBe(1);
      expect(previewEvidenceImport.rows[0]).toMatchObject({ row: 2, valid: true, errors: [] });
      expect(previewEvidenceImport.rows[1]).toMatchObject({ row: 3, valid: false, errors: [{ column: 'district' }] });
      expect(previewEvidenceImport.rows[1].errors[0].message).toContain('may not file under it');
      const before = await rowCounts();
      const result = await contributor.request(COMMIT, { file, format: 'CSV' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', row: 3, column: 'district' });
      expect(await rowCounts()).toEqual(before);
    });

    it('imports the same file for the city admin', async () => {
      const { commitEvidenceImport } = await (await f.as('admin')).ok(COMMIT, { file, format: 'CSV' });
      expect(commitEvidenceImport.evidence.map((e: { districtId: string }) => e.districtId)).toEqual([p.orgIds.jinan, p.orgIds.cangshan]);
    });
  });
});
