import { DomainEvent, DomainEvents } from '../../common/domain-events';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import type { ProposalRole, Role, SuggestionStatus } from '@jianyan/shared';
import { DataSource } from 'typeorm';
import { runTransaction } from '../../database/transactions';
import { immediateEmail } from '../notifications/notification-email';
import { NotificationEntity } from '../notifications/notification.entity';
import { ProposalWorkflowService } from '../proposals/proposal-workflow.service';
import { GraphQLTestClient } from '../../test-support/graphql-client';
import { UsersService } from '../users/users.service';
import { AdoptionQueryService } from './adoption-query.service';
import { MatchDecisionEntity } from './adoption.entity';
import { isUniqueViolation } from './adoption.service';

const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id clauses { id kind text } } }`;
const RECORD = `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) {
  id status decidedOn quotedText source note targetKind clauseId programId programName documentTitle clause { id text depth } } }`;
const UPDATE = `mutation($input: UpdateAdoptionInput!) { updateAdoption(input: $input) { id status note } }`;
const DELETE = `mutation($id: ID!) { deleteAdoption(id: $id) }`;
const SUGGESTION = `query($id: ID!) { proposal(id: $id) { suggestions { id status adoptions { id status clauseId quotedText }
  history { fromStatus toStatus note source actor { displayName } } } } }`;
const PROGRAMS = `{ programs(first: 50) { nodes { id name clauses { id text adoptionCount adoptions { suggestionId status decidedOn quotedText } } } } }`;
const MATCHES = `query($id: ID!, $programId: ID) { suggestionMatches(suggestionId: $id, programId: $programId) { suggestion { id title } matches { clauseId text score overlap programName } } }`;
const CONFIRM = `mutation($input: ConfirmMatchInput!) { confirmClauseMatch(input: $input) { id status quotedText clauseId } }`;
const REJECT = `mutation($s: ID!, $c: ID!) { rejectClauseMatch(suggestionId: $s, clauseId: $c) }`;
const PROGRAM_MATCHES = `query($id: ID!) { programMatches(programId: $id) { suggestion { id title } matches { clauseId score } noMatch { reason } } }`;

const TEST_PROGRAM = {
  name: '测试区妇女发展纲要（2021—2030年）',
  issuingBody: '测试区人民政府',
  periodStart: 2021,
  periodEnd: 2030,
  sourceDocument: '测政〔2022〕9号',
  nodes: [
    { depth: 0, kind: 'area', number: '（一）', text: '儿童与家庭' },
    { depth: 1, kind: 'measure', number: '1.', text: '在流动儿童集中的社区建立课后托管服务点，为流动儿童提供课后看护和学业辅导。' },
    { depth: 1, kind: 'measure', number: '2.', text: '预防和控制儿童溺水，开展防溺水安全教育。' },
    { depth: 1, kind: 'measure', number: '3.', text: '依托社区开展流动儿童课后托管和家庭教育指导服务。' },
  ],
};

describe('adoption records and matching', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let clauses: { id: string; kind: string; text: string }[];
  let programId: string;
  const events: DomainEvent[] = [];

  /** A submitted proposal with one suggestion (建立流动儿童课后托管服务点), co-authored, with a reviewer and a viewer. */
  async function submittedSuggestion(): Promise<{ proposalId: string; suggestionId: string }> {
    const proposalId = await f.proposalIn('submitted');
    const data = await (await f.as('zhangjie')).ok(SUGGESTION, { id: proposalId });
    return { proposalId, suggestionId: data.proposal.suggestions[0].id };
  }

  async function suggestionOf(proposalId: string) {
    return (await (await f.as('zhangjie')).ok(SUGGESTION, { id: proposalId })).proposal.suggestions[0];
  }

  let strangerClient: GraphQLTestClient | undefined;
  /** A member of the Jin'an district who is on none of the test proposals: she does not see them. */
  async function stranger(): Promise<GraphQLTestClient> {
    if (strangerClient) return strangerClient;
    const email = 'stranger-member@jianyan.test';
    await t.app.get(UsersService).create(null, { displayName: '旁人', email, role: 'member', organizationId: f.orgIds.jinan, password: 'stranger-password-1' });
    strangerClient = t.client();
    await strangerClient.login(email, 'stranger-password-1');
    return strangerClient;
  }

  const clauseInput = (suggestionId: string, clauseId: string, extra: Record<string, unknown> = {}) => ({
    input: { suggestionId, targetKind: 'clause', clauseId, status: 'adopted', decidedOn: '2022-06-20', ...extra },
  });

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    t.app.get(DomainEvents).on('adoption.recorded', (e) => events.push(e));
    const created = (await (await f.as('admin')).ok(CREATE_PROGRAM, { input: TEST_PROGRAM })).createProgram;
    programId = created.id;
    clauses = created.clauses.filter((c: { kind: string }) => c.kind === 'measure');
  });
  afterAll(() => t.close());

  it('seeds the story suggestion as adopted by the Jin’an program clause, quoted, in June 2022', async () => {
    const { programs } = await (await f.as('huangli')).ok(PROGRAMS);
    const jinan = programs.nodes.find((p: { name: string }) => p.name === '福州市晋安区妇女发展纲要（2021—2030年）');
    const adopting = jinan.clauses.filter((c: { adoptionCount: number }) => c.adoptionCount > 0);
    expect(adopting).toHaveLength(1);
    expect(adopting[0].text).toContain('加大政府购买服务力度，支持社会组织为边缘困境流动妇女提供');
    expect(adopting[0].adoptions).toEqual([{ suggestionId: expect.any(String), status: 'adopted', decidedOn: '2022-06-20', quotedText: adopting[0].text }]);
    const facts = await t.app.get(AdoptionQueryService).facts();
    const story = facts.find((fact) => fact.clauseId === adopting[0].id)!;
    expect(story).toMatchObject({ targetKind: 'clause', programId: jinan.id, status: 'adopted', decidedOn: '2022-06-20' });
    const chain = await t.app.get(AdoptionQueryService).clauseChain(adopting[0].id);
    expect(chain!.program.name).toBe(jinan.name);
    expect(chain!.clauses.map((c) => c.text)).toEqual(['发展领域、主要目标和策略措施', '妇女与社会保障', '策略措施', adopting[0].text]);
  });

  it('lets the owner record an adoption: the suggestion becomes adopted and its history says where', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const { recordAdoption } = await (await f.as('zhangjie')).ok(RECORD, clauseInput(suggestionId, clauses[0].id, { note: '纳入测试区纲要' }));
    expect(recordAdoption).toMatchObject({
      status: 'adopted',
      targetKind: 'clause',
      programId,
      programName: TEST_PROGRAM.name,
      quotedText: clauses[0].text,
      source: '测政〔2022〕9号',
      clause: { id: clauses[0].id, text: clauses[0].text, depth: 1 },
    });
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.status).toBe('adopted');
    expect(suggestion.adoptions.map((a: { id: string }) => a.id)).toEqual([recordAdoption.id]);
    expect(suggestion.history.at(-1)).toEqual({
      fromStatus: 'submitted',
      toStatus: 'adopted',
      note: `已采纳：${TEST_PROGRAM.name} （一）1.（2022-06-20）；纳入测试区纲要`,
      source: '测政〔2022〕9号',
      actor: { displayName: '张洁' },
    });
    expect(events.at(-1)).toMatchObject({ type: 'adoption.recorded', proposalId, suggestionId, adoptionId: recordAdoption.id, status: 'adopted', programId });
  });

  it('lets co-authors and admins record, and forbids researchers, contributors and viewers', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    await f.addMember(proposalId, 'liusiyuan', 'reviewer').catch(() => undefined);
    expect(errorCode(await (await f.as('liusiyuan')).request(RECORD, clauseInput(suggestionId, clauses[0].id)))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('chenfang')).request(RECORD, clauseInput(suggestionId, clauses[0].id)))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.as('liusiyuan')).request(REJECT, { s: suggestionId, c: clauses[0].id }))).toBe('FORBIDDEN');
    await (await f.as('linxiaoyan')).ok(RECORD, clauseInput(suggestionId, clauses[0].id, { status: 'included_in_plan' }));
    await (await f.as('admin')).ok(RECORD, clauseInput(suggestionId, clauses[2].id, { status: 'partially_adopted' }));
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.adoptions.map((a: { status: string }) => a.status)).toEqual(['included_in_plan', 'partially_adopted']);
    expect(suggestion.status).toBe('partially_adopted');
    expect(suggestion.history.slice(-2).map((h: { fromStatus: string; toStatus: string; actor: { displayName: string } }) => [h.fromStatus, h.toStatus, h.actor.displayName])).toEqual([
      ['submitted', 'included_in_plan', '林晓燕'],
      ['included_in_plan', 'partially_adopted', '王敏'],
    ]);
  });

  it('keeps a stronger status when a weaker outcome is recorded, and still appends history', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    await owner.ok(RECORD, clauseInput(suggestionId, clauses[0].id, { status: 'adopted' }));
    await owner.ok(RECORD, { input: { suggestionId, targetKind: 'official_reply', documentTitle: '晋民函〔2022〕35号', status: 'under_consideration', decidedOn: '2022-07-01' } });
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.status).toBe('adopted');
    expect(suggestion.history.at(-1)).toMatchObject({ fromStatus: 'adopted', toStatus: 'adopted', note: '办理中：晋民函〔2022〕35号（2022-07-01）' });
  });

  it('records one suggestion on several clauses and one clause for several suggestions, but a pair only once', async () => {
    const first = await submittedSuggestion();
    const second = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    await owner.ok(RECORD, clauseInput(first.suggestionId, clauses[0].id));
    await owner.ok(RECORD, clauseInput(first.suggestionId, clauses[2].id));
    await owner.ok(RECORD, clauseInput(second.suggestionId, clauses[2].id));
    expect(errorCode(await owner.request(RECORD, clauseInput(first.suggestionId, clauses[0].id)))).toBe('CONFLICT');
    expect((await suggestionOf(first.proposalId)).adoptions.map((a: { clauseId: string }) => a.clauseId)).toEqual([clauses[0].id, clauses[2].id]);
    const { programs } = await owner.ok(PROGRAMS);
    const clause = programs.nodes.find((p: { id: string }) => p.id === programId).clauses.find((c: { id: string }) => c.id === clauses[2].id);
    expect(clause.adoptionCount).toBeGreaterThanOrEqual(2);
    expect(clause.adoptions.map((a: { suggestionId: string }) => a.suggestionId)).toEqual(expect.arrayContaining([first.suggestionId, second.suggestionId]));
  });

  it('validates the record: reason when not adopted, title for documents, a real date, submitted proposals only', async () => {
    const { suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const field = async (variables: Record<string, unknown>) => (await owner.request(RECORD, variables)).errors?.[0]?.extensions?.field;
    expect(await field(clauseInput(suggestionId, clauses[1].id, { status: 'not_adopted' }))).toBe('note');
    expect(await field({ input: { suggestionId, targetKind: 'policy_document', status: 'adopted', decidedOn: '2022-06-01' } })).toBe('documentTitle');
    expect(await field(clauseInput(suggestionId, clauses[1].id, { decidedOn: '2022-02-30' }))).toBe('decidedOn');
    expect(await field(clauseInput(suggestionId, clauses[1].id, { status: 'drafted' }))).toBe('status');
    const draft = await f.create();
    const drafted = await f.addSuggestion(draft.id);
    expect(await field(clauseInput(drafted.id, clauses[1].id))).toBe('suggestionId');
  });

  it('walks the fewest moves of the table to a stronger outcome, one history event per move', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    await (await f.as('linxiaoyan')).ok(RECORD, clauseInput(suggestionId, clauses[0].id, { status: 'implemented', source: '测政〔2023〕1号' }));
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.status).toBe('implemented');
    const note = `已落实：${TEST_PROGRAM.name} （一）1.（2022-06-20）`;
    expect(suggestion.history.slice(-2)).toEqual([
      { fromStatus: 'submitted', toStatus: 'adopted', note, source: '测政〔2023〕1号', actor: { displayName: '林晓燕' } },
      { fromStatus: 'adopted', toStatus: 'implemented', note, source: '测政〔2023〕1号', actor: { displayName: '林晓燕' } },
    ]);
  });

  it('enforces the shared deciders and the table in applyRecordedOutcome itself', async () => {
    const { suggestionId } = await submittedSuggestion();
    const workflow = t.app.get(ProposalWorkflowService);
    const apply = (to: SuggestionStatus, proposalRole: ProposalRole | null, userRole: Role) =>
      runTransaction(t.app.get(DataSource), async (manager) => {
        const suggestion = await workflow.lockSuggestion(manager, suggestionId);
        return workflow.applyRecordedOutcome(manager, { userId: f.userIds.zhangjie, proposalRole, userRole }, suggestion, to, null, null);
      }).then(
        (move) => move,
        (error: { extensions?: { code?: string; field?: string } }) => [error.extensions?.code, error.extensions?.field],
      );
    expect(await apply('adopted', 'reviewer', 'contributor')).toEqual(['FORBIDDEN', undefined]);
    expect(await apply('adopted', null, 'researcher')).toEqual(['FORBIDDEN', undefined]);
    expect(await apply('implemented', 'coauthor', 'member')).toEqual({ from: 'submitted', to: 'implemented' });
    expect(await apply('adopted', 'owner', 'member')).toEqual(['BAD_USER_INPUT', 'status']);
    expect(await apply('submitted', null, 'admin')).toEqual(['BAD_USER_INPUT', 'status']);
  });

  it('updates only the fields given; null clears an optional one; a same-status update emits no adoption event', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const { recordAdoption } = await owner.ok(RECORD, clauseInput(suggestionId, clauses[0].id, { source: '测政〔2022〕9号', note: '纳入纲要' }));
    const before = events.length;
    const FULL = `mutation($input: UpdateAdoptionInput!) { updateAdoption(input: $input) { status decidedOn quotedText source note } }`;
    const { updateAdoption } = await owner.ok(FULL, { input: { adoptionId: recordAdoption.id, note: '纳入测试区纲要第一条' } });
    expect(updateAdoption).toEqual({ status: 'adopted', decidedOn: '2022-06-20', quotedText: clauses[0].text, source: '测政〔2022〕9号', note: '纳入测试区纲要第一条' });
    const cleared = (await owner.ok(FULL, { input: { adoptionId: recordAdoption.id, source: null, note: null } })).updateAdoption;
    expect(cleared).toEqual({ status: 'adopted', decidedOn: '2022-06-20', quotedText: clauses[0].text, source: null, note: null });
    expect(events.length).toBe(before);
    expect((await owner.request(FULL, { input: { adoptionId: recordAdoption.id, status: 'not_adopted' } })).errors?.[0]?.extensions?.field).toBe('note');
    expect((await owner.request(FULL, { input: { adoptionId: recordAdoption.id, decidedOn: null } })).errors?.[0]?.extensions?.field).toBe('decidedOn');
    expect((await suggestionOf(proposalId)).status).toBe('adopted');
  });

  it('recomputes the status from the records left when one changes or goes, through a correction event', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const deleted: DomainEvent[] = [];
    const subscription = t.app.get(DomainEvents).on('adoption.deleted', (e) => deleted.push(e));
    const { recordAdoption: plan } = await owner.ok(RECORD, clauseInput(suggestionId, clauses[0].id, { status: 'included_in_plan' }));
    const { recordAdoption: partial } = await owner.ok(RECORD, clauseInput(suggestionId, clauses[2].id, { status: 'partially_adopted' }));
    expect((await suggestionOf(proposalId)).status).toBe('partially_adopted');

    const before = events.length;
    await owner.ok(UPDATE, { input: { adoptionId: plan.id, status: 'implemented', decidedOn: '2023-03-01', note: '已建成5个托管点' } });
    expect(events.slice(before)).toEqual([expect.objectContaining({ type: 'adoption.recorded', adoptionId: plan.id, status: 'implemented' })]);
    expect((await suggestionOf(proposalId)).status).toBe('implemented');

    await owner.ok(DELETE, { id: plan.id });
    expect((await suggestionOf(proposalId)).status).toBe('partially_adopted');
    await owner.ok(DELETE, { id: partial.id });
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.adoptions).toEqual([]);
    expect(suggestion.status).toBe('under_consideration');
    expect(suggestion.history.slice(-3).map((h: { fromStatus: string; toStatus: string; note: string }) => [h.fromStatus, h.toStatus, h.note.slice(0, 13)])).toEqual([
      ['partially_adopted', 'implemented', '采纳记录更正：修改采纳记录'],
      ['implemented', 'partially_adopted', '采纳记录更正：删除采纳记录'],
      ['partially_adopted', 'under_consideration', '采纳记录更正：删除采纳记录'],
    ]);
    expect(deleted.map((e) => (e.type === 'adoption.deleted' ? e.adoptionId : null))).toEqual([plan.id, partial.id]);
    subscription.unsubscribe();

    // a suggestion never decided stays where it is when its only record goes
    const other = await submittedSuggestion();
    const { recordAdoption: pending } = await owner.ok(RECORD, {
      input: { suggestionId: other.suggestionId, targetKind: 'official_reply', documentTitle: '晋民函〔2022〕40号', status: 'under_consideration', decidedOn: '2022-07-01' },
    });
    await owner.ok(DELETE, { id: pending.id });
    expect((await suggestionOf(other.proposalId)).status).toBe('under_consideration');
  });

  it('gives the same NOT_FOUND for unknown adoption ids and those of proposals the caller does not see', async () => {
    const { suggestionId } = await submittedSuggestion();
    const { recordAdoption } = await (await f.as('zhangjie')).ok(RECORD, clauseInput(suggestionId, clauses[0].id));
    const outsider = await stranger();
    const unknown = await outsider.request(DELETE, { id: '00000000-0000-4000-8000-000000000000' });
    const invisible = await outsider.request(DELETE, { id: recordAdoption.id });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(invisible.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(errorCode(invisible)).toBe('NOT_FOUND');
  });

  it('refuses outsiders and roles that do not decide on matching, updating and confirming, and writes nothing', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const { recordAdoption } = await (await f.as('zhangjie')).ok(RECORD, clauseInput(suggestionId, clauses[0].id));
    const pending = await submittedSuggestion();
    const outsider = await stranger();
    const contributor = await f.as('chenfang');
    const researcher = await f.as('liusiyuan');
    const confirm = (id: string) => ({ input: { suggestionId: id, clauseId: clauses[2].id, decidedOn: '2022-06-20' } });

    expect(errorCode(await outsider.request(MATCHES, { id: pending.suggestionId, programId }))).toBe('NOT_FOUND');
    expect(errorCode(await outsider.request(UPDATE, { input: { adoptionId: recordAdoption.id, note: '改' } }))).toBe('NOT_FOUND');
    expect(errorCode(await outsider.request(CONFIRM, confirm(pending.suggestionId)))).toBe('NOT_FOUND');
    expect(errorCode(await contributor.request(UPDATE, { input: { adoptionId: recordAdoption.id, note: '改' } }))).toBe('FORBIDDEN');
    expect(errorCode(await contributor.request(CONFIRM, confirm(pending.suggestionId)))).toBe('FORBIDDEN');
    expect(errorCode(await researcher.request(CONFIRM, confirm(pending.suggestionId)))).toBe('FORBIDDEN');

    const { programMatches: seenByOutsider } = await outsider.ok(PROGRAM_MATCHES, { id: programId });
    const { programMatches: seenByAdmin } = await (await f.as('admin')).ok(PROGRAM_MATCHES, { id: programId });
    const about = (list: { suggestion: { id: string } }[]) => list.filter((m) => m.suggestion.id === pending.suggestionId);
    expect(about(seenByAdmin)).toHaveLength(1);
    expect(about(seenByOutsider)).toEqual([]);

    expect((await suggestionOf(proposalId)).adoptions).toEqual([expect.objectContaining({ id: recordAdoption.id, status: 'adopted' })]);
    expect((await suggestionOf(pending.proposalId)).adoptions).toEqual([]);
    expect(await t.app.get(DataSource).getRepository(MatchDecisionEntity).countBy({ suggestionId: pending.suggestionId })).toBe(0);
  });

  it('needs a session to read programs and clauses, shows outsiders no adoptions on a clause, and lets only admins delete programs', async () => {
    const { suggestionId } = await submittedSuggestion();
    await (await f.as('zhangjie')).ok(RECORD, clauseInput(suggestionId, clauses[1].id));
    const CLAUSE = `query($id: ID!) { programClause(id: $id) { id adoptionCount adoptions { suggestionId } } }`;
    expect(errorCode(await t.client().request(`query($id: ID!) { program(id: $id) { id } }`, { id: programId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.client().request(CLAUSE, { id: clauses[1].id }))).toBe('UNAUTHENTICATED');
    const seenByOwner = (await (await f.as('zhangjie')).ok(CLAUSE, { id: clauses[1].id })).programClause;
    expect(seenByOwner.adoptions.map((a: { suggestionId: string }) => a.suggestionId)).toContain(suggestionId);
    const seenByOutsider = (await (await stranger()).ok(CLAUSE, { id: clauses[1].id })).programClause;
    expect(seenByOutsider.adoptions.map((a: { suggestionId: string }) => a.suggestionId)).not.toContain(suggestionId);
    expect(seenByOutsider.adoptionCount).toBeLessThan(seenByOwner.adoptionCount);
    expect(errorCode(await (await f.as('zhangjie')).request(`mutation($id: ID!) { deleteProgram(id: $id) }`, { id: programId }))).toBe('FORBIDDEN');
  });

  it('records only on goals and measures, not on headings', async () => {
    const { suggestionId } = await submittedSuggestion();
    const area = (await (await f.as('admin')).ok(`query($id: ID!) { program(id: $id) { clauses { id kind } } }`, { id: programId })).program.clauses.find(
      (c: { kind: string }) => c.kind === 'area',
    );
    const result = await (await f.as('zhangjie')).request(RECORD, clauseInput(suggestionId, area.id));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clauseId' });
  });

  it('records one pair once even when two requests race, and keeps the history a chain', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const coauthor = await f.as('linxiaoyan');
    const same = await Promise.all([owner.request(RECORD, clauseInput(suggestionId, clauses[0].id)), coauthor.request(RECORD, clauseInput(suggestionId, clauses[0].id))]);
    expect(same.map((r) => (r.errors ? errorCode(r) : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    await Promise.all([
      owner.ok(RECORD, clauseInput(suggestionId, clauses[2].id, { status: 'implemented' })),
      coauthor.ok(RECORD, { input: { suggestionId, targetKind: 'official_reply', documentTitle: '晋民函〔2023〕2号', status: 'partially_adopted', decidedOn: '2023-01-01' } }),
    ]);
    const suggestion = await suggestionOf(proposalId);
    expect(suggestion.status).toBe('implemented');
    const history = suggestion.history.filter((h: { fromStatus: string | null }) => h.fromStatus !== 'drafted' && h.fromStatus !== null);
    history.slice(1).forEach((h: { fromStatus: string }, i: number) => expect(h.fromStatus).toBe(history[i].toStatus));
  });

  it('recognises a unique-constraint violation of either database, which the service reports as CONFLICT', async () => {
    const { suggestionId } = await submittedSuggestion();
    const pair = { suggestionId, clauseId: clauses[1].id, decision: 'rejected' as const, decidedById: f.userIds.zhangjie, decidedAt: new Date() };
    const decisions = t.app.get(DataSource).getRepository(MatchDecisionEntity);
    await decisions.insert(decisions.create(pair));
    const error = await decisions.insert(decisions.create(pair)).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
  });

  it('counts on a clause badge the distinct suggestions it took up, over the proposals the caller sees', async () => {
    const first = await submittedSuggestion();
    const second = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const { createProgram } = await (await f.as('admin')).ok(CREATE_PROGRAM, { input: { ...TEST_PROGRAM, name: '徽章测试纲要' } });
    const clause = createProgram.clauses.find((c: { kind: string }) => c.kind === 'measure');
    await owner.ok(RECORD, clauseInput(first.suggestionId, clause.id, { status: 'adopted' }));
    await owner.ok(RECORD, clauseInput(second.suggestionId, clause.id, { status: 'not_adopted', note: '条件不具备' }));
    const badge = async (who: 'zhangjie' | 'stranger') =>
      (await (who === 'stranger' ? await stranger() : await f.as(who)).ok(`query($id: ID!) { program(id: $id) { clauses { id adoptionCount adoptions { suggestionId } } } }`, { id: createProgram.id })).program.clauses.find(
        (c: { id: string }) => c.id === clause.id,
      );
    expect(await badge('zhangjie')).toMatchObject({ adoptionCount: 1, adoptions: [{ suggestionId: first.suggestionId }, { suggestionId: second.suggestionId }] });
    expect(await badge('stranger')).toMatchObject({ adoptionCount: 0, adoptions: [] });
  });

  it('tells followers of a not-adopted outcome with its own status in the e-mail subject', () => {
    const notification = { kind: 'adoption', proposalId: 'p', payload: { title: '关于流动儿童的建议', to: 'not_adopted', suggestionNumber: 1, suggestionTitle: '托管' } };
    const mail = immediateEmail(notification as unknown as NotificationEntity, null);
    expect(mail.subject).toBe('[建言] 办理结果：未采纳：关于流动儿童的建议');
    expect(mail.text).toContain('记录办理结果：未采纳');
    expect(mail.subject).not.toContain('被采纳');
  });

  it('proposes similar clauses with shared words; rejected and confirmed pairs are not proposed again', async () => {
    const { proposalId, suggestionId } = await submittedSuggestion();
    const owner = await f.as('zhangjie');
    const { matches: suggestionMatches } = (await owner.ok(MATCHES, { id: suggestionId, programId })).suggestionMatches;
    expect(suggestionMatches.map((m: { clauseId: string }) => m.clauseId)).toEqual(expect.arrayContaining([clauses[0].id, clauses[2].id]));
    expect(suggestionMatches.map((m: { clauseId: string }) => m.clauseId)).not.toContain(clauses[1].id);
    expect(suggestionMatches[0].overlap).toEqual(expect.arrayContaining(['流动', '托管', '课后']));
    expect(suggestionMatches[0].programName).toBe(TEST_PROGRAM.name);

    await owner.ok(REJECT, { s: suggestionId, c: clauses[2].id });
    const { confirmClauseMatch } = await owner.ok(CONFIRM, { input: { suggestionId, clauseId: clauses[0].id, decidedOn: '2022-06-20' } });
    expect(confirmClauseMatch).toMatchObject({ status: 'adopted', quotedText: clauses[0].text, clauseId: clauses[0].id });
    expect((await owner.ok(MATCHES, { id: suggestionId, programId })).suggestionMatches.matches).toEqual([]);
    expect((await suggestionOf(proposalId)).status).toBe('adopted');

    const { programMatches } = await (await f.as('admin')).ok(PROGRAM_MATCHES, { id: programId });
    const entries = programMatches.filter((m: { suggestion: { id: string } }) => m.suggestion.id === suggestionId);
    expect(entries.map((e: { matches: unknown[] }) => e.matches)).toEqual([[]]);
    expect(programMatches.length).toBeGreaterThan(0);
    expect(programMatches[0].matches[0].score).toBeGreaterThan(0);
  });

  it('refuses to delete a program while adoption records point at it', async () => {
    const result = await (await f.as('admin')).request(`mutation($id: ID!) { deleteProgram(id: $id) }`, { id: programId });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors![0].message).toMatch(/adoption record/);
  });

  it('proposes the Jin’an clause for the story suggestion when matching across all programs, until it is adopted', async () => {
    const owner = await f.as('zhangjie');
    const { proposals } = await owner.ok(`{ proposals(first: 50) { nodes { id title } } }`);
    const story = proposals.nodes.find((p: { title: string }) => p.title.startsWith('关于加大政府购买服务力度'));
    const storySuggestion = (await owner.ok(SUGGESTION, { id: story.id })).proposal.suggestions[0];
    expect(storySuggestion.status).toBe('adopted');
    const { suggestion, matches: suggestionMatches } = (await owner.ok(MATCHES, { id: storySuggestion.id })).suggestionMatches;
    expect(suggestion.id).toBe(storySuggestion.id);
    // the adopting Jin'an clause is excluded; the national program's similar measures are proposed
    expect(suggestionMatches.map((m: { text: string }) => m.text)).not.toContain(storySuggestion.adoptions[0].quotedText);
    expect(suggestionMatches.length).toBeGreaterThan(0);
  });
});
