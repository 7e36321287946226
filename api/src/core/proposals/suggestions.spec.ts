import { GET_PROPOSAL, ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const UPDATE = `mutation($input: UpdateSuggestionInput!) { updateSuggestion(input: $input) { id number title text programArea } }`;
const REORDER = `mutation($input: ReorderSuggestionsInput!) { reorderSuggestions(input: $input) { suggestions { id number title } } }`;
const DELETE = `mutation($id: ID!) { deleteSuggestion(suggestionId: $id) { suggestionCount suggestions { id number } } }`;
const CHANGE_STATUS = `mutation($input: ChangeSuggestionStatusInput!) {
  changeSuggestionStatus(input: $input) { id number status allowedTransitions history { fromStatus toStatus note source actor { displayName } } }
}`;
const SUGGESTIONS = `query($id: ID!) { proposal(id: $id) { suggestionCount suggestions { id number title status allowedTransitions } } }`;

describe('suggestions', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it('numbers suggestions by position and keeps their ids when reordered or one is deleted', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'linxiaoyan', 'coauthor');
    const a = await f.addSuggestion(id, '甲');
    const b = await f.addSuggestion(id, '乙', 'linxiaoyan');
    const c = await f.addSuggestion(id, '丙');
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    const coauthor = await f.as('linxiaoyan');
    const reordered = await coauthor.ok(REORDER, { input: { proposalId: id, suggestionIds: [c.id, a.id, b.id] } });
    expect(reordered.reorderSuggestions.suggestions).toEqual([
      { id: c.id, number: 1, title: '丙' },
      { id: a.id, number: 2, title: '甲' },
      { id: b.id, number: 3, title: '乙' },
    ]);
    const deleted = await coauthor.ok(DELETE, { id: c.id });
    expect(deleted.deleteSuggestion).toEqual({ suggestionCount: 2, suggestions: [{ id: a.id, number: 1 }, { id: b.id, number: 2 }] });
    const added = await f.addSuggestion(id, '丁');
    expect(added.number).toBe(3);
  });

  it('refuses a reorder that does not list every suggestion exactly once', async () => {
    const { id } = await f.create();
    const a = await f.addSuggestion(id, '甲');
    const b = await f.addSuggestion(id, '乙');
    const owner = await f.as('zhangjie');
    for (const suggestionIds of [[a.id], [a.id, a.id], [a.id, b.id, 'other'], [b.id, 'other']]) {
      const result = await owner.request(REORDER, { input: { proposalId: id, suggestionIds } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'suggestionIds' });
    }
    expect((await owner.ok(SUGGESTIONS, { id })).proposal.suggestions.map((s: { id: string }) => s.id)).toEqual([a.id, b.id]);
  });

  it('updates text and program area, validating them', async () => {
    const { id } = await f.create();
    const s = await f.addSuggestion(id, '原标题');
    const owner = await f.as('zhangjie');
    const updated = await owner.ok(UPDATE, { input: { id: s.id, title: '新标题', programArea: 'women_economy' } });
    expect(updated.updateSuggestion).toEqual({ id: s.id, number: 1, title: '新标题', text: '依托社区开展。', programArea: 'women_economy' });
    expect((await owner.ok(UPDATE, { input: { id: s.id, programArea: null } })).updateSuggestion.programArea).toBeNull();
    for (const [input, field] of [
      [{ title: '' }, 'title'],
      [{ title: '题'.repeat(201) }, 'title'],
      [{ text: '文'.repeat(5001) }, 'text'],
    ] as const) {
      const result = await owner.request(UPDATE, { input: { id: s.id, ...input } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const add = await owner.request(`mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }`, {
      input: { proposalId: id, title: '' },
    });
    expect(add.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await owner.ok(SUGGESTIONS, { id })).proposal.suggestionCount).toBe(1);
  });

  it('lets only owners and co-authors change suggestions, and only while draft or in review', async () => {
    const id = await f.proposalIn('in_review');
    const [s] = (await (await f.as('zhangjie')).ok(SUGGESTIONS, { id })).proposal.suggestions;
    for (const person of ['chenfang', 'liusiyuan'] as const) {
      const client = await f.as(person);
      expect(errorCode(await client.request(UPDATE, { input: { id: s.id, title: '越权' } }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(DELETE, { id: s.id }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await (await f.as('huangli')).request(UPDATE, { input: { id: s.id, title: '越权' } }))).toBe('NOT_FOUND');
    expect((await (await f.as('linxiaoyan')).ok(UPDATE, { input: { id: s.id, title: '合作者修改' } })).updateSuggestion.title).toBe('合作者修改');

    await f.transition(id, 'submitted');
    const owner = await f.as('zhangjie');
    expect(errorCode(await owner.request(UPDATE, { input: { id: s.id, title: '提交后' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await owner.request(DELETE, { id: s.id }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await owner.request(REORDER, { input: { proposalId: id, suggestionIds: [s.id] } }))).toBe('BAD_USER_INPUT');
    const add = await owner.request(`mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }`, {
      input: { proposalId: id, title: '提交后新增' },
    });
    expect(errorCode(add)).toBe('BAD_USER_INPUT');
    expect((await owner.ok(SUGGESTIONS, { id })).proposal.suggestions).toMatchObject([{ id: s.id, title: '合作者修改', status: 'submitted' }]);
  });

  describe('status changes', () => {
    let proposalId: string;
    let suggestionId: string;

    beforeAll(async () => {
      proposalId = await f.proposalIn('submitted');
      suggestionId = (await (await f.as('zhangjie')).ok(SUGGESTIONS, { id: proposalId })).proposal.suggestions[0].id;
    });

    it('cannot change a drafted suggestion by hand', async () => {
      const { id } = await f.create();
      const s = await f.addSuggestion(id);
      const result = await (await f.as('zhangjie')).request(CHANGE_STATUS, { input: { suggestionId: s.id, to: 'submitted' } });
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('refuses reviewers and viewers (co-authors decide like owners: shared SUGGESTION_DECIDERS)', async () => {
      for (const person of ['chenfang', 'liusiyuan'] as const) {
        const result = await (await f.as(person)).request(CHANGE_STATUS, { input: { suggestionId, to: 'adopted' } });
        expect(errorCode(result)).toBe('FORBIDDEN');
      }
      const seen = await (await f.as('chenfang')).ok(SUGGESTIONS, { id: proposalId });
      expect(seen.proposal.suggestions[0]).toMatchObject({ status: 'submitted', allowedTransitions: [] });
      const coauthor = await (await f.as('linxiaoyan')).ok(SUGGESTIONS, { id: proposalId });
      expect(coauthor.proposal.suggestions[0].allowedTransitions).toContain('adopted');
    });

    it('lets the owner, a leader and an admin record outcomes, with note and source in the history', async () => {
      const owner = await f.as('zhangjie');
      const considered = await owner.ok(CHANGE_STATUS, { input: { suggestionId, to: 'under_consideration', note: '区民政局办理中' } });
      expect(considered.changeSuggestionStatus.status).toBe('under_consideration');
      const noReason = await (await f.as('huangli')).request(CHANGE_STATUS, { input: { suggestionId, to: 'not_adopted' } });
      expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      const leader = await f.as('huangli');
      const adopted = await leader.ok(CHANGE_STATUS, {
        input: { suggestionId, to: 'adopted', note: '写入纲要', source: '福州市晋安区妇女发展纲要（2021—2030年）' },
      });
      expect(adopted.changeSuggestionStatus).toMatchObject({ status: 'adopted', number: 1, allowedTransitions: ['implemented'] });
      const admin = await f.as('admin');
      const done = await admin.ok(CHANGE_STATUS, { input: { suggestionId, to: 'implemented' } });
      expect(done.changeSuggestionStatus.history).toEqual([
        { fromStatus: null, toStatus: 'drafted', note: null, source: null, actor: { displayName: '张洁' } },
        { fromStatus: 'drafted', toStatus: 'submitted', note: null, source: null, actor: { displayName: '张洁' } },
        { fromStatus: 'submitted', toStatus: 'under_consideration', note: '区民政局办理中', source: null, actor: { displayName: '张洁' } },
        {
          fromStatus: 'under_consideration',
          toStatus: 'adopted',
          note: '写入纲要',
          source: '福州市晋安区妇女发展纲要（2021—2030年）',
          actor: { displayName: '黄丽' },
        },
        { fromStatus: 'adopted', toStatus: 'implemented', note: null, source: null, actor: { displayName: '王敏' } },
      ]);
    });

    it('refuses a move the table does not have, naming the allowed ones', async () => {
      const result = await (await f.as('zhangjie')).request(CHANGE_STATUS, { input: { suggestionId, to: 'submitted' } });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toContain('cannot go from implemented to submitted; allowed: none');
    });

    it('hides suggestions of proposals the caller cannot see', async () => {
      const result = await (await f.as('chenfang')).request(CHANGE_STATUS, { input: { suggestionId: 'nope', to: 'adopted' } });
      expect(errorCode(result)).toBe('NOT_FOUND');
      const { id } = await f.create();
      const s = await f.addSuggestion(id);
      expect(errorCode(await (await f.as('huangli')).request(CHANGE_STATUS, { input: { suggestionId: s.id, to: 'adopted' } }))).toBe(
        'NOT_FOUND',
      );
    });
  });

  it('shows suggestions on the proposal in order with their counts', async () => {
    const { id } = await f.create();
    await f.addSuggestion(id, '一');
    await f.addSuggestion(id, '二');
    const { proposal } = await (await f.as('zhangjie')).ok(GET_PROPOSAL, { id });
    expect(proposal.suggestionCount).toBe(2);
    expect(proposal.suggestions.map((s: { number: number; title: string }) => `${s.number}.${s.title}`)).toEqual(['1.一', '2.二']);
  });
});
