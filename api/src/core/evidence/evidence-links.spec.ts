import { EvidenceFixtures } from '../../test-support/evidence-fixtures';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { DEMO_FAKE_MOBILE } from '../../seed/evidence-demo';
import { DEMO_PROPOSAL } from '../../seed/proposals-demo';

const LINK = `mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id kind suggestionId citationId quote note restricted evidence { id title } } }`;
const PROPOSAL_LINKS = `query($id: ID!) { proposal(id: $id) {
  evidenceLinks {
    all { id kind restricted note quote citationId suggestionId createdBy { displayName } evidence { id title narrative rawContent } }
    general { id }
    bySuggestion { suggestionId links { id restricted } }
  }
  suggestions { id number evidenceLinks { id restricted evidence { title } } }
} }`;
const EVIDENCE_LINKS = `query($id: ID!) { evidence(id: $id) { links { id kind proposal { id title } suggestion { number } note } } }`;

describe('evidence links: proposals, suggestions, passages and placeholders', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  it('seeds the story: four records linked to the proposal’s first suggestion, case narratives as placeholders for the co-author', async () => {
    const { proposals } = await (await f.as('zhangjie')).ok('{ proposals(first: 20) { nodes { id title } } }');
    const story = proposals.nodes.find((n: { title: string }) => n.title === DEMO_PROPOSAL.title);
    const owner = (await (await f.as('zhangjie')).ok(PROPOSAL_LINKS, { id: story.id })).proposal;
    const first = owner.suggestions.find((s: { number: number }) => s.number === 1);
    expect(first.evidenceLinks).toHaveLength(4);
    expect(owner.evidenceLinks.all.every((l: { restricted: boolean }) => !l.restricted)).toBe(true);
    // 张洁 was granted read access: the case narrative is masked for her.
    const caseLink = owner.evidenceLinks.all.find((l: any) => l.evidence.title.startsWith('个案：流动母亲'));
    expect(caseLink.evidence).toMatchObject({ rawContent: false });
    expect(caseLink.evidence.narrative).toContain('139****5678');
    expect(caseLink.evidence.narrative).not.toContain(DEMO_FAKE_MOBILE);

    const coauthor = (await (await f.as('linxiaoyan')).ok(PROPOSAL_LINKS, { id: story.id })).proposal;
    const placeholders = coauthor.evidenceLinks.all.filter((l: { restricted: boolean }) => l.restricted);
    expect(placeholders).toHaveLength(2);
    for (const placeholder of placeholders) expect(placeholder).toMatchObject({ evidence: null, note: null, restricted: true });
    expect(JSON.stringify(coauthor)).not.toContain('个案');
    expect(coauthor.evidenceLinks.bySuggestion.map((g: { suggestionId: string }) => g.suggestionId)).toContain(first.id);
  });

  it('shows a placeholder, never the title or note, to proposal readers not cleared for the evidence', async () => {
    const proposal = await p.create('zhangjie');
    await p.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    await p.addMember(proposal.id, 'liusiyuan', 'viewer');
    const suggestion = await p.addSuggestion(proposal.id);
    const secret = await f.published({ title: '受限个案标题', sensitivity: 'restricted', aboutIdentifiablePeople: false });
    await (await f.as('chenfang')).ok(`mutation($input: GrantEvidenceAccessInput!) { grantEvidenceAccess(input: $input) { id } }`, {
      input: { evidenceId: secret.id, userId: p.userIds.zhangjie, level: 'read' },
    });
    const linked = (
      await (await f.as('zhangjie')).ok(LINK, {
        input: { evidenceId: secret.id, proposalId: proposal.id, suggestionId: suggestion.id, note: '受限证据的说明' },
      })
    ).linkEvidence;
    expect(linked).toMatchObject({ kind: 'suggestion', restricted: false, evidence: { id: secret.id, title: '受限个案标题' } });

    for (const reader of ['linxiaoyan', 'liusiyuan'] as const) {
      const seen = (await (await f.as(reader)).ok(PROPOSAL_LINKS, { id: proposal.id })).proposal;
      expect(seen.evidenceLinks.all).toEqual([
        expect.objectContaining({ id: linked.id, kind: 'suggestion', restricted: true, evidence: null, note: null, suggestionId: suggestion.id }),
      ]);
      expect(seen.suggestions[0].evidenceLinks).toEqual([{ id: linked.id, restricted: true, evidence: null }]);
      expect(JSON.stringify(seen)).not.toContain('受限');
    }
    // Not a member and not a federation reader of a draft: the proposal itself is invisible.
    expect(errorCode(await (await f.as('huangli')).request(PROPOSAL_LINKS, { id: proposal.id }))).toBe('NOT_FOUND');
  });

  it('links passages with their citation id and quote, and groups links per suggestion', async () => {
    const proposal = await p.create('zhangjie');
    const [s1, s2] = [await p.addSuggestion(proposal.id, '第一条'), await p.addSuggestion(proposal.id, '第二条')];
    const evidence = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const owner = await f.as('zhangjie');
    const noQuote = await owner.request(LINK, { input: { evidenceId: evidence.id, proposalId: proposal.id, citationId: 'c-1' } });
    expect(noQuote.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quote' });
    const passage = (
      await owner.ok(LINK, { input: { evidenceId: evidence.id, proposalId: proposal.id, suggestionId: s2.id, citationId: 'c-1', quote: '58名失业妇女' } })
    ).linkEvidence;
    expect(passage).toMatchObject({ kind: 'passage', citationId: 'c-1', quote: '58名失业妇女', suggestionId: s2.id });
    await owner.ok(LINK, { input: { evidenceId: evidence.id, proposalId: proposal.id } });
    await owner.ok(LINK, { input: { evidenceId: evidence.id, proposalId: proposal.id, suggestionId: s1.id } });
    const again = await owner.request(LINK, { input: { evidenceId: evidence.id, proposalId: proposal.id, suggestionId: s1.id } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidenceId' });

    const { evidenceLinks } = (await owner.ok(PROPOSAL_LINKS, { id: proposal.id })).proposal;
    expect(evidenceLinks.all).toHaveLength(3);
    expect(evidenceLinks.general).toHaveLength(1);
    expect(evidenceLinks.bySuggestion.map((g: any) => [g.suggestionId, g.links.length]).sort()).toEqual(
      [
        [s1.id, 1],
        [s2.id, 1],
      ].sort(),
    );
    const links = (await owner.ok(EVIDENCE_LINKS, { id: evidence.id })).evidence.links;
    expect(links.map((l: any) => [l.kind, l.proposal.id, l.suggestion?.number ?? null])).toEqual([
      ['passage', proposal.id, 2],
      ['proposal', proposal.id, null],
      ['suggestion', proposal.id, 1],
    ]);
  });

  it('lists on evidence only the proposals the viewer may see', async () => {
    const evidence = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const draft = await p.create('zhangjie', { title: '保密草稿建议' });
    await (await f.as('zhangjie')).ok(LINK, { input: { evidenceId: evidence.id, proposalId: draft.id, note: '草稿中的说明' } });
    expect((await (await f.as('zhangjie')).ok(EVIDENCE_LINKS, { id: evidence.id })).evidence.links).toHaveLength(1);
    for (const other of ['linxiaoyan', 'huangli', 'chenfang'] as const) {
      expect((await (await f.as(other)).ok(EVIDENCE_LINKS, { id: evidence.id })).evidence.links).toEqual([]);
    }
  });

  it('lets only owners and co-authors link and unlink; refuses a suggestion of another proposal', async () => {
    const proposal = await p.create('zhangjie');
    await p.addMember(proposal.id, 'linxiaoyan', 'coauthor');
    await p.addMember(proposal.id, 'huangli', 'reviewer');
    const other = await p.create('zhangjie');
    const foreign = await p.addSuggestion(other.id);
    const evidence = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const input = { evidenceId: evidence.id, proposalId: proposal.id };
    expect(errorCode(await (await f.as('huangli')).request(LINK, { input }))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('admin')).request(LINK, { input }))).toBe('NOT_FOUND');
    const wrong = await (await f.as('zhangjie')).request(LINK, { input: { ...input, suggestionId: foreign.id } });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'suggestionId' });
    const { linkEvidence } = await (await f.as('linxiaoyan')).ok(LINK, { input });
    const UNLINK = `mutation($id: ID!) { unlinkEvidence(linkId: $id) }`;
    expect(errorCode(await (await f.as('huangli')).request(UNLINK, { id: linkEvidence.id }))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('liusiyuan')).request(UNLINK, { id: linkEvidence.id }))).toBe('NOT_FOUND');
    expect((await (await f.as('zhangjie')).ok(UNLINK, { id: linkEvidence.id })).unlinkEvidence).toBe(linkEvidence.id);
    expect((await (await f.as('zhangjie')).ok(PROPOSAL_LINKS, { id: proposal.id })).proposal.evidenceLinks.all).toEqual([]);
  });
});
