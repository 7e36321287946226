import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { SearchIndexer } from '../../search/search-indexer';
import { parseCsv } from '../evidence/csv';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { DashboardFixture } from '../../test-support/dashboard-fixtures';
import { AuditEntryEntity } from '../audit/audit.entity';
import { DASHBOARD_EXPORTED } from './dashboard-export.controller';

const RATE = 'key label submitted adopted rate';
const CHAIN = `suggestion { id number title proposal { id title } } evidence { id title }
  adoptions { id status decidedOn targetKind clause { id number text programId programName path } } firstAdoptedOn daysToAdoption`;
const DASHBOARD = `query($year: Int, $districtId: ID, $asOf: String) { dashboard(year: $year, districtId: $districtId, asOf: $asOf) {
  year districtId asOf years
  totals { proposals submittedSuggestions adoptedSuggestions adoptionRate medianDaysToAdoption meanDaysToAdoption timedAdoptions awaiting }
  byDistrict { ${RATE} } byProgramArea { ${RATE} } byYear { ${RATE} } byAuthor { ${RATE} }
  awaiting { suggestion { id proposal { id } } submittedOn daysWaiting }
  adopted { ${CHAIN} } } }`;
const AS_OF = '2024-07-01';

type Rate = { key: string | null; label: string; submitted: number; adopted: number; rate: number | null };
const rates = (rows: Rate[]) => Object.fromEntries(rows.map((r) => [r.key ?? 'none', [r.submitted, r.adopted, r.rate]]));

/** The text of a DOCX, paragraph by paragraph (tables included). */
async function docxText(content: ArrayBuffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
}

