import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { NotificationKit } from './notification-test-kit';

const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id clauses { id kind } } }`;
const RECORD = `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }`;

const PROGRAM = {
  name: '通知测试区妇女发展纲要（2021—2030年）',
  issuingBody: '通知测试区人民政府',
  periodStart: 2021,
  periodEnd: 2030,
  sourceDocument: '测政〔2022〕10号',
  nodes: [
    { depth: 0, kind: 'area', number: '（一）', text: '儿童与家庭' },
    { depth: 1, kind: 'measure', number: '1.', text: '在流动儿童集中的社区建立课后托管服务点。' },
  ],
};

describe('adoption notifications and program follows', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;
  let programId: string;
  let clauseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
    const created = (await (await f.as('admin')).ok(CREATE_PROGRAM, { input: PROGRAM })).createProgram;
    programId = created.id;
    clauseId = created.clauses.find((c: { kind: string }) => c.kind === 'measure').id;
  });
  afterAll(() => t.close());

  it('tells the program’s followers who see the proposal when one of its clauses adopts a suggestion', async () => {
    expect(errorCode(await k.follow('huangli', 'program', '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect((await k.follow('huangli', 'program', programId)).errors).toBeUndefined();
    expect((await k.follow('liusiyuan', 'program', programId)).errors).toBeUndefined();
    const { id, suggestionId } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.move(id, 'submitted');

    await (await f.as('zhangjie')).ok(RECORD, {
      input: { suggestionId, targetKind: 'clause', clauseId, status: 'adopted', decidedOn: '2022-06-20' },
    });
    const adoption = { kind: 'adoption', proposalId: id, suggestionId, toStatus: 'adopted', suggestionNumber: 1, actorName: '张洁' };
    expect((await k.of('huangli', id)).find((n) => n.kind === 'adoption')).toMatchObject(adoption);
    // one notification for the adoption, not a second one for the suggestion's move to adopted
    const coauthorNotes = (await k.of('linxiaoyan', id)).filter((n) => n.suggestionId === suggestionId);
    expect(coauthorNotes).toHaveLength(1);
    expect(coauthorNotes[0]).toMatchObject(adoption);
    // a researcher who follows the program but may not see the proposal is not told
    expect(await k.of('liusiyuan', id)).toEqual([]);

    // editing the record without changing its outcome tells nobody; deleting it tells of the status change only
    const { proposal } = await (await f.as('zhangjie')).ok(`query($id: ID!) { proposal(id: $id) { suggestions { adoptions { id } } } }`, { id });
    const adoptionId = proposal.suggestions[0].adoptions[0].id;
    await (await f.as('zhangjie')).ok(`mutation($input: UpdateAdoptionInput!) { updateAdoption(input: $input) { id } }`, { input: { adoptionId, note: '补充说明' } });
    expect((await k.of('linxiaoyan', id)).filter((n) => n.suggestionId === suggestionId)).toHaveLength(1);
    await (await f.as('zhangjie')).ok(`mutation($id: ID!) { deleteAdoption(id: $id) }`, { id: adoptionId });
    const after = (await k.of('linxiaoyan', id)).filter((n) => n.suggestionId === suggestionId);
    expect(after).toHaveLength(2);
    expect(after.find((n) => n.kind === 'suggestion_status')).toMatchObject({ toStatus: 'under_consideration' });
  });
});
