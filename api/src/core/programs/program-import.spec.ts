import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { errorCode } from '../../test-support/graphql-client';
import { docxWithAutomaticNumbering } from '../../test-support/program-documents';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';

const NODE_FIELDS = 'depth kind number text note responsibleUnits kindInferred numberInferred';
const PREVIEW = `mutation($input: ProgramImportInput!) { importProgramPreview(input: $input) { nodes { ${NODE_FIELDS} } warnings { code index number expected } } }`;
const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id clauses { depth kind number text note responsibleUnits } } }`;
const DELETE = `mutation($id: ID!) { deleteProgram(id: $id) }`;

const layout = (name: string) => readFileSync(path.join(__dirname, 'fixtures', 'layouts', `${name}.txt`), 'utf8');
type Node = { depth: number; kind: string; number: string; text: string; note: string | null; responsibleUnits: string | null; numberInferred: boolean };
const withoutNumberSource = (nodes: Node[]) => nodes.map(({ numberInferred: _inferred, ...n }) => n);

describe('program import from documents and its warnings', () => {
  let t: TestApp;
  let f: ProposalFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterAll(() => t.close());

  it.each(['numbered-headings', 'preamble-units'])('reads a .docx numbered by Word (%s) into the same tree as its text', async (name) => {
    const admin = await f.as('admin');
    const text = layout(name);
    const docx = await docxWithAutomaticNumbering(text);
    const documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(documentXml).toContain('w:numPr');
    expect(documentXml).not.toContain('>1.');
    const fromText = (await admin.ok(PREVIEW, { input: { text } })).importProgramPreview.nodes as Node[];
    const fromDocx = (await admin.ok(PREVIEW, { input: { docxBase64: docx.toString('base64') } })).importProgramPreview.nodes as Node[];
    expect(withoutNumberSource(fromDocx)).toEqual(withoutNumberSource(fromText));
    expect(fromDocx.filter((n) => n.number).every((n) => n.numberInferred)).toBe(true);
    expect(fromText.some((n) => n.numberInferred)).toBe(false);
  });

  it('refuses a .docx that inflates past its limit before parsing it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="w"><w:body>${'<w:p/>'.repeat(8_000_000)}</w:body></w:document>`);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const result = await (await f.as('admin')).request(PREVIEW, { input: { docxBase64: bomb.toString('base64') } });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/^docxBase64: inflates to more than 40 MB/);
  });

  it('warns about doubtful structure and saves it only when the admin accepts the warnings', async () => {
    const admin = await f.as('admin');
    const text = `${layout('preamble-units')}\n五、妇女与家庭\n策略措施：\n主要目标\n1.倡导男女平等家风。\n3.开展家庭教育指导。`;
    const { importProgramPreview } = await admin.ok(PREVIEW, { input: { text } });
    const nodes = importProgramPreview.nodes.map(({ kindInferred: _k, numberInferred: _n, ...node }: Node & { kindInferred: boolean }) => node);
    const family = nodes.findIndex((n: Node) => n.text === '妇女与家庭');
    expect(importProgramPreview.warnings).toEqual([{ code: 'NUMBER_GAP', index: family + 4, number: '3.', expected: '2' }]);
    // The admin turns the goals heading into a clause and a goal into a measure: both are doubtful.
    const edited = nodes.map((n: Node, i: number) => (i === family + 2 ? { ...n, kind: 'goal' } : i === family + 3 ? { ...n, kind: 'measure' } : n));
    const input = { name: '测试区妇女发展纲要', issuingBody: '测试区人民政府', periodStart: 2021, periodEnd: 2030, nodes: edited };
    const refused = await admin.request(CREATE, { input });
    expect(errorCode(refused)).toBe('PROGRAM_STRUCTURE_DOUBTFUL');
    expect(refused.errors![0].extensions!.warnings).toEqual([
      { code: 'HEADING_AS_CLAUSE', index: family + 2, number: '', expected: 'section' },
      { code: 'KIND_AGAINST_HEADING', index: family + 3, number: '1.', expected: 'goal' },
      { code: 'NUMBER_GAP', index: family + 4, number: '3.', expected: '2' },
    ]);
    const { createProgram } = await admin.ok(CREATE, { input: { ...input, acceptWarnings: true } });
    expect(createProgram.clauses).toEqual(expect.arrayContaining([
      expect.objectContaining({ text: '指导思想', note: '坚持以人民为中心的发展思想，促进男女平等和妇女全面发展。' }),
      expect.objectContaining({ kind: 'measure', text: '健全困难妇女社会救助制度。', responsibleUnits: '区民政局、区妇联' }),
      expect.objectContaining({ kind: 'measure', text: '落实生育保险政策。', responsibleUnits: '区医保局' }),
    ]));
    await admin.ok(DELETE, { id: createProgram.id });
  });
});
