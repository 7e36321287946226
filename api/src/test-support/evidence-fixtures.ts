import { OrganizationsService } from '../core/organizations/organizations.service';
import { UsersService } from '../core/users/users.service';
import { GraphQLTestClient, errorCode } from './graphql-client';
import { Person, ProposalFixtures } from './proposal-fixtures';
import { TestApp } from './test-app';

/**
 * A resident ID number with its real ISO 7064 MOD 11-2 check digit, computed here independently
 * of the code under test: validResidentId('35011119900307234') → '350111199003072348'.
 */
export function validResidentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check digit. */
export function invalidResidentId(first17: string): string {
  const right = validResidentId(first17).slice(-1);
  return first17 + (right === '3' ? '4' : '3');
}

/** A card number made Luhn-valid by its last digit. */
export function luhnCard(body: string): string {
  for (let d = 0; d <= 9; d++) {
    const digits = body + d;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let v = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

export const EVIDENCE_FIELDS = `id title narrative dateFrom dateTo districtId town community populations themes sourceType
  figures { label value unit period } sensitivity effectiveSensitivity sensitivityHeld sensitivityHeldReason
  aboutIdentifiablePeople consentObtained status version rawContent viewerCanManage piiCount
  contributor { displayName } organization { code }`;

export const CREATE_EVIDENCE = `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { ${EVIDENCE_FIELDS} } }`;
export const GET_EVIDENCE = `query($id: ID!) { evidence(id: $id) { ${EVIDENCE_FIELDS} } }`;
export const LIST_EVIDENCE = `query($filter: EvidenceFilter, $first: Int, $after: String) {
  evidenceList(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { id title narrative } } }`;
export const PUBLISH_EVIDENCE = `mutation($input: EvidenceTransitionInput!) { publishEvidence(input: $input) { id status version } }`;
export const WITHDRAW_EVIDENCE = `mutation($input: EvidenceTransitionInput!) { withdrawEvidence(input: $input) { id status version } }`;
export const AUDIT_LOG = `query($filter: AuditLogFilter) { auditLog(first: 100, filter: $filter) { totalCount nodes { action entityId actorId details actor { displayName } } } }`;

/** Extra people for clearance tests, beyond the demo accounts. */
export type ExtraPerson = 'cangshanAdmin' | 'outsider';
const EXTRA_PASSWORD = 'evidence-test-password';

/** Shortcuts for evidence tests on top of ProposalFixtures. */
export class EvidenceFixtures {
  private extra = new Map<ExtraPerson, GraphQLTestClient>();
  extraUserIds = {} as Record<ExtraPerson, string>;

  constructor(
    readonly t: TestApp,
    readonly p: ProposalFixtures,
  ) {}

  as(person: Person | ExtraPerson): Promise<GraphQLTestClient> {
    if (person === 'cangshanAdmin' || person === 'outsider') return Promise.resolve(this.extra.get(person)!);
    return this.p.as(person);
  }

  /** An admin of the Cangshan district (not above Jin'an) and a researcher of another federation. */
  async withExtraPeople(): Promise<this> {
    const orgs = this.t.app.get(OrganizationsService);
    const users = this.t.app.get(UsersService);
    const xiamen = await orgs.create({ code: 'xiamen', name: '厦门市妇联', nameEn: 'Xiamen Women’s Federation', kind: 'federation' });
    const people: [ExtraPerson, string, 'admin' | 'researcher', string][] = [
      ['cangshanAdmin', 'admin@cangshan.demo', 'admin', this.p.orgIds.cangshan],
      ['outsider', 'researcher@xiamen.demo', 'researcher', xiamen.id],
    ];
    for (const [key, email, role, organizationId] of people) {
      const { user } = await users.create(null, { displayName: key, email, role, organizationId, password: EXTRA_PASSWORD });
      this.extraUserIds[key] = user.id;
      const client = this.t.client();
      await client.login(email, EXTRA_PASSWORD);
      this.extra.set(key, client);
    }
    return this;
  }

  userId(person: Person | ExtraPerson): string {
    return person === 'cangshanAdmin' || person === 'outsider' ? this.extraUserIds[person] : this.p.userIds[person];
  }

  async create(input: Record<string, unknown> = {}, by: Person | ExtraPerson = 'chenfang'): Promise<Record<string, any>> {
    const data = await (await this.as(by)).ok(CREATE_EVIDENCE, {
      input: {
        title: '流动妇女职业技能培训',
        narrative: '2020年以来开展免费培训。',
        dateFrom: '2021-03-01',
        sourceType: 'service_record',
        districtId: this.p.orgIds.jinan,
        ...input,
      },
    });
    return data.createEvidence;
  }

  async publish(id: string, by: Person | ExtraPerson = 'chenfang'): Promise<void> {
    await (await this.as(by)).ok(PUBLISH_EVIDENCE, { input: { id } });
  }

  /** Created and published in one go. */
  async published(input: Record<string, unknown> = {}, by: Person | ExtraPerson = 'chenfang'): Promise<Record<string, any>> {
    const created = await this.create(input, by);
    await this.publish(created.id, by);
    return created;
  }

  async auditEntries(filter: Record<string, unknown>): Promise<{ action: string; entityId: string; actorId: string; details: string }[]> {
    return (await (await this.p.as('admin')).ok(AUDIT_LOG, { filter })).auditLog.nodes;
  }

  /** GET a route with the person's session. */
  async get(person: Person | ExtraPerson, path: string): Promise<Response> {
    return fetch(`${this.t.url}${path}`, { headers: { cookie: (await this.as(person)).cookieHeader } });
  }
}

export { errorCode };
