import { CREATE_EVIDENCE, EvidenceFixtures, GET_EVIDENCE, LIST_EVIDENCE, PUBLISH_EVIDENCE, WITHDRAW_EVIDENCE } from '../../test-support/evidence-fixtures';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const UPDATE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id title narrative dateFrom dateTo town populations themes figures { label value } version } }`;
const SENSITIVITY = `mutation($input: ChangeEvidenceSensitivityInput!) { changeEvidenceSensitivity(input: $input) {
  sensitivity effectiveSensitivity sensitivityHeld sensitivityHeldReason version } }`;
const CONSENT = `mutation($input: RecordEvidenceConsentInput!) { recordEvidenceConsent(input: $input) {
  effectiveSensitivity sensitivityHeld sensitivityHeldReason consentObtained consent { obtained obtainedBy obtainedOn scope expiresOn } } }`;

describe('evidence: recording, validation, workflow and the consent rule', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const count = async (person: 'admin' | 'chenfang' | 'zhangjie') =>
    (await (await f.as(person)).ok(LIST_EVIDENCE, { filter: {} })).evidenceList.totalCount as number;

  it('records a restricted draft by default, with the caller as contributor, and trims and dedupes lists', async () => {
    const created = await f.create({
      title: '  三社联动职业技能培训 ',
      populations: ['migrant_women', 'migrant_women'],
      themes: ['women_economy', '职业培训', 'women_economy'],
      figures: [{ label: '参加培训人数', value: 2000, unit: '人', period: '2020—2021' }],
      town: ' 鼓山镇 ',
      community: '',
    });
    expect(created).toMatchObject({
      title: '三社联动职业技能培训',
      populations: ['migrant_women'],
      themes: ['women_economy', '职业培训'],
      figures: [{ label: '参加培训人数', value: 2000, unit: '人', period: '2020—2021' }],
      town: '鼓山镇',
      community: null,
      sensitivity: 'restricted',
      effectiveSensitivity: 'restricted',
      aboutIdentifiablePeople: true,
      consentObtained: false,
      status: 'draft',
      version: 1,
      rawContent: true,
      viewerCanManage: true,
      contributor: { displayName: '陈芳' },
      organization: { code: 'jinan' },
    });
  });

  it.each(['member', 'admin'] as const)('lets a %s record evidence', async (role) => {
    const person = role === 'member' ? 'zhangjie' : 'admin';
    expect((await f.create({}, person)).viewerCanManage).toBe(true);
  });

  it.each(['liusiyuan', 'huangli'] as const)('refuses evidence recording to %s (researcher / leader) and writes nothing', async (person) => {
    const before = await count('admin');
    const result = await (await f.as(person)).request(CREATE_EVIDENCE, { input: { title: 'x', dateFrom: '2021-01-01', sourceType: 'news' } });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await count('admin')).toBe(before);
  });

  it.each([
    ['a blank title', { title: '  ' }, 'title'],
    ['a title over 200 characters', { title: '证'.repeat(201) }, 'title'],
    ['a narrative over 20,000 characters', { narrative: '案'.repeat(20001) }, 'narrative'],
    ['a date that does not exist', { dateFrom: '2023-02-29' }, 'dateFrom'],
    ['a period ending before it starts', { dateFrom: '2021-05-01', dateTo: '2021-04-30' }, 'dateTo'],
    ['an organisation that is not a district', { districtId: 'fuzhou' }, 'districtId'],
    ['a blank theme', { themes: ['ok', ' '] }, 'themes.1'],
    ['a figure without a label', { figures: [{ label: '', value: 1 }] }, 'figures.0.label'],
    ['a one-character marked name', { markedNames: ['李'] }, 'markedNames.0'],
    ['consent without who obtained it', { consent: { obtained: true, obtainedOn: '2021-01-01' } }, 'consent.obtainedBy'],
    ['consent expiring before it was given', { consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-01-02', expiresOn: '2021-01-01' } }, 'consent.expiresOn'],
  ])('refuses %s naming the field, and writes nothing', async (_label, input, field) => {
    const before = await count('chenfang');
    const values = { ...input } as Record<string, unknown>;
    if (values.districtId === 'fuzhou') values.districtId = p.orgIds.fuzhou;
    const result = await (await f.as('chenfang')).request(CREATE_EVIDENCE, {
      input: { title: '有效标题', dateFrom: '2021-01-01', sourceType: 'case_note', ...values },
    });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('chenfang')).toBe(before);
  });

  it('updates the given fields only, bumps the version and refuses a stale expectedVersion', async () => {
    const { id } = await f.create({ town: '鼓山镇', themes: ['a'] });
    const owner = await f.as('chenfang');
    const updated = (await owner.ok(UPDATE, { input: { id, expectedVersion: 1, title: '新标题', dateTo: '2021-12-31', themes: ['b'] } })).updateEvidence;
    expect(updated).toMatchObject({ title: '新标题', dateFrom: '2021-03-01', dateTo: '2021-12-31', town: '鼓山镇', themes: ['b'], version: 2 });
    expect(errorCode(await owner.request(UPDATE, { input: { id, expectedVersion: 1, title: '过期' } }))).toBe('CONFLICT');
    const cleared = (await owner.ok(UPDATE, { input: { id, town: null, dateTo: null } })).updateEvidence;
    expect(cleared).toMatchObject({ title: '新标题', town: null, dateTo: null, version: 3 });
    const bad = await owner.request(UPDATE, { input: { id, dateTo: '2021-01-01' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dateTo' });
  });

  it('lets only the contributor and administrators of its organisation change a record', async () => {
    const { id } = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    expect(errorCode(await (await f.as('zhangjie')).request(UPDATE, { input: { id, title: '越权' } }))).toBe('FORBIDDEN');
    expect((await (await f.as('admin')).ok(UPDATE, { input: { id, title: '管理员修改' } })).updateEvidence.title).toBe('管理员修改');
    const restricted = await f.create();
    expect(errorCode(await (await f.as('zhangjie')).request(UPDATE, { input: { id: restricted.id, title: 'x' } }))).toBe('NOT_FOUND');
  });

  it('publishes, withdraws and republishes along the transition table', async () => {
    const { id } = await f.create({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const owner = await f.as('chenfang');
    const reader = await f.as('zhangjie');
    expect(errorCode(await reader.request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');
    expect((await owner.ok(PUBLISH_EVIDENCE, { input: { id, expectedVersion: 1 } })).publishEvidence).toMatchObject({ status: 'published', version: 2 });
    expect((await reader.ok(GET_EVIDENCE, { id })).evidence.status).toBe('published');
    expect(errorCode(await owner.request(PUBLISH_EVIDENCE, { input: { id } }))).toBe('BAD_USER_INPUT');
    await owner.ok(WITHDRAW_EVIDENCE, { input: { id } });
    expect(errorCode(await reader.request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');
    expect((await owner.ok(GET_EVIDENCE, { id })).evidence.status).toBe('withdrawn');
    await owner.ok(PUBLISH_EVIDENCE, { input: { id } });
    expect((await reader.ok(GET_EVIDENCE, { id })).evidence.status).toBe('published');
  });

  it('holds a record about identifiable people at restricted until consent is recorded, and says so', async () => {
    const { id } = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: true });
    const owner = await f.as('chenfang');
    const reader = await f.as('zhangjie');
    expect((await owner.ok(GET_EVIDENCE, { id })).evidence).toMatchObject({
      sensitivity: 'public',
      effectiveSensitivity: 'restricted',
      sensitivityHeld: true,
      sensitivityHeldReason: 'no_consent',
    });
    expect(errorCode(await reader.request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');
    const facets = async () => (await reader.ok(`{ evidenceFacets { total } }`)).evidenceFacets.total;
    const before = await facets();

    const consented = await owner.ok(CONSENT, {
      input: { id, consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-03-01', scope: '用于政策建议', expiresOn: null } },
    });
    expect(consented.recordEvidenceConsent).toMatchObject({
      effectiveSensitivity: 'public',
      sensitivityHeld: false,
      sensitivityHeldReason: null,
      consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-03-01', scope: '用于政策建议', expiresOn: null },
    });
    expect((await reader.ok(GET_EVIDENCE, { id })).evidence).toMatchObject({ effectiveSensitivity: 'public', rawContent: false });
    expect(await facets()).toBe(before + 1);

    await owner.ok(CONSENT, { input: { id, consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2020-01-01', expiresOn: '2020-12-31' } } });
    expect((await owner.ok(GET_EVIDENCE, { id })).evidence).toMatchObject({ effectiveSensitivity: 'restricted', sensitivityHeldReason: 'consent_expired' });
    expect(errorCode(await reader.request(GET_EVIDENCE, { id }))).toBe('NOT_FOUND');

    const changed = await owner.ok(SENSITIVITY, { input: { id, sensitivity: 'internal', reason: '仅内部' } });
    expect(changed.changeEvidenceSensitivity).toMatchObject({ sensitivity: 'internal', effectiveSensitivity: 'restricted', sensitivityHeld: true });
    const audit = await f.auditEntries({ entityId: id });
    // The contributor's reads of the restricted content are audited too (evidence.raw_read).
    expect(audit.map((e) => e.action).filter((a) => a !== 'evidence.raw_read').sort()).toEqual([
      'evidence.consent_changed',
      'evidence.consent_changed',
      'evidence.created',
      'evidence.sensitivity_changed',
    ]);
    expect(JSON.parse(audit.find((e) => e.action === 'evidence.sensitivity_changed')!.details)).toMatchObject({
      from: 'public',
      to: 'internal',
      reason: '仅内部',
      effectiveSensitivity: 'restricted',
      heldReason: 'consent_expired',
    });
  });

  it('pages through the list with cursors and filters by facets and period', async () => {
    const tag = `page-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await f.create({ themes: [tag], dateFrom: `2021-0${i + 1}-01`, populations: i % 2 ? ['migrant_children'] : ['migrant_women'] })).id);
    }
    const owner = await f.as('chenfang');
    const first = (await owner.ok(LIST_EVIDENCE, { filter: { theme: tag }, first: 2 })).evidenceList;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const seen = [...first.nodes];
    let after = first.pageInfo.endCursor;
    while (after) {
      const next = (await owner.ok(LIST_EVIDENCE, { filter: { theme: tag }, first: 2, after })).evidenceList;
      seen.push(...next.nodes);
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(seen.map((n: { id: string }) => n.id)).toEqual([...ids].reverse());
    const children = (await owner.ok(LIST_EVIDENCE, { filter: { theme: tag, population: 'migrant_children' } })).evidenceList;
    expect(children.totalCount).toBe(2);
    const period = (await owner.ok(LIST_EVIDENCE, { filter: { theme: tag, from: '2021-02-01', to: '2021-03-15' } })).evidenceList;
    expect(period.totalCount).toBe(2);
    const facets = (await owner.ok(`query($f: EvidenceFilter) { evidenceFacets(filter: $f) { total populations { value count } } }`, {
      f: { theme: tag, population: 'migrant_children' },
    })).evidenceFacets;
    expect(facets.total).toBe(2);
    expect(facets.populations).toEqual([
      { value: 'migrant_women', count: 3 },
      { value: 'migrant_children', count: 2 },
    ]);
    expect(errorCode(await owner.request(LIST_EVIDENCE, { filter: { from: '2021-13-01' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await owner.request(LIST_EVIDENCE, { after: 'nonsense' }))).toBe('BAD_USER_INPUT');
  });
});
