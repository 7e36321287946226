import { EvidenceFixtures } from '../test-support/evidence-fixtures';
import { GraphQLTestClient } from '../test-support/graphql-client';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

const CONSENT = { obtained: true, obtainedBy: '陈芳', obtainedOn: '2024-01-05', scope: '用于政策建议' };
const UPDATE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id version } }`;

/**
 * Search as a side channel: a caller compares the answers for her own records before and after a
 * record she cannot see (or only the raw copy of one she sees masked) exists or changes. Every
 * scalar the schema offers on a search result and its hits (found by introspection, so a score or
 * any future number is compared too), the ids, their order, counts, facets and snippets must stay
 * the same.
 */
describe('search answers do not depend on what the caller cannot see', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let e: EvidenceFixtures;
  let searchQuery: string;

  const scalarFields = async (client: GraphQLTestClient, type: string): Promise<string[]> => {
    const { __type } = await client.ok(`query($name: String!) { __type(name: $name) { fields { name type { kind ofType { kind } } } } }`, { name: type });
    return __type.fields
      .filter((f: { type: { kind: string; ofType: { kind: string } | null } }) => (f.type.kind === 'NON_NULL' ? f.type.ofType?.kind : f.type.kind) === 'SCALAR')
      .map((f: { name: string }) => f.name);
  };

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    e = new EvidenceFixtures(t, p);
    const client = await p.as('zhangjie');
    const [result, hit] = await Promise.all([scalarFields(client, 'SearchResultModel'), scalarFields(client, 'SearchHitModel')]);
    searchQuery = `query($input: SearchInput!) { search(input: $input) {
      ${result.join(' ')} hits { ${hit.join(' ')} fields { name value } } facets { field values { value count } } } }`;
  });
  afterAll(() => t.close());

  const search = async (person: 'zhangjie' | 'liusiyuan', text: string) =>
    (await (await p.as(person)).ok(searchQuery, { input: { index: 'evidence', text, first: 50 } })).search;

  it('gives a member the same answer for a phone number and her drafts’ words, whether a restricted record with that number exists or changes', async () => {
    const phone = '13912345678';
    // her two drafts: the number once and the word often, or the number often and the word once
    const drafts = [
      await e.create({ title: '社区托育服务记录', narrative: `联系电话${phone}。托育需求调查，托育服务，托育补贴，托育机构。` }, 'zhangjie'),
      await e.create({ title: '社区托育服务回访', narrative: `电话${phone}，再次致电${phone}，第三次${phone}，托育。` }, 'zhangjie'),
    ];
    const queries = [`${phone} 托育`, phone, `托育 ${phone} 社区`];
    const answers = () => Promise.all(queries.map((q) => search('zhangjie', q)));
    const before = await answers();
    for (const answer of before) expect(answer.hits.map((h: { id: string }) => h.id).sort()).toEqual(drafts.map((d) => d.id).sort());

    const restricted = await e.published({
      title: '个案：托育困难的流动母亲',
      narrative: `服务对象电话${phone}。托育。`,
      sensitivity: 'restricted',
      consent: CONSENT,
    });
    expect(await answers()).toEqual(before);

    await (await p.as('chenfang')).ok(UPDATE, {
      input: { id: restricted.id, narrative: `电话${phone}，${phone}，${phone}。托育，托育，托育，托育，托育，托育，托育。社区。`.repeat(20) },
    });
    expect(await answers()).toEqual(before);
  });

  it('gives a reader of masked text the same answer whether the record behind it has a raw copy or not', async () => {
    const masked = '联系人电话 137****9876，议事会讨论了课后托管与喘息服务。';
    // its masked text is the same as the text of a record without any personal data
    const record = await e.published({
      title: '社区妇女议事会记录',
      narrative: '联系人电话 13712349876，议事会讨论了课后托管与喘息服务。'.repeat(3),
      sensitivity: 'public',
      consent: CONSENT,
    });
    await e.published({ title: '课后托管需求调研', narrative: '课后托管，喘息服务，议事会。', sensitivity: 'public' });
    const queries = ['课后托管', '喘息服务 议事会', '议事会'];
    const answers = () => Promise.all(queries.map((q) => search('liusiyuan', q)));
    const withRawCopy = await answers();
    expect(withRawCopy[0].hits.map((h: { id: string }) => h.id)).toContain(record.id);

    await (await p.as('chenfang')).ok(UPDATE, { input: { id: record.id, narrative: masked.repeat(3) } });
    expect(await answers()).toEqual(withRawCopy);
  });
});
