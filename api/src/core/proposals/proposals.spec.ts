import { DataSource } from 'typeorm';
import { EventOutboxWorker } from '../../common/event-outbox';
import { SearchIndexer } from '../../search/search-indexer';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import {
  CREATE_PROPOSAL,
  GET_PROPOSAL,
  ProposalFixtures,
  UPDATE_PROPOSAL,
  errorCode,
} from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

describe('proposals: creation, editing, visibility and listing', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it('creates a draft whose creator is owner and lead author, with one history entry', async () => {
    const created = await f.create('zhangjie', {
      title: '  关于完善流动妇女职业技能培训补贴的建议 ',
      summary: '背景与分析',
      target: '晋安区人民政府',
      topics: ['women_economy', 'women_economy', '职业培训'],
    });
    expect(created).toMatchObject({
      title: '关于完善流动妇女职业技能培训补贴的建议',
      summary: '背景与分析',
      target: '晋安区人民政府',
      year: 2024,
      topics: ['women_economy', '职业培训'],
      status: 'draft',
      version: 1,
      myRole: 'owner',
      allowedTransitions: ['in_review'],
      district: { code: 'jinan' },
      leadAuthor: { displayName: '张洁' },
      members: [{ role: 'owner', user: { displayName: '张洁' } }],
      suggestionCount: 0,
      suggestions: [],
    });
    const client = await f.as('zhangjie');
    const { proposal } = await client.ok(`query($id: ID!) { proposal(id: $id) { timeline { fromStatus toStatus actor { displayName } } } }`, {
      id: created.id,
    });
    expect(proposal.timeline).toEqual([{ fromStatus: null, toStatus: 'draft', actor: { displayName: '张洁' } }]);
  });

  it.each(['admin', 'huangli'] as const)('lets a %s create proposals', async (person) => {
    expect((await f.create(person)).myRole).toBe('owner');
  });

  it.each(['chenfang', 'liusiyuan'] as const)('refuses proposal creation to %s (contributor / researcher) and writes nothing', async (person) => {
    const before = await f.count('admin');
    const result = await (await f.as(person)).request(CREATE_PROPOSAL, {
      input: { title: '越权建议', year: 2024, districtId: f.orgIds.jinan },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await f.count('admin')).toBe(before);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: '建'.repeat(201) }, 'title'],
    ['the year 1999', { year: 1999 }, 'year'],
    ['the year 2101', { year: 2101 }, 'year'],
    ['an unknown district', { districtId: 'no-such-district' }, 'districtId'],
    ['a topic over 40 characters', { topics: ['x'.repeat(41)] }, 'topics.0'],
    ['a summary over 5000 characters', { summary: '长'.repeat(5001) }, 'summary'],
  ])('refuses %s naming the field, and writes nothing', async (_label, input, field) => {
    const client = await f.as('zhangjie');
    const before = await f.count('zhangjie');
    const result = await client.request(CREATE_PROPOSAL, { input: { title: '有效标题', year: 2024, districtId: f.orgIds.jinan, ...input } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await f.count('zhangjie')).toBe(before);
  });

  it('accepts a title of exactly 200 characters and the years 2000 and 2100', async () => {
    expect((await f.create('zhangjie', { title: '题'.repeat(200), year: 2000 })).title).toHaveLength(200);
    expect((await f.create('zhangjie', { year: 2100 })).year).toBe(2100);
  });

  it('refuses an organisation that is not a district as the district', async () => {
    const result = await (await f.as('zhangjie')).request(CREATE_PROPOSAL, {
      input: { title: '市级建议', year: 2024, districtId: f.orgIds.fuzhou },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
  });

  it('keeps a draft invisible to non-members, even in list totals; shows submitted ones to federation leaders and admins', async () => {
    const totals = async () => ({
      linxiaoyan: await f.count('linxiaoyan'),
      huangli: await f.count('huangli'),
      admin: await f.count('admin'),
      chenfang: await f.count('chenfang'),
    });
    const before = await totals();
    const { id } = await f.create('zhangjie', { title: '未公开的草稿' });
    await f.addSuggestion(id);
    expect(await totals()).toEqual(before);
    for (const person of ['linxiaoyan', 'huangli', 'admin', 'chenfang'] as const) {
      expect(errorCode(await (await f.as(person)).request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
    }
    const searched = await (await f.as('huangli')).ok(
      `query($text: String) { proposals(filter: { text: $text }) { totalCount nodes { id } } }`,
      { text: '未公开' },
    );
    expect(searched.proposals).toEqual({ totalCount: 0, nodes: [] });

    await f.transition(id, 'in_review');
    expect(errorCode(await (await f.as('huangli')).request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
    await f.transition(id, 'submitted');
    const after = await totals();
    expect(after).toEqual({ ...before, huangli: before.huangli + 1, admin: before.admin + 1 });
    const seen = await (await f.as('huangli')).ok(GET_PROPOSAL, { id });
    expect(seen.proposal).toMatchObject({ status: 'submitted', myRole: null, allowedTransitions: ['answered'] });
    expect(errorCode(await (await f.as('chenfang')).request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await (await f.as('linxiaoyan')).request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
  });

  it('does not show submitted proposals to the leader of another federation', async () => {
    const orgs = t.app.get(OrganizationsService);
    const xiamen = await orgs.create({ code: 'xiamen', name: '厦门市妇联', nameEn: 'Xiamen Women’s Federation', kind: 'federation' });
    const siming = await orgs.create({ code: 'siming', name: '思明区妇联', nameEn: 'Siming', kind: 'district', parentId: xiamen.id });
    await t.app.get(UsersService).create(null, {
      displayName: '外市领导',
      email: 'leader@xiamen.demo',
      role: 'leader',
      organizationId: siming.id,
      password: 'another-federation-pass',
    });
    const outsider = t.client();
    await outsider.login('leader@xiamen.demo', 'another-federation-pass');
    const id = await f.proposalIn('submitted');
    expect(errorCode(await outsider.request(GET_PROPOSAL, { id }))).toBe('NOT_FOUND');
    expect((await outsider.ok('{ proposals { totalCount } }')).proposals.totalCount).toBe(0);
    const wrongDistrict = await (await f.as('zhangjie')).request(CREATE_PROPOSAL, {
      input: { title: '别市建议', year: 2024, districtId: siming.id },
    });
    expect(wrongDistrict.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtId' });
  });

  it('updates fields for owners and co-authors, bumping the version', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'linxiaoyan', 'coauthor');
    const coauthor = await f.as('linxiaoyan');
    const updated = await coauthor.ok(UPDATE_PROPOSAL, {
      input: { id, expectedVersion: 1, title: '修改后的标题', target: '福州市人民政府', year: 2025, topics: ['children_education'] },
    });
    expect(updated.updateProposal).toMatchObject({
      title: '修改后的标题',
      target: '福州市人民政府',
      year: 2025,
      topics: ['children_education'],
      version: 2,
    });
    const cleared = await coauthor.ok(UPDATE_PROPOSAL, { input: { id, target: null, leadAuthorId: f.userIds.linxiaoyan } });
    expect(cleared.updateProposal).toMatchObject({ target: null, title: '修改后的标题', version: 3, leadAuthor: { displayName: '林晓燕' } });
  });

  it('refuses a stale expectedVersion with CONFLICT and keeps the newer text', async () => {
    const { id } = await f.create();
    const owner = await f.as('zhangjie');
    await owner.ok(UPDATE_PROPOSAL, { input: { id, expectedVersion: 1, title: '第一次修改' } });
    const stale = await owner.request(UPDATE_PROPOSAL, { input: { id, expectedVersion: 1, title: '过期的修改' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const staleMove = await owner.request(
      `mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { status } }`,
      { input: { proposalId: id, to: 'in_review', expectedVersion: 1 } },
    );
    expect(errorCode(staleMove)).toBe('CONFLICT');
    expect((await owner.ok(GET_PROPOSAL, { id })).proposal).toMatchObject({ title: '第一次修改', version: 2, status: 'draft' });
  });

  it('refuses edits with bad values naming the field, and a lead author who is not an author', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'chenfang', 'reviewer');
    const owner = await f.as('zhangjie');
    for (const [input, field] of [
      [{ title: '' }, 'title'],
      [{ year: 3000 }, 'year'],
      [{ districtId: f.orgIds.fuzhou }, 'districtId'],
      [{ leadAuthorId: f.userIds.chenfang }, 'leadAuthorId'],
      [{ leadAuthorId: f.userIds.huangli }, 'leadAuthorId'],
    ] as const) {
      const result = await owner.request(UPDATE_PROPOSAL, { input: { id, ...input } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await owner.ok(GET_PROPOSAL, { id })).proposal.version).toBe(1);
  });

  it('lets a viewer and a reviewer read but not edit', async () => {
    const { id } = await f.create();
    await f.addMember(id, 'liusiyuan', 'viewer');
    await f.addMember(id, 'chenfang', 'reviewer');
    for (const person of ['liusiyuan', 'chenfang'] as const) {
      const client = await f.as(person);
      expect((await client.ok(GET_PROPOSAL, { id })).proposal.myRole).toBe(person === 'liusiyuan' ? 'viewer' : 'reviewer');
      expect(errorCode(await client.request(UPDATE_PROPOSAL, { input: { id, title: '越权修改' } }))).toBe('FORBIDDEN');
      const add = await client.request(`mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }`, {
        input: { proposalId: id, title: '越权建议' },
      });
      expect(errorCode(add)).toBe('FORBIDDEN');
    }
    expect((await (await f.as('zhangjie')).ok(GET_PROPOSAL, { id })).proposal).toMatchObject({ version: 1, suggestionCount: 0 });
  });

  it('refuses edits once submitted', async () => {
    const id = await f.proposalIn('submitted');
    const result = await (await f.as('zhangjie')).request(UPDATE_PROPOSAL, { input: { id, title: '提交后修改' } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(result.errors?.[0].message).toMatch(/submitted/);
  });

  describe('listing', () => {
    let mine: string[];
    const LIST = `query($first: Int!, $after: String, $filter: ProposalFilter, $sort: ProposalSort) {
      proposals(first: $first, after: $after, filter: $filter, sort: $sort) {
        totalCount nodes { id title year updatedAt } pageInfo { endCursor hasNextPage }
      }
    }`;

    beforeAll(async () => {
      mine = [];
      const titles = ['丙：社区托育', '甲：家政培训', '乙：校园社工站', '丁：心理关爱', '戊：法律援助'];
      for (const [i, title] of titles.entries()) {
        // a Jin'an member files under Jin'an only: the Cangshan one is filed by the city admin, with her as co-author
        const inCangshan = i === 4;
        const created = await f.create(inCangshan ? 'admin' : 'linxiaoyan', {
          title: `列表测试${title}`,
          year: 2020 + i,
          topics: i % 2 === 0 ? ['women_economy'] : ['children_education', 'x_y%'],
          districtId: inCangshan ? f.orgIds.cangshan : f.orgIds.jinan,
        });
        if (inCangshan) await f.addMember(created.id, 'linxiaoyan', 'coauthor', 'admin');
        mine.push(created.id);
      }
    });

    async function pageAll(sort: Record<string, string>, filter: Record<string, unknown>, first = 2) {
      const client = await f.as('linxiaoyan');
      const seen: { id: string; title: string; year: number; updatedAt: string }[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 20; page++) {
        const data: any = await client.ok(LIST, { first, after, filter, sort });
        total = data.proposals.totalCount;
        seen.push(...data.proposals.nodes);
        if (!data.proposals.pageInfo.hasNextPage) break;
        after = data.proposals.pageInfo.endCursor;
      }
      return { seen, total };
    }

    it.each([
      [{ field: 'TITLE', direction: 'ASC' }, (a: any, b: any) => (a.title < b.title ? -1 : 1)],
      [{ field: 'TITLE', direction: 'DESC' }, (a: any, b: any) => (a.title > b.title ? -1 : 1)],
      [{ field: 'YEAR', direction: 'DESC' }, (a: any, b: any) => b.year - a.year],
      [{ field: 'UPDATED_AT', direction: 'DESC' }, (a: any, b: any) => b.updatedAt.localeCompare(a.updatedAt)],
      [{ field: 'CREATED_AT', direction: 'ASC' }, null],
    ])('pages through with sort %p, without repeats or gaps', async (sort, compare) => {
      const { seen, total } = await pageAll(sort, { text: '列表测试' });
      expect(total).toBe(5);
      expect(seen.map((p) => p.id).sort()).toEqual([...mine].sort());
      if (compare) expect(seen).toEqual([...seen].sort(compare));
      else expect(seen.map((p) => p.id)).toEqual(mine);
    });

    it('filters by status, district, year, topic, member and title words', async () => {
      const client = await f.as('linxiaoyan');
      const ids = async (filter: Record<string, unknown>) =>
        (await client.ok(LIST, { first: 100, filter: { text: '列表测试', ...filter } })).proposals.nodes.map((p: { id: string }) => p.id).sort();
      expect(await ids({ year: 2021 })).toEqual([mine[1]]);
      expect(await ids({ districtId: f.orgIds.cangshan })).toEqual([mine[4]]);
      expect(await ids({ topic: 'women_economy' })).toEqual([mine[0], mine[2], mine[4]].sort());
      expect(await ids({ topic: 'x_y%' })).toEqual([mine[1], mine[3]].sort());
      expect(await ids({ topic: 'x' })).toEqual([]);
      expect(await ids({ status: 'draft' })).toHaveLength(5);
      expect(await ids({ status: 'submitted' })).toEqual([]);
      expect(await ids({ text: '校园' })).toEqual([mine[2]]);
      expect(await ids({ memberId: f.userIds.linxiaoyan })).toHaveLength(5);
      expect(await ids({ memberId: f.userIds.zhangjie })).toEqual([]);
    });

    it('refuses a bad cursor and a page size out of range', async () => {
      const client = await f.as('linxiaoyan');
      expect(errorCode(await client.request(LIST, { first: 2, after: 'garbage' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await client.request(LIST, { first: 101 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await client.request(LIST, { first: 0 }))).toBe('BAD_USER_INPUT');
    });
  });

  it('lists a page of proposals with nested fields in a fixed number of SQL queries, whatever the page size', async () => {
    const owner = await f.as('zhangjie');
    for (let i = 0; i < 50; i++) {
      const { id } = await f.create('zhangjie', { title: `批量建议 ${String(i).padStart(2, '0')}` });
      await f.addMember(id, 'linxiaoyan', 'coauthor');
      if (i % 5 === 0) await f.addSuggestion(id);
    }
    // Background work (the search indexer and the event outbox worker) would add its own queries to the count.
    const indexer = t.app.get(SearchIndexer);
    indexer.stopPolling();
    await indexer.catchUp();
    const eventOutbox = t.app.get(EventOutboxWorker);
    eventOutbox.stopPolling();
    await eventOutbox.drain();
    const logger = t.app.get(DataSource).logger;
    const spy = jest.spyOn(logger, 'logQuery');
    const LIST_WITH_NESTED = `query($first: Int!) {
      proposals(first: $first, filter: { text: "批量建议" }) {
        totalCount
        nodes {
          id title status myRole allowedTransitions suggestionCount
          members { role user { displayName } }
          lastStatusChange { toStatus occurredAt }
          leadAuthor { displayName }
          district { name }
        }
      }
    }`;
    const queriesFor = async (first: number) => {
      spy.mockClear();
      const data = await owner.ok(LIST_WITH_NESTED, { first });
      expect(data.proposals.nodes).toHaveLength(first);
      expect(data.proposals.nodes[0]).toMatchObject({ myRole: 'owner', lastStatusChange: { toStatus: 'draft' }, district: { name: '晋安区妇联' } });
      expect(data.proposals.nodes[0].members).toHaveLength(2);
      return spy.mock.calls.length;
    };
    const ten = await queriesFor(10);
    const fifty = await queriesFor(50);
    spy.mockRestore();
    process.stdout.write(`SQL queries for proposals(first: 10): ${ten}, proposals(first: 50): ${fifty}\n`);
    expect(fifty).toBe(ten);
    expect(ten).toBeLessThanOrEqual(12);
  });
});
