import { EvidenceFixtures, validResidentId } from '../../test-support/evidence-fixtures';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const ID = validResidentId('35011119900307234');
const MOBILE = '13912342345';
const NOTES = `\ufeff访谈记录：王秀英，身份证${ID}，电话${MOBILE}，住福新路。\n`;
const MASKED_NOTES = `\ufeff访谈记录：王**，身份证${ID.slice(0, 4)}**********${ID.slice(-4)}，电话139****2345，住福新路。\n`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const ATTACHMENTS = `query($id: ID!) { evidence(id: $id) { attachments { fileName size access downloadUrl } } }`;

describe('attachments holding personal data: raw for the raw-cleared (audited), masked or withheld for the others', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const upload = async (evidenceId: string, content: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const response = await fetch(`${t.url}/evidence/${evidenceId}/attachments`, { method: 'POST', headers: { cookie: (await f.as('chenfang')).cookieHeader }, body: form });
    expect(response.status).toBe(201);
    return (await response.json()) as { downloadUrl: string; access: string };
  };
  const rawReads = async (evidenceId: string) => await f.auditEntries({ entityId: evidenceId, action: 'evidence.raw_read' });
  const download = async (person: 'chenfang' | 'admin' | 'liusiyuan', url: string) => {
    const response = await f.get(person, url);
    return { status: response.status, content: Buffer.from(await response.arrayBuffer()) };
  };

  it('serves a researcher the .txt masked, never the raw numbers; the contributor and the admin get the bytes, each download audited', async () => {
    // nothing in the record itself is personal: only the file is
    const { id } = await f.published({ sensitivity: 'internal', aboutIdentifiablePeople: false, markedNames: ['王秀英'] });
    const uploaded = await upload(id, Buffer.from(NOTES), '王秀英访谈.txt');
    expect(uploaded.access).toBe('raw');

    const researcher = await download('liusiyuan', uploaded.downloadUrl);
    expect(researcher.status).toBe(200);
    const served = researcher.content.toString('utf8');
    expect(served).toBe(MASKED_NOTES);
    for (const raw of [ID, MOBILE, '王秀英']) expect(served).not.toContain(raw);
    expect(await rawReads(id)).toEqual([]);
    const { evidence } = await (await f.as('liusiyuan')).ok(ATTACHMENTS, { id });
    expect(evidence.attachments).toEqual([{ fileName: '王**访谈.txt', size: Buffer.byteLength(NOTES), access: 'masked', downloadUrl: uploaded.downloadUrl }]);

    for (const person of ['chenfang', 'admin'] as const) {
      const cleared = await download(person, uploaded.downloadUrl);
      expect(cleared.status).toBe(200);
      expect(cleared.content.equals(Buffer.from(NOTES))).toBe(true);
    }
    const reads = await rawReads(id);
    expect(reads.map((r) => r.actorId).sort()).toEqual([p.userIds.admin, p.userIds.chenfang].sort());
    expect(JSON.parse(reads[0].details)).toMatchObject({ via: 'download' });
  });

  it('detects personal data in a text file without marked names, and masks a .csv alike', async () => {
    const { id } = await f.published({ sensitivity: 'public', aboutIdentifiablePeople: false });
    const csv = `姓名,电话,身份证\n某某,${MOBILE},${ID}\n`;
    const uploaded = await upload(id, Buffer.from(csv), '名单.csv');
    const served = (await download('liusiyuan', uploaded.downloadUrl)).content.toString('utf8');
    expect(served).toBe(`姓名,电话,身份证\n某某,139****2345,${ID.slice(0, 4)}**********${ID.slice(-4)}\n`);
    expect((await download('chenfang', uploaded.downloadUrl)).content.toString('utf8')).toBe(csv);
    expect((await rawReads(id)).map((r) => r.actorId)).toEqual([p.userIds.chenfang]);
  });

  it('withholds a binary file of a record with personal data from the uncleared with RAW_CLEARANCE_REQUIRED', async () => {
    const { id } = await f.published({ sensitivity: 'internal', aboutIdentifiablePeople: false, narrative: `来访人电话${MOBILE}。` });
    const uploaded = await upload(id, PDF, '登记表.pdf');
    const refused = await f.get('liusiyuan', uploaded.downloadUrl);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([403, 'RAW_CLEARANCE_REQUIRED']);
    expect((await (await f.as('liusiyuan')).ok(ATTACHMENTS, { id })).evidence.attachments[0].access).toBe('withheld');
    expect(await rawReads(id)).toEqual([]);
    const own = await download('chenfang', uploaded.downloadUrl);
    expect(own.content.equals(PDF)).toBe(true);
    expect((await rawReads(id)).map((r) => r.actorId)).toEqual([p.userIds.chenfang]);

    // a record without personal data: the file is served as is, and no raw read is recorded
    const plain = await f.published({ sensitivity: 'internal', aboutIdentifiablePeople: false });
    const plainPdf = await upload(plain.id, PDF, '总结.pdf');
    expect((await download('liusiyuan', plainPdf.downloadUrl)).content.equals(PDF)).toBe(true);
    expect(await rawReads(plain.id)).toEqual([]);
  });
});