describe('Leaders’ dashboard', () => {
  let t: TestApp;
  let f: DashboardFixture;
  let demo: ProposalFixtures;
  beforeAll(async () => {
    t = await startTestApp();
    demo = await new ProposalFixtures(t).init();
    f = await new DashboardFixture(t).init();
  });
  afterAll(() => t.close());

  const dashboard = async (variables: Record<string, unknown> = {}, who: 'leader' | 'admin' = 'leader') =>
    (await f.clients[who].ok(DASHBOARD, { asOf: AS_OF, ...variables })).dashboard;

  it('counts the federation’s submitted suggestions and adoptions as computed by hand', async () => {
    const d = await dashboard();
    expect(d.years).toEqual([2023, 2024]);
    // counted: S1–S8 and S10 (P5 is a draft); adopted: S1, S4, S6 (S2 not adopted, S5 only under consideration)
    expect(d.totals).toEqual({
      proposals: 5,
      submittedSuggestions: 9,
      adoptedSuggestions: 3,
      adoptionRate: 3 / 9,
      // S1: 2023-03-01 → 2023-06-30 = 121 days; S4: 2023-05-10 → 2023-08-08 = 90; S6: 2024-02-01 → 2024-03-02 = 30
      medianDaysToAdoption: 90,
      meanDaysToAdoption: 241 / 3,
      timedAdoptions: 3,
      // S3 (488 days) and S7 (151 days); S8 waits only 30 days, S10's proposal has an official reply
      awaiting: 2,
    });
    expect(rates(d.byDistrict)).toEqual({ [f.orgs.fengze]: [5, 1, 0.2], [f.orgs.licheng]: [4, 2, 0.5] });
    expect(d.byDistrict.map((r: Rate) => r.label).sort()).toEqual(['丰泽区妇联', '鲤城区妇联']);
    expect(rates(d.byYear)).toEqual({ 2023: [5, 2, 0.4], 2024: [4, 1, 0.25] });
    expect(rates(d.byProgramArea)).toEqual({
      women_economy: [3, 3, 1],
      women_health: [2, 0, 0],
      children_education: [1, 0, 0],
      children_welfare: [1, 0, 0],
      women_family: [1, 0, 0],
      none: [1, 0, 0],
    });
    expect(d.byProgramArea.find((r: Rate) => r.key === 'women_economy').label).toBe('妇女与经济');
    expect(rates(d.byAuthor)).toEqual({ [f.actors.memberA.userId]: [5, 2, 0.4], [f.actors.memberB.userId]: [4, 1, 0.25] });
    expect(d.awaiting.map((a: { suggestion: { id: string }; daysWaiting: number; submittedOn: string }) => [a.suggestion.id, a.submittedOn, a.daysWaiting])).toEqual([
      [f.suggestions.S3, '2023-03-01', 488],
      [f.suggestions.S7, '2024-02-01', 151],
    ]);
    expect(d.adopted.map((a: { suggestion: { id: string }; firstAdoptedOn: string; daysToAdoption: number }) => [a.suggestion.id, a.firstAdoptedOn, a.daysToAdoption])).toEqual([
      [f.suggestions.S6, '2024-03-02', 30],
      [f.suggestions.S4, '2023-08-08', 90],
      [f.suggestions.S1, '2023-06-30', 121],
    ]);
  });

  it('filters by year and district, and measures the waiting against asOf', async () => {
    const year2023 = await dashboard({ year: 2023 });
    expect(year2023.totals).toMatchObject({ proposals: 2, submittedSuggestions: 5, adoptedSuggestions: 2, adoptionRate: 0.4, medianDaysToAdoption: 105.5, meanDaysToAdoption: 105.5, awaiting: 1 });
    const licheng = await dashboard({ districtId: f.orgs.licheng });
    expect(licheng.totals).toMatchObject({ proposals: 2, submittedSuggestions: 4, adoptedSuggestions: 2, adoptionRate: 0.5, awaiting: 1 });
    expect(licheng.awaiting[0].suggestion.id).toBe(f.suggestions.S7);
    // on 2024-05-01, S7 has waited 90 days: not more than three months yet
    expect((await dashboard({ asOf: '2024-05-01' })).awaiting.map((a: { suggestion: { id: string } }) => a.suggestion.id)).toEqual([f.suggestions.S3]);
    expect(errorCode(await f.clients.leader.request(DASHBOARD, { asOf: '2024-13-01' }))).toBe('BAD_USER_INPUT');
  });

  it('shows the evidence chain both ways: evidence → suggestion → clause, with only the evidence the caller is cleared for', async () => {
    const s1 = (await dashboard()).adopted.find((a: { suggestion: { id: string } }) => a.suggestion.id === f.suggestions.S1);
    expect(s1.evidence).toEqual([{ id: f.evidence.E1, title: '三社联动职业技能培训' }]);
    expect(s1.adoptions.map((a: { status: string; clause: { id: string } }) => [a.status, a.clause.id])).toEqual([
      ['adopted', f.clauses.C1],
      ['implemented', f.clauses.C2],
    ]);
    expect(s1.adoptions[0].clause).toMatchObject({ number: '（一）', programId: f.programId, programName: '丰泽区妇女发展纲要（2021—2030年）', path: '三、妇女与经济' });

    // the administrator of the federation is cleared for the restricted record; the leader is not, and it is not counted either
    const forAdmin = (await dashboard({}, 'admin')).adopted.find((a: { suggestion: { id: string } }) => a.suggestion.id === f.suggestions.S1);
    expect(forAdmin.evidence.map((e: { id: string }) => e.id).sort()).toEqual([f.evidence.E1, f.evidence.E2].sort());

    const chain = (await f.clients.leader.ok(`query($id: ID!) { adoptionChain(suggestionId: $id) { ${CHAIN} } }`, { id: f.suggestions.S1 })).adoptionChain;
    expect(chain.evidence.map((e: { id: string }) => e.id)).toEqual([f.evidence.E1]);
    expect(chain.daysToAdoption).toBe(121);

    const reverse = `query($id: ID!) { evidenceChain(evidenceId: $id) { evidence { id title } suggestions { ${CHAIN} } } }`;
    const fromEvidence = (await f.clients.leader.ok(reverse, { id: f.evidence.E1 })).evidenceChain;
    expect(fromEvidence.suggestions.map((s: { suggestion: { id: string } }) => s.suggestion.id)).toEqual([f.suggestions.S1]);
    expect(fromEvidence.suggestions[0].adoptions[0].clause.id).toBe(f.clauses.C1);
    const unanswered = (await f.clients.leader.ok(reverse, { id: f.evidence.E3 })).evidenceChain;
    expect(unanswered.suggestions).toMatchObject([{ suggestion: { id: f.suggestions.S3 }, adoptions: [], firstAdoptedOn: null }]);
    expect(errorCode(await f.clients.leader.request(reverse, { id: f.evidence.E2 }))).toBe('NOT_FOUND');
    expect((await f.clients.admin.ok(reverse, { id: f.evidence.E2 })).evidenceChain.suggestions).toHaveLength(1);
  });

  it('reads a fixed number of SQL queries, whatever the number of proposals and adoptions', async () => {
    const indexer = t.app.get(SearchIndexer);
    indexer.stopPolling();
    await indexer.catchUp();
    const spy = jest.spyOn(t.app.get(DataSource).logger, 'logQuery');
    const queriesFor = async (variables: Record<string, unknown>) => {
      spy.mockClear();
      await dashboard(variables);
      return spy.mock.calls.length;
    };
    // one proposal and one adoption, then five proposals and three adoptions
    const small = await queriesFor({ year: 2023, districtId: f.orgs.fengze });
    const all = await queriesFor({});
    spy.mockRestore();
    process.stdout.write(`SQL queries for the dashboard: ${small} (1 proposal), ${all} (5 proposals)\n`);
    expect(all).toBe(small);
  });

  it('is for leaders and admins only, over the proposals they see', async () => {
    for (const person of ['liusiyuan', 'zhangjie', 'chenfang'] as const) {
      expect(errorCode(await (await demo.as(person)).request(DASHBOARD, {}))).toBe('FORBIDDEN');
    }
    expect(errorCode(await t.client().request(DASHBOARD, {}))).toBe('UNAUTHENTICATED');
    // Fuzhou's leader sees none of Quanzhou's proposals, and Quanzhou's leader none of Fuzhou's
    const fuzhou = (await (await demo.as('huangli')).ok(DASHBOARD, { districtId: f.orgs.fengze })).dashboard;
    expect(fuzhou.totals).toMatchObject({ proposals: 0, submittedSuggestions: 0, adoptionRate: null });
    expect((await dashboard({ districtId: demo.orgIds.jinan })).totals.proposals).toBe(0);
    // a member's own suggestion chain is hers to see; another federation's is NOT_FOUND
    const chainOf = `query($id: ID!) { adoptionChain(suggestionId: $id) { suggestion { id } } }`;
    expect(errorCode(await (await demo.as('huangli')).request(chainOf, { id: f.suggestions.S1 }))).toBe('NOT_FOUND');
    expect((await f.clients.memberA.ok(chainOf, { id: f.suggestions.S9 })).adoptionChain.suggestion.id).toBe(f.suggestions.S9);
  });

  it('exports the figures as CSV with a BOM, for leaders and admins only', async () => {
    const get = (path: string, cookie: string) => fetch(`${t.url}${path}`, { headers: { cookie, accept: 'text/html,*/*' } });
    const response = await get(`/export/dashboard.csv?asOf=${AS_OF}`, f.clients.leader.cookieHeader);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0][0]).toBe('维度 Dimension');
    expect(rows).toContainEqual(['合计 Total', '合计', 'Total', '9', '3', '33.3']);
    expect(rows).toContainEqual(['区 District', '丰泽区妇联', 'Fengze District', '5', '1', '20.0']);
    expect(rows).toContainEqual(['年度 Year', '2023', '2023', '5', '2', '40.0']);
    expect(rows).toContainEqual(['领域 Program area', '妇女与经济', 'Women and the economy', '3', '3', '100.0']);
    expect(rows).toContainEqual(['建议人 Lead author', '许执委', '许执委', '5', '2', '40.0']);
    expect(rows).toContainEqual(['提交至采纳天数中位数 Median days to adoption', '90.0']);
    expect(rows).toContainEqual(['超过三个月未答复 Awaiting an answer > 90 days', '2']);
    const s1 = rows.find((r) => r[1] === '1. S1 建议条目')!;
    expect(s1.slice(2)).toEqual(['2023-06-30', '（一）加大政府购买服务力度，帮助边缘困境流动妇女就业。；（二）开展面向流动妇女的免费职业技能培训。', '丰泽区妇女发展纲要（2021—2030年）', '三社联动职业技能培训']);
    expect(rows.flat().join()).not.toContain('流动妈妈个案记录');

    const year = parseCsv(await (await get(`/export/dashboard.csv?year=2024&asOf=${AS_OF}`, f.clients.leader.cookieHeader)).text());
    expect(year).toContainEqual(['合计 Total', '合计', 'Total', '4', '1', '25.0']);
    expect((await get('/export/dashboard.csv', (await demo.as('liusiyuan')).cookieHeader)).status).toBe(403);
    expect((await get('/export/dashboard.csv', '')).status).toBe(401);
    expect((await get('/export/dashboard.csv?year=abc', f.clients.leader.cookieHeader)).status).toBe(400);
  });

  it('exports a one-page annual summary as DOCX with the year’s figures', async () => {
    const response = await fetch(`${t.url}/export/annual-summary.docx?year=2023&asOf=${AS_OF}`, {
      headers: { cookie: f.clients.leader.cookieHeader, accept: 'text/html,*/*' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('2023年度建言采纳情况摘要.docx'));
    const text = await docxText(await response.arrayBuffer());
    expect(text).toContain('泉州市妇联2023年度建言采纳情况摘要');
    expect(text).toContain('2023年度共提交建议2件、建议条目5条，其中2条被采纳，采纳率40.0%。');
    expect(text).toContain('中位数105.5天');
    expect(text).toContain('鲤城区妇联');
    expect(text).toContain('三社联动职业技能培训');
    expect(text).not.toContain('流动妈妈个案记录');
    const member = await fetch(`${t.url}/export/annual-summary.docx?year=2023`, { headers: { cookie: f.clients.memberA.cookieHeader } });
    expect(member.status).toBe(403);
  });

  it('writes each export to the audit log: who, which file, which filter', async () => {
    const entries = () => t.app.get(DataSource).getRepository(AuditEntryEntity).find({ where: { action: DASHBOARD_EXPORTED, actorId: f.actors.admin.userId } });
    const before = (await entries()).length;
    const headers = { cookie: f.clients.admin.cookieHeader, accept: 'text/html,*/*' };
    expect((await fetch(`${t.url}/export/dashboard.csv?year=2023&asOf=${AS_OF}`, { headers })).status).toBe(200);
    expect((await fetch(`${t.url}/export/annual-summary.docx?year=2024&asOf=${AS_OF}`, { headers })).status).toBe(200);
    const added = (await entries()).slice(before).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    expect(added.map((e) => [e.entityType, e.organizationId, JSON.parse(e.details)])).toEqual([
      ['dashboard_export', f.orgs.quanzhou, { format: 'csv', filter: { year: 2023, asOf: AS_OF } }],
      ['dashboard_export', f.orgs.quanzhou, { format: 'docx', filter: { year: 2024, asOf: AS_OF } }],
    ]);
    expect((await fetch(`${t.url}/export/dashboard.csv`, { headers: { cookie: f.clients.memberA.cookieHeader } })).status).toBe(403);
    expect((await entries()).length).toBe(before + 2);
  });
});
