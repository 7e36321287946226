import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ApiCall, apiSession } from '../support/api-session';
import { programPdf } from '../support/minimal-pdf';
import { RunningServer, startServer } from '../support/server';

/**
 * PDF upload on the running product: each program layout of the corpus (api/src/core/programs/fixtures),
 * printed as a PDF with broken lines, a running header and page numbers on every page, previews to the
 * same tree as its text.
 */

const LAYOUTS = path.join(__dirname, '../../api/src/core/programs/fixtures/layouts');
const PREVIEW = `mutation($input: ProgramImportInput!) { importProgramPreview(input: $input) {
  suggestedName nodes { depth kind number text note responsibleUnits kindInferred numberInferred } warnings { code index } } }`;

describe('program import from PDF', () => {
  let server: RunningServer;
  let admin: ApiCall;

  beforeAll(async () => {
    server = await startServer();
    admin = await apiSession(server.url, 'admin@jianyan.demo');
  });
  afterAll(() => server?.stop());

  it.each(readdirSync(LAYOUTS).filter((f) => f.endsWith('.txt')))('reads %s printed as a PDF into the same tree as its text', async (file) => {
    const text = readFileSync(path.join(LAYOUTS, file), 'utf8');
    const pdf = programPdf(text, { runningHeader: '某区妇女儿童发展纲要（2021—2030年）', charsPerLine: 16, linesPerPage: 7 });
    const fromText = (await admin(PREVIEW, { input: { text } })).importProgramPreview;
    const fromPdf = (await admin(PREVIEW, { input: { pdfBase64: pdf.toString('base64') } })).importProgramPreview;
    expect(fromText.nodes.length).toBeGreaterThan(3);
    expect(fromPdf.nodes).toEqual(fromText.nodes);
  });

  it('refuses what is not a readable PDF, naming the field', async () => {
    for (const bytes of [Buffer.from('plain text'), Buffer.from('%PDF-1.4\nnot really a pdf')]) {
      await expect(admin(PREVIEW, { input: { pdfBase64: bytes.toString('base64') } })).rejects.toThrow(/"code":"BAD_USER_INPUT".*"field":"pdfBase64"|"field":"pdfBase64".*"code":"BAD_USER_INPUT"/);
    }
    // the server keeps serving after a damaged upload
    const { importProgramPreview } = await admin(PREVIEW, { input: { text: '一、妇女与健康\n主要目标：\n1.妇女人均预期寿命延长。' } });
    expect(importProgramPreview.nodes).toHaveLength(3);
  });
});
