import path from 'node:path';
import { ProgramDocumentError } from './program-docx';
import type { SourceLine } from './program-lines';

/** Pages read from one PDF: a development program has a few dozen. */
export const PDF_MAX_PAGES = 300;

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/** pdfjs-dist is an ES module; Node 20.19+ loads it from this CommonJS build (its legacy build needs no canvas for text). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

const PDFJS_ROOT = path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * The text of a PDF as lines, rebuilt from the glyphs' positions (pdfjs-dist): items on one baseline
 * make one line, top to bottom, left to right. Fonts are never run (no eval, no font faces); Chinese
 * PDFs that name Adobe's predefined CMaps (UniGB-UCS2-H…) read through the CMaps shipped with pdfjs.
 */
export async function readProgramPdf(buffer: Buffer): Promise<SourceLine[]> {
  const { getDocument } = await loadPdfJs();
  let document: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    document = await getDocument({
      data: new Uint8Array(buffer),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      cMapUrl: `${path.join(PDFJS_ROOT, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(PDFJS_ROOT, 'standard_fonts')}/`,
      verbosity: 0,
    }).promise;
  } catch {
    throw new ProgramDocumentError('could not be read as a PDF file');
  }
  try {
    if (document.numPages > PDF_MAX_PAGES) throw new ProgramDocumentError(`has more than ${PDF_MAX_PAGES} pages`);
    const lines: SourceLine[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      lines.push(...pageLines(content.items.flatMap((item) => ('str' in item ? [item as TextItem] : []))));
      page.cleanup();
    }
    return lines;
  } catch (error) {
    if (error instanceof ProgramDocumentError) throw error;
    throw new ProgramDocumentError('could not be read as a PDF file');
  } finally {
    await document.destroy();
  }
}

/** Items whose baselines lie within half a glyph of each other form one line. */
function pageLines(items: TextItem[]): SourceLine[] {
  const rows: { y: number; size: number; items: TextItem[] }[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const y = item.transform[5];
    const size = Math.abs(item.transform[3]) || item.height || 10;
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.min(r.size, size) / 2);
    if (row) row.items.push(item);
    else rows.push({ y, size, items: [item] });
  }
  return rows
    .sort((a, b) => b.y - a.y)
    .map((row) => {
      const sorted = row.items.sort((a, b) => a.transform[4] - b.transform[4]);
      let text = '';
      let end: number | null = null;
      for (const item of sorted) {
        const x = item.transform[4];
        if (end !== null && x - end > row.size * 0.8) text += ' ';
        text += item.str;
        end = x + item.width;
      }
      return { text };
    });
}
