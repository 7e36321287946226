import { parseCsv } from './csv';
import { EvidenceFixtures, ExtraPerson, GET_EVIDENCE, WITHDRAW_EVIDENCE } from '../../test-support/evidence-fixtures';
import { Person, ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

/**
 * Every role × sensitivity × operation: who may read, list, count (facets), link and export each
 * kind of record. The expectations are written out by hand, not computed from the rule under test.
 */

type Viewer = Person | ExtraPerson;
type Kind = 'public' | 'internal' | 'restricted' | 'draft' | 'withdrawn' | 'heldNoConsent' | 'restrictedGranted';

const KINDS: Kind[] = ['public', 'internal', 'restricted', 'draft', 'withdrawn', 'heldNoConsent', 'restrictedGranted'];
const ALL = new Set<Kind>(KINDS);

/** Who sees what. Records are by 陈芳 (contributor, 晋安区); the grant is a read grant to 刘思远. */
const SEES: Record<Viewer, Set<Kind>> = {
  chenfang: ALL, // contributor: everything she recorded, in every state
  admin: ALL, // admin of the city federation, above 晋安区
  zhangjie: new Set(['public', 'internal']), // member, same federation
  linxiaoyan: new Set(['public', 'internal']),
  liusiyuan: new Set(['public', 'internal', 'restrictedGranted']), // researcher with one explicit grant
  huangli: new Set(['public', 'internal']), // leader: reads, but no clearance above staff
  cangshanAdmin: new Set(['public', 'internal']), // admin of a sibling district, not above 晋安区
  outsider: new Set(['public']), // researcher of another federation
};
/** Who sees unmasked content. */
const RAW: Record<Viewer, boolean> = {
  chenfang: true,
  admin: true,
  zhangjie: false,
  linxiaoyan: false,
  liusiyuan: false,
  huangli: false,
  cangshanAdmin: false,
  outsider: false,
};
const VIEWERS: Viewer[] = ['chenfang', 'zhangjie', 'liusiyuan', 'huangli', 'admin', 'cangshanAdmin', 'outsider'];
/** Viewers who own a proposal to link to; the others try the proposal of 张洁. */
const PROPOSAL_OWNERS: Viewer[] = ['zhangjie', 'huangli', 'admin', 'cangshanAdmin'];
const EFFECTIVE: Record<Kind, string> = {
  public: 'public',
  internal: 'internal',
  restricted: 'restricted',
  draft: 'public',
  withdrawn: 'public',
  heldNoConsent: 'restricted',
  restrictedGranted: 'restricted',
};

const MOBILE = '13912342345';
const MASKED_MOBILE = '139****2345';

describe('evidence clearance: every role × sensitivity × operation', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;
  const tag = 'clearance-matrix';
  const ids = {} as Record<Kind, string>;
  const proposals = {} as Record<string, string>;
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = await new EvidenceFixtures(t, p).withExtraPeople();
    const base = { themes: [tag], narrative: `个案联系电话${MOBILE}。`, aboutIdentifiablePeople: false };
    ids.public = (await f.published({ ...base, title: '公开', sensitivity: 'public' })).id;
    ids.internal = (await f.published({ ...base, title: '内部', sensitivity: 'internal' })).id;
    ids.restricted = (await f.published({ ...base, title: '受限', sensitivity: 'restricted' })).id;
    ids.draft = (await f.create({ ...base, title: '草稿', sensitivity: 'public' })).id;
    ids.withdrawn = (await f.published({ ...base, title: '撤回', sensitivity: 'public' })).id;
    await (await f.as('chenfang')).ok(WITHDRAW_EVIDENCE, { input: { id: ids.withdrawn } });
    ids.heldNoConsent = (await f.published({ ...base, title: '未取得同意', sensitivity: 'public', aboutIdentifiablePeople: true })).id;
    ids.restrictedGranted = (await f.published({ ...base, title: '受限已授权', sensitivity: 'restricted' })).id;
    await (await f.as('chenfang')).ok(`mutation($input: GrantEvidenceAccessInput!) { grantEvidenceAccess(input: $input) { id } }`, {
      input: { evidenceId: ids.restrictedGranted, userId: f.userId('liusiyuan'), level: 'read' },
    });
    for (const owner of PROPOSAL_OWNERS) {
      const { createProposal } = await (await f.as(owner)).ok(
        `mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`,
        { input: { title: `${owner}的建议`, year: 2024, districtId: p.orgIds[owner === 'cangshanAdmin' ? 'cangshan' : 'jinan'] } },
      );
      proposals[owner] = createProposal.id;
    }
  });
  afterAll(() => t.close());

  const cases = VIEWERS.flatMap((viewer) => KINDS.map((kind) => [viewer, kind, SEES[viewer].has(kind)] as const));

  describe('read: evidence(id)', () => {
    it.each(cases)('%s reading %s → visible: %s (masked unless cleared for raw)', async (viewer, kind, visible) => {
      const result = await (await f.as(viewer)).request(GET_EVIDENCE, { id: ids[kind] });
      if (!visible) {
        expect(errorCode(result)).toBe('NOT_FOUND');
        expect(result.data).toBeNull();
        return;
      }
      const evidence = result.data!.evidence;
      expect(evidence.effectiveSensitivity).toBe(EFFECTIVE[kind]);
      expect(evidence.rawContent).toBe(RAW[viewer]);
      expect(evidence.narrative).toBe(`个案联系电话${RAW[viewer] ? MOBILE : MASKED_MOBILE}。`);
    });
  });

  const listed = (viewer: Viewer) =>
    once(`list:${viewer}`, async () => {
      const data = await (await f.as(viewer)).ok(
        `query($f: EvidenceFilter) { evidenceList(first: 100, filter: $f) { totalCount nodes { id narrative } } }`,
        { f: { theme: tag } },
      );
      return data.evidenceList as { totalCount: number; nodes: { id: string; narrative: string }[] };
    });

  describe('list: evidenceList', () => {
    it.each(cases)('%s listing, %s included: %s', async (viewer, kind, visible) => {
      const list = await listed(viewer);
      const node = list.nodes.find((n) => n.id === ids[kind]);
      expect(!!node).toBe(visible);
      if (node) expect(node.narrative.includes(MOBILE)).toBe(RAW[viewer]);
    });
  });

  describe('count and facets: totalCount and evidenceFacets', () => {
    it.each(VIEWERS)('%s counts only what she sees, in totals and in every facet', async (viewer) => {
      const expected = KINDS.filter((k) => SEES[viewer].has(k));
      expect((await listed(viewer)).totalCount).toBe(expected.length);
      const { evidenceFacets: facets } = await (await f.as(viewer)).ok(
        `query($f: EvidenceFilter) { evidenceFacets(filter: $f) { total districts { value count } sourceTypes { value count }
           sensitivities { value count } themes { value count } } }`,
        { f: { theme: tag } },
      );
      expect(facets.total).toBe(expected.length);
      expect(facets.districts).toEqual([{ value: p.orgIds.jinan, count: expected.length }]);
      expect(facets.sourceTypes).toEqual([{ value: 'service_record', count: expected.length }]);
      const bySensitivity: Record<string, number> = {};
      for (const k of expected) bySensitivity[EFFECTIVE[k]] = (bySensitivity[EFFECTIVE[k]] ?? 0) + 1;
      expect(Object.fromEntries(facets.sensitivities.map((s: { value: string; count: number }) => [s.value, s.count]))).toEqual(bySensitivity);
      const restricted = await (await f.as(viewer)).ok(`query($f: EvidenceFilter) { evidenceList(filter: $f) { totalCount } }`, {
        f: { theme: tag, sensitivity: 'restricted' },
      });
      expect(restricted.evidenceList.totalCount).toBe(bySensitivity.restricted ?? 0);
      const searched = await (await f.as(viewer)).ok(`query($f: EvidenceFilter) { evidenceList(filter: $f) { totalCount } }`, {
        f: { theme: tag, text: MOBILE },
      });
      expect(searched.evidenceList.totalCount).toBe(RAW[viewer] ? expected.length : 0);
    });
  });

  describe('link: linkEvidence', () => {
    const LINK = `mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id restricted evidence { id } } }`;
    it.each(cases)('%s linking %s (visible: %s)', async (viewer, kind, visible) => {
      const owner = PROPOSAL_OWNERS.includes(viewer);
      const proposalId = proposals[owner ? viewer : 'zhangjie'];
      const result = await (await f.as(viewer)).request(LINK, { input: { evidenceId: ids[kind], proposalId, note: '说明' } });
      const published = kind !== 'draft' && kind !== 'withdrawn';
      if (owner && visible && published) {
        expect(result.data?.linkEvidence).toMatchObject({ restricted: false, evidence: { id: ids[kind] } });
      } else {
        expect(result.data).toBeNull();
        expect(errorCode(result)).toBe(!visible ? 'NOT_FOUND' : !published ? 'BAD_USER_INPUT' : 'NOT_FOUND');
      }
    });
  });

  describe('export: /export/evidence.csv', () => {
    const exported = (viewer: Viewer) =>
      once(`export:${viewer}`, async () => {
        const response = await f.get(viewer, `/export/evidence.csv?theme=${tag}`);
        expect(response.status).toBe(200);
        return parseCsv(await response.text());
      });

    it.each(cases)('%s exporting, %s included: %s (masked unless cleared)', async (viewer, kind, visible) => {
      const rows = await exported(viewer);
      const row = rows.find((r) => r[0] === ids[kind]);
      expect(!!row).toBe(visible);
      if (row) expect(row[2]).toBe(`个案联系电话${RAW[viewer] ? MOBILE : MASKED_MOBILE}。`);
      expect(rows.flat().join('\n').includes(MOBILE)).toBe(RAW[viewer]);
    });
  });
});
