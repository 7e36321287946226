import { EvidenceFixtures, LIST_EVIDENCE } from '../../test-support/evidence-fixtures';
import { COUNT_PROPOSALS, ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

/** `_` and `%` are LIKE wildcards: a text filter with them must match them literally, on both databases. */
describe('text filters take _, % and \\ literally', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  it('finds only the proposals and evidence whose titles hold the character', async () => {
    for (const title of ['覆盖率_提升', '覆盖率%提升', '覆盖率\\提升', '覆盖率提升']) {
      await p.create('zhangjie', { title });
      await f.create({ title });
    }
    const proposals = async (text: string) => (await (await p.as('zhangjie')).ok(COUNT_PROPOSALS, { filter: { text } })).proposals.totalCount;
    const evidence = async (text: string) =>
      ((await (await f.as('chenfang')).ok(LIST_EVIDENCE, { filter: { text } })).evidenceList.nodes as { title: string }[]).map((e) => e.title);
    for (const [text, title] of [['率_提', '覆盖率_提升'], ['率%提', '覆盖率%提升'], ['率\\提', '覆盖率\\提升']]) {
      expect(await proposals(text)).toBe(1);
      expect(await evidence(text)).toEqual([title]);
    }
    expect(await proposals('_')).toBe(1);
    expect(await evidence('%')).toEqual(['覆盖率%提升']);
  });
});
