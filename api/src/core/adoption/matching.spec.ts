import { ADD_SUGGESTION, ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { MIN_MATCH_SCORE } from './clause-matching';

const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id clauses { id kind text } } }`;
const MATCH_FIELDS = `suggestion { id title } matches { clauseId text score overlap } noMatch { reason bestScore minScore }`;
const MATCHES = `query($id: ID!, $programId: ID) { suggestionMatches(suggestionId: $id, programId: $programId, first: 10) { ${MATCH_FIELDS} } }`;
const PROGRAM_MATCHES = `query($id: ID!) { programMatches(programId: $id) { ${MATCH_FIELDS} } }`;

/**
 * A district program as an import may save it: areas, a section heading, a heading read as a measure
 * (主要目标。) and a measure heading the items under it (健全社会保障体系：).
 */
const PROGRAM = {
  name: '测试市妇女儿童发展规划（2021—2030年）',
  issuingBody: '测试市人民政府',
  periodStart: 2021,
  periodEnd: 2030,
  // saved on purpose despite the import's structure warnings, as an admin who ticked 已核对 may
  acceptWarnings: true,
  nodes: [
    { depth: 0, kind: 'area', number: '（一）', text: '妇女与家庭建设' },
    { depth: 1, kind: 'measure', number: '1.', text: '主要目标。' },
    { depth: 2, kind: 'goal', number: '（1）', text: '家庭家教家风建设深入推进，婚姻家庭关系和谐稳定。' },
    { depth: 1, kind: 'measure', number: '2.', text: '保障妇女在婚姻家庭中的财产权益，在离婚诉讼中依法认定和分割夫妻共同财产。' },
    { depth: 0, kind: 'area', number: '（二）', text: '妇女与社会保障' },
    { depth: 1, kind: 'measure', number: '1.', text: '健全社会保障体系：' },
    { depth: 2, kind: 'measure', number: '（1）', text: '加强流动人口服务管理，为流动人口中的困难妇女提供社会救助，动员社会力量参与帮扶。' },
    { depth: 2, kind: 'measure', number: '（2）', text: '完善生育保险制度，将灵活就业妇女纳入生育保障范围。' },
    { depth: 0, kind: 'area', number: '（三）', text: '妇女与法律' },
    { depth: 1, kind: 'measure', number: '1.', text: '预防和制止性骚扰，推动用人单位和学校建立预防和处置性骚扰的工作机制。' },
  ],
};

interface Outcome {
  suggestion: { id: string; title: string };
  matches: { clauseId: string; text: string; score: number; overlap: string[] }[];
  noMatch: { reason: string; bestScore: number | null; minScore: number } | null;
}

describe('matching that can say no, through the API', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let programId: string;
  let clauseIds: Record<string, string>;
  const suggestionIds: Record<string, string> = {};

  const SUGGESTIONS = {
    childcare: ['在产业园区建设托育服务点', '为3岁以下婴幼儿提供普惠托育服务，减轻双职工家庭养育负担。'],
    leftBehind: ['关爱农村留守儿童', '为农村留守儿童建立信息台账，组织志愿者定期探访。'],
    headings: ['健全社会保障体系', '妇女与家庭建设、妇女与社会保障的主要目标要落到实处，健全社会保障体系。'],
    migrants: ['关爱流动人口中的困难妇女', '为流动人口中的困难妇女提供社会救助，动员社会力量参与帮扶。'],
    maternity: ['灵活就业妇女参加生育保险', '允许灵活就业妇女以个人身份参加生育保险并享受生育津贴。'],
  } as const;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    const created = (await (await f.as('admin')).ok(CREATE_PROGRAM, { input: PROGRAM })).createProgram;
    programId = created.id;
    clauseIds = Object.fromEntries(created.clauses.map((c: { id: string; text: string }) => [c.text, c.id]));
    const { id: proposalId } = await f.create('zhangjie', { title: '关于妇女儿童民生实事的建议' });
    await f.addMember(proposalId, 'chenfang', 'reviewer');
    const owner = await f.as('zhangjie');
    for (const [key, [title, text]] of Object.entries(SUGGESTIONS)) {
      suggestionIds[key] = (await owner.ok(ADD_SUGGESTION, { input: { proposalId, title, text } })).addSuggestion.id;
    }
    for (const to of ['in_review', 'submitted']) {
      const result = await f.transition(proposalId, to);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  });
  afterAll(() => t.close());

  async function matchesFor(key: keyof typeof SUGGESTIONS): Promise<Outcome> {
    return (await (await f.as('zhangjie')).ok(MATCHES, { id: suggestionIds[key], programId })).suggestionMatches;
  }

  it('offers an unrelated suggestion nothing and says why (托育 is not 婚姻财产权益, 留守儿童 is not 性骚扰)', async () => {
    for (const key of ['childcare', 'leftBehind'] as const) {
      const { matches, noMatch } = await matchesFor(key);
      expect(matches).toEqual([]);
      expect(noMatch).toMatchObject({ reason: expect.stringMatching(/^(no_shared_words|below_threshold)$/), minScore: MIN_MATCH_SCORE });
      if (noMatch!.reason === 'below_threshold') expect(noMatch!.bestScore).toBeLessThan(MIN_MATCH_SCORE);
      else expect(noMatch!.bestScore).toBeNull();
    }
  });

  it('never offers an area, a section or a heading saved as a measure, even to a suggestion quoting them', async () => {
    const headings = ['妇女与家庭建设', '主要目标。', '妇女与社会保障', '健全社会保障体系：', '妇女与法律'].map((text) => clauseIds[text]);
    expect(headings.every(Boolean)).toBe(true);
    const { matches, noMatch } = await matchesFor('headings');
    for (const id of headings) expect(matches.map((m) => m.clauseId)).not.toContain(id);
    if (matches.length === 0) expect(noMatch).not.toBeNull();
    const { programMatches } = await (await f.as('admin')).ok(PROGRAM_MATCHES, { id: programId });
    const offered = (programMatches as Outcome[]).flatMap((entry) => entry.matches.map((m) => m.clauseId));
    expect(offered.length).toBeGreaterThan(0);
    for (const id of headings) expect(offered).not.toContain(id);
  });

  it('shows whole words as shared: 流动人口, never the 动人 inside it, nor words every program uses', async () => {
    const { matches } = await matchesFor('migrants');
    expect(matches[0].text).toContain('流动人口');
    expect(matches[0].overlap).toEqual(expect.arrayContaining(['流动人口', '困难', '救助']));
    for (const fragment of ['动人', '妇女', '社会']) expect(matches.flatMap((m) => m.overlap)).not.toContain(fragment);
  });

  it('still offers a good match first, with no reason attached', async () => {
    const { matches, noMatch } = await matchesFor('maternity');
    expect(matches[0].clauseId).toBe(clauseIds['完善生育保险制度，将灵活就业妇女纳入生育保障范围。']);
    expect(matches[0].score).toBeGreaterThanOrEqual(MIN_MATCH_SCORE);
    expect(noMatch).toBeNull();
  });

  it('lists the program’s unmatched suggestions after the matched ones, each with its reason', async () => {
    const { programMatches } = await (await f.as('admin')).ok(PROGRAM_MATCHES, { id: programId });
    const entries = (programMatches as Outcome[]).filter((e) => Object.values(suggestionIds).includes(e.suggestion.id));
    const byId = new Map(entries.map((e) => [e.suggestion.id, e]));
    expect(byId.get(suggestionIds.maternity)!.matches.length).toBeGreaterThan(0);
    expect(byId.get(suggestionIds.childcare)).toMatchObject({ matches: [], noMatch: { minScore: MIN_MATCH_SCORE } });
    const firstUnmatched = entries.findIndex((e) => e.matches.length === 0);
    expect(entries.slice(firstUnmatched).every((e) => e.matches.length === 0 && e.noMatch !== null)).toBe(true);
  });
});
