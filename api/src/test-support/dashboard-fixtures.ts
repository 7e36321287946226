import type { Role } from '@jianyan/shared';
import { Actor } from '../common/graphql-context';
import { GraphQLTestClient } from './graphql-client';
import { ANSWER, RECORD_ANSWER, TRANSITION } from './proposal-fixtures';
import { CREATE_EVIDENCE, PUBLISH_EVIDENCE } from './evidence-fixtures';
import { TestApp } from './test-app';
import { AdoptionService } from '../core/adoption/adoption.service';
import { OrganizationsService } from '../core/organizations/organizations.service';
import { ProgramsService } from '../core/programs/programs.service';
import { UsersService } from '../core/users/users.service';

const PASSWORD = 'dashboard-test-password';
type Who = 'leader' | 'admin' | 'memberA' | 'memberB';

/**
 * A federation of its own (泉州市妇联 with 丰泽区 and 鲤城区), so the demo data of Fuzhou does not
 * enter its figures: its leader sees only these proposals. Everything is created through the
 * services and GraphQL; only the submission dates are moved back in time (status_events), so the
 * day counts are known.
 *
 * | proposal | author  | district | year | status    | submitted  | suggestions (area): outcome |
 * | P1       | memberA | fengze   | 2023 | submitted | 2023-03-01 | S1 (economy): adopted 2023-06-30, implemented 2024-01-10; S2 (health): not adopted 2023-05-01; S3 (none): – |
 * | P2       | memberB | licheng  | 2023 | submitted | 2023-05-10 | S4 (economy): included in plan 2023-08-08; S5 (children education): under consideration 2023-07-01 |
 * | P3       | memberA | licheng  | 2024 | submitted | 2024-02-01 | S6 (economy): partially adopted 2024-03-02; S7 (children welfare): – |
 * | P4       | memberB | fengze   | 2024 | submitted | 2024-06-01 | S8 (health): – |
 * | P5       | memberA | fengze   | 2024 | draft     | –          | S9 (economy): – (not counted) |
 * | P6       | memberB | fengze   | 2024 | answered  | 2024-01-15 | S10 (family): – (answered by the official reply) |
 *
 * Evidence: E1 (public) and E2 (restricted, by memberA) both linked to S1; E3 (public) to S3.
 */
export class DashboardFixture {
  clients = {} as Record<Who, GraphQLTestClient>;
  actors = {} as Record<Who, Actor>;
  orgs = {} as Record<'quanzhou' | 'fengze' | 'licheng', string>;
  proposals: Record<string, string> = {};
  suggestions: Record<string, string> = {};
  private proposalOfSuggestion: Record<string, string> = {};
  evidence: Record<string, string> = {};
  clauses: Record<string, string> = {};
  programId = '';

  constructor(readonly t: TestApp) {}

  async init(): Promise<this> {
    const organizations = this.t.app.get(OrganizationsService);
    const quanzhou = await organizations.create({ code: 'quanzhou', name: '泉州市妇联', nameEn: 'Quanzhou Women’s Federation', kind: 'federation' });
    const fengze = await organizations.create({ code: 'fengze', name: '丰泽区妇联', nameEn: 'Fengze District', kind: 'district', parentId: quanzhou.id });
    const licheng = await organizations.create({ code: 'licheng', name: '鲤城区妇联', nameEn: 'Licheng District', kind: 'district', parentId: quanzhou.id });
    this.orgs = { quanzhou: quanzhou.id, fengze: fengze.id, licheng: licheng.id };
    const people: [Who, string, Role, string][] = [
      ['leader', '郑主席', 'leader', quanzhou.id],
      ['admin', '吴管理', 'admin', quanzhou.id],
      // executive members of the city federation: they file proposals under either district
      ['memberA', '许执委', 'member', quanzhou.id],
      ['memberB', '蔡执委', 'member', quanzhou.id],
    ];
    const users = this.t.app.get(UsersService);
    for (const [who, displayName, role, organizationId] of people) {
      const email = `${who.toLowerCase()}@quanzhou.test`;
      const { user } = await users.create(null, { displayName, email, role, organizationId, password: PASSWORD });
      const client = this.t.client();
      await client.login(email, PASSWORD);
      this.clients[who] = client;
      this.actors[who] = { userId: user.id, sessionId: 'fixture', role, organizationId, displayName };
    }

    await this.program();
    // submitted on paper on these days and recorded afterwards (transitionProposal's submittedOn)
    await this.proposal('P1', 'memberA', 'fengze', 2023, [['S1', 'women_economy'], ['S2', 'women_health'], ['S3', null]], '2023-03-01');
    await this.proposal('P2', 'memberB', 'licheng', 2023, [['S4', 'women_economy'], ['S5', 'children_education']], '2023-05-10');
    await this.proposal('P3', 'memberA', 'licheng', 2024, [['S6', 'women_economy'], ['S7', 'children_welfare']], '2024-02-01');
    await this.proposal('P4', 'memberB', 'fengze', 2024, [['S8', 'women_health']], '2024-06-01');
    await this.proposal('P5', 'memberA', 'fengze', 2024, [['S9', 'women_economy']], null, 'draft');
    await this.proposal('P6', 'memberB', 'fengze', 2024, [['S10', 'women_family']], '2024-01-15', 'answered');

    await this.linkedEvidence('E1', 'memberA', 'S1', { title: '三社联动职业技能培训', sensitivity: 'public' });
    await this.linkedEvidence('E2', 'memberA', 'S1', { title: '流动妈妈个案记录', sensitivity: 'restricted' });
    await this.linkedEvidence('E3', 'memberA', 'S3', { title: '校园社工站服务记录', sensitivity: 'public' });

    await this.adopt('S1', 'adopted', '2023-06-30', 'C1');
    await this.adopt('S1', 'implemented', '2024-01-10', 'C2');
    await this.adopt('S2', 'not_adopted', '2023-05-01');
    await this.adopt('S4', 'included_in_plan', '2023-08-08', 'C1');
    await this.adopt('S5', 'under_consideration', '2023-07-01');
    await this.adopt('S6', 'partially_adopted', '2024-03-02', 'C2');
    return this;
  }

