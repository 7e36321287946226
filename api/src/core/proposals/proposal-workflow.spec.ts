import { ANSWER, GET_PROPOSAL, Person, ProposalFixtures, RECORD_ANSWER, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

type Status = 'draft' | 'in_review' | 'submitted' | 'answered' | 'closed';
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';

const TRANSITION_ON = `mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id status } }`;
const TIMELINE = `query($id: ID!) { proposal(id: $id) {
  status version
  timeline { id entityType entityId fromStatus toStatus note source occurredAt actor { displayName } }
  lastStatusChange { toStatus }
  versions { number title summary bodyText suggestions { id number title } createdBy { displayName } }
  answer { answeredOn replyingUnit answerClass text documentRef recordedBy { displayName } }
  suggestions { id number status history { fromStatus toStatus note source actor { displayName } } }
} }`;

/**
 * Each workflow move, and what each person gets trying it. 林晓燕 is co-author, 陈芳 reviewer,
 * 刘思远 viewer; 黄丽 (leader) and 王敏 (admin) are not members and do not see drafts at all.
 */
const MOVES: { from: Status; to: Status; outcomes: Record<Person, Outcome> }[] = [
  {
    from: 'draft',
    to: 'in_review',
    outcomes: { zhangjie: 'ok', linxiaoyan: 'ok', chenfang: 'FORBIDDEN', liusiyuan: 'FORBIDDEN', huangli: 'NOT_FOUND', admin: 'NOT_FOUND' },
  },
  {
    from: 'in_review',
    to: 'draft',
    outcomes: { zhangjie: 'ok', linxiaoyan: 'ok', chenfang: 'FORBIDDEN', liusiyuan: 'FORBIDDEN', huangli: 'NOT_FOUND', admin: 'NOT_FOUND' },
  },
  {
    from: 'in_review',
    to: 'submitted',
    outcomes: { zhangjie: 'ok', linxiaoyan: 'FORBIDDEN', chenfang: 'FORBIDDEN', liusiyuan: 'FORBIDDEN', huangli: 'NOT_FOUND', admin: 'NOT_FOUND' },
  },
  {
    from: 'submitted',
    to: 'answered',
    outcomes: { zhangjie: 'ok', linxiaoyan: 'FORBIDDEN', chenfang: 'FORBIDDEN', liusiyuan: 'FORBIDDEN', huangli: 'ok', admin: 'ok' },
  },
  {
    from: 'answered',
    to: 'closed',
    outcomes: { zhangjie: 'ok', linxiaoyan: 'FORBIDDEN', chenfang: 'FORBIDDEN', liusiyuan: 'FORBIDDEN', huangli: 'FORBIDDEN', admin: 'ok' },
  },
];

const CASES = MOVES.flatMap(({ from, to, outcomes }) =>
  (Object.entries(outcomes) as [Person, Outcome][]).map(([person, outcome]) => [from, to, person, outcome] as const),
);

describe('proposal workflow', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it.each(CASES)('%s → %s by %s: %s', async (from, to, person, outcome) => {
    const id = await f.proposalIn(from);
    const client = await f.as(person);
    const result =
      to === 'answered'
        ? await client.request(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER } })
        : await f.transition(id, to, person);
    if (outcome === 'ok') {
      expect(result.errors).toBeUndefined();
      expect(await f.statusOf(id)).toBe(to);
    } else {
      expect(errorCode(result)).toBe(outcome);
      expect(await f.statusOf(id)).toBe(from);
    }
  });

  it.each([
    ['draft', 'submitted', 'in_review'],
    ['draft', 'closed', 'in_review'],
    ['in_review', 'answered', 'draft, submitted'],
    ['submitted', 'in_review', 'answered'],
    ['submitted', 'draft', 'answered'],
    ['answered', 'submitted', 'closed'],
    ['closed', 'draft', 'none'],
    ['closed', 'answered', 'none'],
  ] as const)('refuses %s → %s from the owner with BAD_USER_INPUT naming the allowed moves (%s)', async (from, to, allowed) => {
    const id = await f.proposalIn(from);
    const result = to === 'answered' && from !== 'closed'
      ? await (await f.as('zhangjie')).request(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER } })
      : await f.transition(id, to);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain(`cannot go from ${from} to ${to}; allowed: ${allowed}`);
    expect(await f.statusOf(id)).toBe(from);
  });

  it('names only the moves the caller may make', async () => {
    const id = await f.proposalIn('in_review');
    const result = await f.transition(id, 'closed', 'linxiaoyan');
    expect(result.errors![0].message).toContain('cannot go from in_review to closed; allowed: draft');
  });

  it('records an answer only through recordAnswer, and validates it naming the field', async () => {
    const id = await f.proposalIn('submitted');
    const owner = await f.as('zhangjie');
    const direct = await f.transition(id, 'answered');
    expect(errorCode(direct)).toBe('BAD_USER_INPUT');
    expect(direct.errors![0].message).toMatch(/recordAnswer/);
    for (const [input, field] of [
      [{ answeredOn: '2022-13-01' }, 'answeredOn'],
      [{ answeredOn: '15/06/2022' }, 'answeredOn'],
      [{ replyingUnit: '' }, 'replyingUnit'],
    ] as const) {
      const result = await owner.request(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER, ...input } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(errorCode(await owner.request(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER, answerClass: 'D' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await f.statusOf(id)).toBe('submitted');
    await owner.ok(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER } });
    const { proposal } = await owner.ok(TIMELINE, { id });
    expect(proposal.answer).toEqual({ ...ANSWER, recordedBy: { displayName: '张洁' } });
    expect(proposal.lastStatusChange).toEqual({ toStatus: 'answered' });
    expect(proposal.timeline.at(-1)).toMatchObject({ fromStatus: 'submitted', toStatus: 'answered', source: ANSWER.documentRef });
  });

  it('refuses to submit a proposal without suggestions', async () => {
    const { id } = await f.create();
    await f.transition(id, 'in_review');
    const result = await f.transition(id, 'submitted');
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(await f.statusOf(id)).toBe('in_review');
  });

  it('freezes a numbered version on submission and moves drafted suggestions to submitted', async () => {
    const { id } = await f.create('zhangjie', { title: '冻结版本测试', summary: '摘要' });
    const first = await f.addSuggestion(id, '第一条');
    const second = await f.addSuggestion(id, '第二条');
    await f.transition(id, 'in_review');
    await f.transition(id, 'submitted', 'zhangjie', '提交区政府');
    const { proposal } = await (await f.as('zhangjie')).ok(TIMELINE, { id });
    expect(proposal.versions).toEqual([
      {
        number: 1,
        title: '冻结版本测试',
        summary: '摘要',
        bodyText: null,
        createdBy: { displayName: '张洁' },
        suggestions: [
          { id: first.id, number: 1, title: '第一条' },
          { id: second.id, number: 2, title: '第二条' },
        ],
      },
    ]);
    expect(proposal.suggestions.map((s: { status: string }) => s.status)).toEqual(['submitted', 'submitted']);
    expect(proposal.suggestions[0].history).toEqual([
      { fromStatus: null, toStatus: 'drafted', note: null, source: null, actor: { displayName: '张洁' } },
      { fromStatus: 'drafted', toStatus: 'submitted', note: null, source: null, actor: { displayName: '张洁' } },
    ]);
    const proposalEvents = proposal.timeline.filter((e: { entityType: string }) => e.entityType === 'proposal');
    expect(proposalEvents.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft', 'in_review', 'submitted']);
    expect(proposalEvents[2].note).toBe('提交区政府');
  });

  describe('a submission recorded afterwards (handed in on paper)', () => {
    const submit = async (id: string, submittedOn: string, to = 'submitted') =>
      (await f.as('zhangjie')).request(TRANSITION_ON, { input: { proposalId: id, to, submittedOn } });
    const inReviewWithSuggestion = async (year = 2024) => {
      const { id } = await f.create('zhangjie', { year });
      await f.addSuggestion(id, '第一条');
      await f.transition(id, 'in_review');
      return id;
    };

    it('keeps the day it took effect beside the day it was recorded, on the proposal and its suggestions', async () => {
      const id = await inReviewWithSuggestion(2024);
      const result = await submit(id, '2023-12-20');
      expect(result.errors).toBeUndefined();
      const { proposal } = await (await f.as('zhangjie')).ok(
        `query($id: ID!) { proposal(id: $id) { status timeline { entityType toStatus effectiveOn occurredAt } } }`,
        { id },
      );
      expect(proposal.status).toBe('submitted');
      const submitted = proposal.timeline.filter((e: { toStatus: string }) => e.toStatus === 'submitted');
      expect(submitted.map((e: { entityType: string; effectiveOn: string }) => [e.entityType, e.effectiveOn])).toEqual([
        ['proposal', '2023-12-20'],
        ['suggestion', '2023-12-20'],
      ]);
      expect(new Date(submitted[0].occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const earlier = proposal.timeline.filter((e: { toStatus: string }) => e.toStatus !== 'submitted');
      expect(earlier.every((e: { effectiveOn: string | null }) => e.effectiveOn === null)).toBe(true);
    });

    it.each([
      ['in the future', () => new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), 'submitted'],
      ['before the year preceding the proposal’s', () => '2022-12-31', 'submitted'],
      ['not a date', () => '2024-02-30', 'submitted'],
      ['given for another move', () => '2024-01-10', 'draft'],
    ])('refuses a day %s, naming the field, and changes nothing', async (_case, day, to) => {
      const id = await inReviewWithSuggestion(2024);
      const result = await submit(id, day(), to);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.field).toBe('submittedOn');
      expect(await f.statusOf(id)).toBe('in_review');
    });
  });

  describe('status history', () => {
    it('has no mutation that edits or deletes history', async () => {
      const { __schema } = await (await f.as('admin')).ok(`{ __schema { mutationType { fields { name type { name ofType { name } } } } } }`);
      const mutations: { name: string; type: { name: string | null; ofType: { name: string } | null } }[] = __schema.mutationType.fields;
      const returnsHistory = mutations.filter((m) => (m.type.name ?? m.type.ofType?.name) === 'StatusEvent');
      expect(returnsHistory).toEqual([]);
      expect(mutations.map((m) => m.name).filter((name) => /history|timeline|statusevent|event/i.test(name))).toEqual([]);
      const editing = mutations.map((m) => m.name).filter((name) => /^(update|delete|remove|edit)/.test(name));
      // adoption changes append to the history (api/src/core/adoption); deleting a program needs it to have no adoption records;
      // correcting a program changes its details and clause texts, never an adoption or a status event
      expect(editing.sort()).toEqual([
        'deleteAdoption',
        'deleteProgram',
        'deleteSuggestion',
        'removeProposalMember',
        'updateAdoption',
        'updateEvidence',
        'updateProgram',
        'updateProgramClause',
        'updateProposal',
        'updateSuggestion',
      ]);
    });

    it('only accumulates: earlier entries stay as they were, in order, oldest first', async () => {
      const { id } = await f.create();
      const suggestion = await f.addSuggestion(id);
      const client = await f.as('zhangjie');
      const timeline = async () => (await client.ok(TIMELINE, { id })).proposal.timeline;
      const snapshots = [await timeline()];
      for (const to of ['in_review', 'draft', 'in_review', 'submitted']) {
        await f.transition(id, to);
        snapshots.push(await timeline());
      }
      await (await f.as('huangli')).ok(
        `mutation($input: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $input) { status } }`,
        { input: { suggestionId: suggestion.id, to: 'adopted', source: '福州市晋安区妇女发展纲要（2021—2030年）' } },
      );
      snapshots.push(await timeline());
      for (let i = 1; i < snapshots.length; i++) {
        expect(snapshots[i].slice(0, snapshots[i - 1].length)).toEqual(snapshots[i - 1]);
        expect(snapshots[i].length).toBeGreaterThan(snapshots[i - 1].length);
      }
      const final = snapshots.at(-1);
      expect(final.map((e: { fromStatus: string | null; toStatus: string }) => `${e.fromStatus}→${e.toStatus}`)).toEqual([
        'null→draft',
        'null→drafted',
        'draft→in_review',
        'in_review→draft',
        'draft→in_review',
        'in_review→submitted',
        'drafted→submitted',
        'submitted→adopted',
      ]);
      const times = final.map((e: { occurredAt: string }) => e.occurredAt);
      expect([...times].sort()).toEqual(times);
      expect(final.at(-1)).toMatchObject({ entityType: 'suggestion', entityId: suggestion.id, actor: { displayName: '黄丽' } });
    });

    it('keeps the history of a deleted suggestion', async () => {
      const { id } = await f.create();
      const suggestion = await f.addSuggestion(id, '将被删除');
      await (await f.as('zhangjie')).ok(`mutation($id: ID!) { deleteSuggestion(suggestionId: $id) { suggestionCount } }`, { id: suggestion.id });
      const { proposal } = await (await f.as('zhangjie')).ok(TIMELINE, { id });
      expect(proposal.timeline.filter((e: { entityId: string }) => e.entityId === suggestion.id)).toHaveLength(1);
    });
  });

  it('seeds the story’s proposal, submitted with three numbered suggestions and its history', async () => {
    const owner = await f.as('zhangjie');
    const data = await owner.ok(`{ proposals(filter: { text: "边缘困境流动妇女" }) { totalCount nodes {
      id title target year topics status myRole district { code } leadAuthor { displayName }
      members { role user { displayName } }
      suggestions { number title programArea status }
    } } }`);
    expect(data.proposals.totalCount).toBe(1);
    const [proposal] = data.proposals.nodes;
    expect(proposal).toMatchObject({
      title: '关于加大政府购买服务力度、帮助边缘困境流动妇女的建议',
      target: '晋安区人民政府',
      year: 2021,
      status: 'submitted',
      myRole: 'owner',
      district: { code: 'jinan' },
      leadAuthor: { displayName: '张洁' },
      members: [
        { role: 'owner', user: { displayName: '张洁' } },
        { role: 'coauthor', user: { displayName: '林晓燕' } },
      ],
    });
    expect(proposal.suggestions.map((s: { number: number }) => s.number)).toEqual([1, 2, 3]);
    // the first was adopted by the Jin'an program in June 2022 (api/src/seed/programs-demo.ts)
    expect(proposal.suggestions[0]).toMatchObject({ title: '加大政府购买服务资金投入，帮助边缘困境流动妇女', status: 'adopted' });
    expect(proposal.suggestions[1]).toMatchObject({ status: 'submitted' });
    const { proposal: detail } = await owner.ok(TIMELINE, { id: proposal.id });
    expect(detail.timeline.filter((e: { entityType: string }) => e.entityType === 'proposal').map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'draft',
      'in_review',
      'submitted',
    ]);
    expect(detail.versions).toHaveLength(1);
    // handed in before Jianyan, so the leaders' dashboard can time its adoption (June 2022)
    const { proposal: dated } = await owner.ok(`query($id: ID!) { proposal(id: $id) { timeline { entityType toStatus effectiveOn } } }`, { id: proposal.id });
    expect(dated.timeline.find((e: { entityType: string; toStatus: string }) => e.entityType === 'proposal' && e.toStatus === 'submitted').effectiveOn).toBe('2021-12-15');
    const { dashboard } = await (await f.as('huangli')).ok(`{ dashboard(asOf: "2026-01-01") { adopted { suggestion { title } daysToAdoption } } }`);
    expect(dashboard.adopted).toContainEqual({ suggestion: { title: '加大政府购买服务资金投入，帮助边缘困境流动妇女' }, daysToAdoption: 187 });
    const leader = await f.as('huangli');
    expect((await leader.ok(GET_PROPOSAL, { id: proposal.id })).proposal.allowedTransitions).toEqual(['answered']);
  });
});
