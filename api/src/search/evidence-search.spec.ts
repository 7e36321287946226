import { EvidenceFixtures, validResidentId } from '../test-support/evidence-fixtures';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

const SEARCH = `query($input: SearchInput!) {
  search(input: $input) { total hits { id snippet fields { name value } } facets { field values { value count } } }
}`;
const CONSENT = { obtained: true, obtainedBy: '陈芳', obtainedOn: '2024-01-05', scope: '用于政策建议' };

describe('searching evidence under clearance', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let e: EvidenceFixtures;
  const idNumber = validResidentId('35011119850307123');
  const phone = '13712349876';

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    e = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const search = async (person: 'chenfang' | 'liusiyuan' | 'zhangjie' | 'admin' | 'huangli', text: string) =>
    (await (await p.as(person)).ok(SEARCH, { input: { index: 'evidence', text } })).search;

  it('gives a researcher without clearance no hit and no facet count from a restricted record, by title, narrative, ID or phone', async () => {
    const words = ['阿梅', '就业困境', '鼓山镇', '零工', idNumber, phone];
    const before = await Promise.all(words.map((text) => search('liusiyuan', text)));
    const restricted = await e.published({
      title: '个案：流动母亲阿梅的就业困境',
      narrative: `阿梅，身份证号${idNumber}，手机${phone}，在鼓山镇从事零工。`,
      sensitivity: 'restricted',
      consent: CONSENT,
    });
    const after = await Promise.all(words.map((text) => search('liusiyuan', text)));
    expect(after).toEqual(before);
    for (const result of after) expect(result.hits.map((h: { id: string }) => h.id)).not.toContain(restricted.id);
    expect(after.slice(0, 2).concat(after.slice(4)).map((r) => r.total)).toEqual([0, 0, 0, 0]);
    const own = await search('chenfang', idNumber);
    expect(own.hits.map((h: { id: string }) => h.id)).toEqual([restricted.id]);
    expect(own.hits[0].snippet).toContain(`<mark>${idNumber}</mark>`);
    expect((await search('admin', phone)).hits.map((h: { id: string }) => h.id)).toEqual([restricted.id]);
  });

  it('shows readers of a public record only its masked text: its phone number finds nothing, snippets are masked', async () => {
    const record = await e.published({
      title: '社区妇女议事会记录',
      narrative: `联系人王某，电话${phone}，议事会讨论了课后托管。`,
      sensitivity: 'public',
      consent: CONSENT,
    });
    expect((await search('liusiyuan', phone)).total).toBe(0);
    const masked = await search('liusiyuan', '课后托管');
    const hit = masked.hits.find((h: { id: string }) => h.id === record.id);
    expect(hit.snippet).toContain('137****9876');
    expect(hit.snippet).not.toContain(phone);
    const contributor = await search('chenfang', '课后托管');
    expect(contributor.hits.filter((h: { id: string }) => h.id === record.id)).toHaveLength(1);
    expect(contributor.hits.find((h: { id: string }) => h.id === record.id).snippet).toContain(phone);
  });

  it('follows publishing and a change of sensitivity at once, and escapes HTML from the record', async () => {
    const draft = await e.create({ title: '四点半课堂<script>alert(1)</script>', narrative: '孩子们在<b>四点半课堂</b>完成作业', sensitivity: 'internal', consent: CONSENT });
    expect((await search('huangli', '四点半课堂')).total).toBe(0);
    await e.publish(draft.id);
    const found = await search('huangli', '四点半课堂');
    const hit = found.hits.find((h: { id: string }) => h.id === draft.id);
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toContain('<');
    expect(found.facets.find((f: { field: string }) => f.field === 'sensitivity').values).toContainEqual({ value: 'internal', count: 1 });
  });
});
