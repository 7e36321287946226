/**
 * A PDF written in plain PDF syntax, laid out as printers lay out a program: lines broken at a fixed
 * width, a running header and a page number (— 1 —) on every page, each clause's number drawn apart
 * from its text on the same baseline (unless a figure follows it). Chinese text is shown with a Type0 font (Identity-H, character
 * code = Unicode code point) that is not embedded; its ToUnicode CMap is what text extraction reads.
 */

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const FONT_SIZE = 12;
const LEFT = 72;
const LINE_GAP = 20;
const NUMBER_AT_START = /^((?:[（(][一二三四五六七八九十0-9]+[）)])|(?:[一二三四五六七八九十]+、)|(?:[0-9]+[.．])|[①-⑳])/;

export interface PdfLayout {
  runningHeader: string;
  /** Characters per printed line; longer lines wrap (never right after a sentence's full stop). */
  charsPerLine: number;
  linesPerPage: number;
}

const hex = (text: string) =>
  [...text].map((ch) => ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()).join('');

function toUnicodeCMap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const h = high.toString(16).padStart(2, '0').toUpperCase();
    return `<${h}00> <${h}FF> <${h}00>`;
  });
  const blocks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100) {
    const block = ranges.slice(i, i + 100);
    blocks.push(`${block.length} beginbfrange\n${block.join('\n')}\nendbfrange`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** A program's lines as printed: long lines wrapped at `charsPerLine`. */
function printedLines(text: string, charsPerLine: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    let rest = line;
    while (rest.length > charsPerLine) {
      let cut = charsPerLine;
      while (cut > 1 && /[。；！？：]/.test(rest[cut - 1])) cut--;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out;
}

function showText(text: string, x: number, y: number): string {
  return `BT /F1 ${FONT_SIZE} Tf 1 0 0 1 ${x} ${y} Tm <${hex(text)}> Tj ET`;
}

/** Draws one printed line; a leading clause number is a separate text item on the same baseline. */
function drawLine(line: string, y: number): string[] {
  const number = NUMBER_AT_START.exec(line)?.[1];
  // 8.0-6个月: a number running into a figure is printed as one run, as in published PDFs
  if (!number || /^[0-9]/.test(line.slice(number.length))) return [showText(line, LEFT, y)];
  return [showText(number, LEFT, y), showText(line.slice(number.length), LEFT + number.length * FONT_SIZE + 2, y)];
}

export function programPdf(text: string, layout: PdfLayout): Buffer {
  const lines = printedLines(text, layout.charsPerLine);
  const pages: string[] = [];
  for (let start = 0; start < lines.length; start += layout.linesPerPage) {
    const pageNumber = pages.length + 1;
    const top = PAGE_HEIGHT - 60;
    const operations = [showText(layout.runningHeader, LEFT, top)];
    lines.slice(start, start + layout.linesPerPage).forEach((line, i) => operations.push(...drawLine(line, top - LINE_GAP * (i + 2))));
    operations.push(showText(`— ${pageNumber} —`, PAGE_WIDTH / 2 - 30, 40));
    pages.push(operations.join('\n'));
  }
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) && objects.length;
  const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  const catalog = add('');
  const pagesObject = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const toUnicode = add(stream(toUnicodeCMap()));
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds = pages.map((content) => {
    const contentId = add(stream(content));
    return add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contentId} 0 R >>`);
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
