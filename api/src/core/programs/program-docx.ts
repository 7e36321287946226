import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import type { SourceLine } from './program-lines';

/** Thrown with a message for the person who uploaded the file. */
export class ProgramDocumentError extends Error {}

/** What the parts read here may inflate to together: far above any real program (a zip bomb otherwise). */
export const DOCX_MAX_INFLATED_BYTES = 40 * 1024 * 1024;

type XmlElement = ReturnType<DOMParser['parseFromString']>['documentElement'];

interface Level {
  start: number;
  format: string;
  text: string;
}

/**
 * The paragraphs of a .docx as lines, with the number Word's automatic numbering prints before each
 * (word/numbering.xml: w:numPr's w:numId and w:ilvl, each level's w:lvlText and w:numFmt; numbering
 * given by a paragraph style counts too). Raw text extractors lose those numbers.
 */
export async function readProgramDocx(buffer: Buffer): Promise<SourceLine[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new ProgramDocumentError('is not a .docx file (not a zip archive)');
  }
  const budget = { left: DOCX_MAX_INFLATED_BYTES };
  const document = await readXml(zip, 'word/document.xml', budget);
  if (!document) throw new ProgramDocumentError('is not a .docx file (no word/document.xml)');
  const numbering = new Numbering(await readXml(zip, 'word/numbering.xml', budget), await readXml(zip, 'word/styles.xml', budget));
  const lines: SourceLine[] = [];
  for (const paragraph of elements(document, 'w:p')) {
    const text = paragraphText(paragraph);
    const listNumber = numbering.next(paragraph);
    const [first, ...rest] = text.split('\n');
    lines.push({ text: first, ...(listNumber ? { listNumber } : {}) }, ...rest.map((t) => ({ text: t })));
  }
  return lines;
}

async function readXml(zip: JSZip, name: string, budget: { left: number }): Promise<XmlElement | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    stream
      .on('data', (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(new ProgramDocumentError(`inflates to more than ${DOCX_MAX_INFLATED_BYTES / 1024 / 1024} MB (a zip bomb?)`));
        } else chunks.push(chunk);
      })
      .on('error', () => reject(new ProgramDocumentError('is not a .docx file (a damaged zip archive)')))
      .on('end', () => resolve());
  });
  const xml = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined } }).parseFromString(
    Buffer.concat(chunks).toString('utf8'),
    'text/xml',
  );
  return xml.documentElement ?? null;
}

function elements(parent: XmlElement, tag: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(tag)) as XmlElement[];
}

function child(parent: XmlElement | null | undefined, tag: string): XmlElement | null {
  if (!parent) return null;
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeName === tag) return n as XmlElement;
  return null;
}

const val = (element: XmlElement | null): string | null => element?.getAttribute('w:val') ?? null;

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  const walk = (n: XmlElement) => {
    for (let c = n.firstChild as XmlElement | null; c; c = c.nextSibling as XmlElement | null) {
      if (c.nodeName === 'w:t') text += c.textContent ?? '';
      else if (c.nodeName === 'w:tab') text += ' ';
      else if (c.nodeName === 'w:br' || c.nodeName === 'w:cr') text += '\n';
      else if (c.nodeName !== 'w:pPr' && c.nodeName !== 'w:txbxContent' && c.nodeName !== 'w:delText' && c.nodeName !== 'w:instrText' && c.firstChild) walk(c);
    }
  };
  walk(paragraph);
  return text;
}

/** Word's list counters: one per list (w:num), restarting a level's deeper levels when it advances. */
class Numbering {
  private readonly abstractOf = new Map<string, string>();
  private readonly startOverrides = new Map<string, Map<number, number>>();
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: XmlElement | null, styles: XmlElement | null) {
    for (const abstract of numbering ? elements(numbering, 'w:abstractNum') : []) {
      const levels = new Map<number, Level>();
      for (const lvl of elements(abstract, 'w:lvl')) {
        levels.set(Number(lvl.getAttribute('w:ilvl')), {
          start: Number(val(child(lvl, 'w:start')) ?? 1),
          format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
          text: val(child(lvl, 'w:lvlText')) ?? '',
        });
      }
      this.levels.set(abstract.getAttribute('w:abstractNumId') ?? '', levels);
    }
    for (const num of numbering ? elements(numbering, 'w:num') : []) {
      const numId = num.getAttribute('w:numId') ?? '';
      this.abstractOf.set(numId, val(child(num, 'w:abstractNumId')) ?? '');
      const overrides = new Map<number, number>();
      for (const override of elements(num, 'w:lvlOverride')) {
        const start = val(child(override, 'w:startOverride'));
        if (start !== null) overrides.set(Number(override.getAttribute('w:ilvl')), Number(start));
      }
      this.startOverrides.set(numId, overrides);
    }
    for (const style of styles ? elements(styles, 'w:style') : []) {
      const numPr = child(child(style, 'w:pPr'), 'w:numPr');
      const numId = val(child(numPr, 'w:numId'));
      if (numId) this.styleNumbering.set(style.getAttribute('w:styleId') ?? '', { numId, ilvl: Number(val(child(numPr, 'w:ilvl')) ?? 0) });
    }
  }

  /** The number printed before this paragraph, advancing its list; undefined when it has none. */
  next(paragraph: XmlElement): string | undefined {
    const pPr = child(paragraph, 'w:pPr');
    const numPr = child(pPr, 'w:numPr');
    const byStyle = this.styleNumbering.get(val(child(pPr, 'w:pStyle')) ?? '');
    const numId = val(child(numPr, 'w:numId')) ?? byStyle?.numId;
    if (!numId || numId === '0') return undefined;
    const ilvl = Number(val(child(numPr, 'w:ilvl')) ?? byStyle?.ilvl ?? 0);
    const levels = this.levels.get(this.abstractOf.get(numId) ?? '');
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return undefined;
    const startOf = (i: number) => this.startOverrides.get(numId)?.get(i) ?? levels.get(i)?.start ?? 1;
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    const printed = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counters[i] ?? startOf(i), levels.get(i)?.format ?? 'decimal');
    });
    return printed.trim() || undefined;
  }
}

const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const ZODIAC = '子丑寅卯辰巳午未申酉戌亥';

function chineseNumber(n: number, digits: string[], ten: string): string {
  if (n < 10) return digits[n];
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + ten + (n % 10 ? digits[n % 10] : '');
  return String(n);
}

/** A counter in one of Word's number formats (ST_NumberFormat). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return chineseNumber(n, CHINESE, '十');
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL, '拾');
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return ZODIAC[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}
