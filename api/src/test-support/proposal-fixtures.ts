import { GraphQLTestClient, errorCode } from './graphql-client';
import { TestApp } from './test-app';

/** The demo accounts by short name (see seed/demo-data.ts). */
export const PEOPLE = {
  admin: 'admin@jianyan.demo',
  zhangjie: 'zhangjie@jianyan.demo',
  linxiaoyan: 'linxiaoyan@jianyan.demo',
  chenfang: 'chenfang@jianyan.demo',
  liusiyuan: 'liusiyuan@jianyan.demo',
  huangli: 'huangli@jianyan.demo',
} as const;
export type Person = keyof typeof PEOPLE;

export const PROPOSAL_FIELDS = `id title summary target year topics status version myRole allowedTransitions
  district { code } leadAuthor { displayName } members { role user { id displayName } } suggestionCount
  suggestions { id number title status }`;

export const CREATE_PROPOSAL = `mutation($input: CreateProposalInput!) { createProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const UPDATE_PROPOSAL = `mutation($input: UpdateProposalInput!) { updateProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const GET_PROPOSAL = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const TRANSITION = `mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id status version } }`;
export const RECORD_ANSWER = `mutation($input: RecordAnswerInput!) { recordAnswer(input: $input) { id status version } }`;
export const ADD_MEMBER = `mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id members { role user { displayName } } } }`;
export const ADD_SUGGESTION = `mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id number title text programArea status } }`;
export const COUNT_PROPOSALS = `query($filter: ProposalFilter) { proposals(first: 100, filter: $filter) { totalCount nodes { id } } }`;

export const ANSWER = {
  answeredOn: '2022-06-15',
  replyingUnit: '晋安区民政局',
  answerClass: 'B',
  text: '已列入区妇女发展纲要，逐步落实。',
  documentRef: '晋民函〔2022〕35号',
};

/** Signed-in clients per demo account, user and organisation ids, and shortcuts that build proposals. */
export class ProposalFixtures {
  private clients = new Map<Person, Promise<GraphQLTestClient>>();
  userIds = {} as Record<Person, string>;
  orgIds: Record<string, string> = {};

  constructor(readonly t: TestApp) {}

  async init(): Promise<this> {
    const admin = await this.as('admin');
    const users = await admin.ok('{ users(first: 100) { nodes { id email } } }');
    for (const [person, email] of Object.entries(PEOPLE) as [Person, string][]) {
      this.userIds[person] = users.users.nodes.find((u: { email: string }) => u.email === email).id;
    }
    const orgs = await admin.ok('{ organizations { id code } }');
    this.orgIds = Object.fromEntries(orgs.organizations.map((o: { code: string; id: string }) => [o.code, o.id]));
    return this;
  }

  /** One sign-in per person, shared by callers that ask at once (parallel sign-ins would meet the throttle). */
  as(person: Person): Promise<GraphQLTestClient> {
    let client = this.clients.get(person);
    if (!client) {
      client = this.t.signIn(PEOPLE[person]);
      this.clients.set(person, client);
    }
    return client;
  }

  async create(person: Person = 'zhangjie', input: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const data = await (await this.as(person)).ok(CREATE_PROPOSAL, {
      input: { title: '关于加强流动儿童课后服务的建议', year: 2024, districtId: this.orgIds.jinan, ...input },
    });
    return data.createProposal;
  }

  async addMember(proposalId: string, person: Person, role: string, by: Person = 'zhangjie'): Promise<void> {
    await (await this.as(by)).ok(ADD_MEMBER, { input: { proposalId, userId: this.userIds[person], role } });
  }

  async addSuggestion(proposalId: string, title = '建立流动儿童课后托管服务点', by: Person = 'zhangjie'): Promise<Record<string, any>> {
    return (await (await this.as(by)).ok(ADD_SUGGESTION, { input: { proposalId, title, text: '依托社区开展。' } })).addSuggestion;
  }

  async transition(proposalId: string, to: string, by: Person = 'zhangjie', note?: string) {
    return (await this.as(by)).request(TRANSITION, { input: { proposalId, to, note } });
  }

  /**
   * A proposal owned by 张洁 with 林晓燕 as co-author, 陈芳 as reviewer and 刘思远 as viewer,
   * one suggestion, moved by its owner to `status`.
   */
  async proposalIn(status: 'draft' | 'in_review' | 'submitted' | 'answered' | 'closed'): Promise<string> {
    const { id } = await this.create();
    await this.addMember(id, 'linxiaoyan', 'coauthor');
    await this.addMember(id, 'chenfang', 'reviewer');
    await this.addMember(id, 'liusiyuan', 'viewer');
    await this.addSuggestion(id);
    const owner = await this.as('zhangjie');
    const path = ['in_review', 'submitted', 'answered', 'closed'];
    for (const next of path.slice(0, path.indexOf(status) + 1)) {
      const result =
        next === 'answered'
          ? await owner.request(RECORD_ANSWER, { input: { proposalId: id, ...ANSWER } })
          : await this.transition(id, next);
      if (result.errors) throw new Error(`could not move to ${next}: ${JSON.stringify(result.errors)}`);
    }
    return id;
  }

  async count(person: Person, filter?: Record<string, unknown>): Promise<number> {
    return (await (await this.as(person)).ok(COUNT_PROPOSALS, { filter })).proposals.totalCount;
  }

  async statusOf(proposalId: string): Promise<string> {
    return (await (await this.as('zhangjie')).ok(GET_PROPOSAL, { id: proposalId })).proposal.status;
  }
}

export { errorCode };