  private async program(): Promise<void> {
    const program = await this.t.app.get(ProgramsService).create(this.actors.admin, {
      name: '丰泽区妇女发展纲要（2021—2030年）',
      issuingBody: '丰泽区人民政府',
      districtId: this.orgs.fengze,
      periodStart: 2021,
      periodEnd: 2030,
      promulgatedOn: '2022-06',
      nodes: [
        { depth: 0, kind: 'area', number: '三、', text: '妇女与经济' },
        { depth: 1, kind: 'measure', number: '（一）', text: '加大政府购买服务力度，帮助边缘困境流动妇女就业。' },
        { depth: 1, kind: 'measure', number: '（二）', text: '开展面向流动妇女的免费职业技能培训。' },
      ],
    });
    this.programId = program.id;
    const [tree] = await this.t.app.get(ProgramsService).treesOf([program.id]);
    this.clauses = { area: tree[0].id, C1: tree[1].id, C2: tree[2].id };
  }

  private async proposal(
    key: string,
    author: Who,
    district: 'fengze' | 'licheng',
    year: number,
    suggestions: [string, string | null][],
    submittedOn: string | null,
    status: 'draft' | 'submitted' | 'answered' = 'submitted',
  ): Promise<void> {
    const client = this.clients[author];
    const { createProposal } = await client.ok(
      'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }',
      { input: { title: `${key} 关于流动妇女服务的建议`, year, districtId: this.orgs[district], target: '区人民政府' } },
    );
    this.proposals[key] = createProposal.id;
    for (const [suggestionKey, programArea] of suggestions) {
      const { addSuggestion } = await client.ok('mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }', {
        input: { proposalId: createProposal.id, title: `${suggestionKey} 建议条目`, text: '依托社区开展。', programArea },
      });
      this.suggestions[suggestionKey] = addSuggestion.id;
      this.proposalOfSuggestion[suggestionKey] = createProposal.id;
    }
    if (status === 'draft') return;
    await client.ok(TRANSITION, { input: { proposalId: createProposal.id, to: 'in_review' } });
    await client.ok(TRANSITION, { input: { proposalId: createProposal.id, to: 'submitted', submittedOn } });
    if (status === 'answered') await client.ok(RECORD_ANSWER, { input: { proposalId: createProposal.id, ...ANSWER } });
  }

  private async linkedEvidence(key: string, by: Who, suggestion: string, input: { title: string; sensitivity: string }): Promise<void> {
    const client = this.clients[by];
    const { createEvidence } = await client.ok(CREATE_EVIDENCE, {
      input: {
        narrative: '2020年以来开展免费培训。',
        dateFrom: '2021-03-01',
        sourceType: 'service_record',
        districtId: this.orgs.fengze,
        aboutIdentifiablePeople: input.sensitivity === 'restricted',
        ...input,
      },
    });
    await client.ok(PUBLISH_EVIDENCE, { input: { id: createEvidence.id } });
    this.evidence[key] = createEvidence.id;
    const proposalId = this.proposalOfSuggestion[suggestion];
    await client.ok('mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id } }', {
      input: { evidenceId: createEvidence.id, proposalId, suggestionId: this.suggestions[suggestion] },
    });
  }

  private async adopt(suggestion: string, status: string, decidedOn: string, clause?: string): Promise<void> {
    await this.t.app.get(AdoptionService).record(this.actors.leader, {
      suggestionId: this.suggestions[suggestion],
      targetKind: clause ? 'clause' : 'official_reply',
      clauseId: clause ? this.clauses[clause] : null,
      documentTitle: clause ? null : '区民政局答复',
      status: status as 'adopted',
      decidedOn,
      note: status === 'not_adopted' ? '条件暂不具备' : null,
    });
  }
}
