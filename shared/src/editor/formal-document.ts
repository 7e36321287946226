import type { JSONContent } from '@tiptap/core';

/**
 * The layout of a proposal as a formal Chinese document (公文, after GB/T 9704-2012), shared by the
 * Word export (api/src/export/proposal-docx.ts) and the print view (web/src/proposals/PrintPage.tsx),
 * so both print the same blocks in the same order with the same numbers:
 * title, addressee, body (headings 一、 / （一） / 1., paragraphs, tables, numbered suggestions
 * with their titles), authors, date.
 */

export interface FormalRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break inside the paragraph (the text is empty). */
  lineBreak?: boolean;
}

/** Heading depth in the official scheme: 1 一、(黑体), 2 （一）(楷体), 3 1.(仿宋, bold). */
export type FormalHeadingLevel = 1 | 2 | 3;

export interface FormalTableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  paragraphs: FormalRun[][];
}

export interface FormalTableRow {
  /** Every cell of the row is a header cell: repeated on each page (w:tblHeader). */
  header: boolean;
  cells: FormalTableCell[];
}

export type FormalBlock =
  /** `number` is the number to print before the text; empty when the text already begins with its own. */
  | { kind: 'heading'; level: FormalHeadingLevel; number: string; runs: FormalRun[] }
  | { kind: 'paragraph'; number: string; runs: FormalRun[] }
  /** A numbered suggestion: its number and title lead its first paragraph. */
  | { kind: 'suggestion'; suggestionNumber: number; number: string; title: string; paragraphs: FormalRun[][] }
  | { kind: 'table'; rows: FormalTableRow[] };

export interface FormalSuggestion {
  id: string;
  number: number;
  title: string;
  text: string;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (numbers of headings; beyond 99 in digits). */
export function chineseNumeral(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n];
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${units ? CHINESE_DIGITS[units] : ''}`;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const DIGITS = '[0-9０-９]+';
/**
 * A number an author typed at the start of a heading or paragraph: 一、 一. （一） (一) 1. 1、 １． 1﹒
 * （1） ① … ⑳ 第一、 第一部分. `3.5%` or `2021年` are not numbers of the paragraph.
 */
const LEADING_NUMBER = new RegExp(
  `^\\s*(?:第?${CN}[、．.](?![0-9０-９])|第${CN}(?:部分|章|节|条)|[（(](?:${CN}|${DIGITS})[）)]|${DIGITS}(?:[、﹒•]|[.．](?![0-9０-９]))|[①-⑳])`,
);

/** The numbering the text already begins with, if any (so that it is never numbered twice). */
export function leadingNumber(text: string): string | null {
  return LEADING_NUMBER.exec(text)?.[0].trim() ?? null;
}

/** The day of a formal document as GB/T 9704 writes it: 2021年12月15日 (no leading zeros). */
export function officialDate(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

const ENDS_WITH_PUNCTUATION = /[。；;！!？?：:，,、.…）)”"」]$/;

function runsOf(node: JSONContent): FormalRun[] {
  return (node.content ?? []).flatMap((child): FormalRun[] => {
    if (child.type === 'hardBreak') return [{ text: '', lineBreak: true }];
    if (child.type !== 'text') return runsOf(child);
    const marks = new Set((child.marks ?? []).map((m) => m.type));
    return [{ text: child.text ?? '', ...(marks.has('bold') ? { bold: true } : {}), ...(marks.has('italic') ? { italic: true } : {}) }];
  });
}

const textOf = (runs: FormalRun[]) => runs.map((r) => r.text).join('');

/** Every text block under `node` (paragraphs, headings, code), as runs, in order. */
function textBlocks(node: JSONContent): FormalRun[][] {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') return [runsOf(node)];
  return (node.content ?? []).flatMap(textBlocks);
}

function tableRows(table: JSONContent): FormalTableRow[] {
  return (table.content ?? []).map((row) => {
    const cells = (row.content ?? []).map(
      (cell): FormalTableCell => ({
        header: cell.type === 'tableHeader',
        colspan: Number(cell.attrs?.colspan ?? 1) || 1,
        rowspan: Number(cell.attrs?.rowspan ?? 1) || 1,
        paragraphs: textBlocks(cell),
      }),
    );
    return { header: cells.length > 0 && cells.every((c) => c.header), cells };
  });
}

/** Editor heading levels 1–2 are the first official level, 3 the second, 4–6 the third. */
const officialLevel = (editorLevel: number): FormalHeadingLevel => (editorLevel <= 2 ? 1 : editorLevel === 3 ? 2 : 3);

const HEADING_NUMBER: Record<FormalHeadingLevel, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
};

/** The suggestion's title as the lead sentence of its first paragraph, unless that paragraph already begins with it. */
function suggestionTitle(title: string, firstParagraph: string): string {
  const trimmed = title.trim();
  const opening = firstParagraph.trim().slice(leadingNumber(firstParagraph)?.length ?? 0).trim();
  if (!trimmed || opening.startsWith(trimmed.replace(ENDS_WITH_PUNCTUATION, ''))) return '';
  return ENDS_WITH_PUNCTUATION.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** What leads a suggestion's first paragraph: its number (unless the text brings its own) and its title. */
export function suggestionLead(number: number, title: string, firstParagraph: string): { number: string; title: string } {
  return { number: leadingNumber(firstParagraph) ? '' : `${number}.`, title: suggestionTitle(title, firstParagraph) };
}

function suggestionBlock(number: number, title: string, paragraphs: FormalRun[][]): FormalBlock {
  return {
    kind: 'suggestion',
    suggestionNumber: number,
    ...suggestionLead(number, title, textOf(paragraphs[0] ?? [])),
    paragraphs: paragraphs.length ? paragraphs : [[]],
  };
}

/** The body of the document from the editor's JSON; each suggestion block takes its title from its row. */
function bodyBlocks(body: JSONContent, suggestions: readonly FormalSuggestion[]): FormalBlock[] {
  const rows = new Map(suggestions.map((s) => [s.id, s]));
  const blocks: FormalBlock[] = [];
  const headingCounts: Record<FormalHeadingLevel, number> = { 1: 0, 2: 0, 3: 0 };
  let suggestionCount = 0;

  const walk = (node: JSONContent, listNumber = ''): void => {
    switch (node.type) {
      case 'heading': {
        const level = officialLevel(Number(node.attrs?.level ?? 2));
        headingCounts[level] += 1;
        for (const deeper of [2, 3] as const) if (deeper > level) headingCounts[deeper] = 0;
        const runs = runsOf(node);
        blocks.push({ kind: 'heading', level, number: leadingNumber(textOf(runs)) ? '' : HEADING_NUMBER[level](headingCounts[level]), runs });
        return;
      }
      case 'paragraph': {
        const runs = runsOf(node);
        if (runs.length === 0 && !listNumber) return;
        blocks.push({ kind: 'paragraph', number: listNumber && !leadingNumber(textOf(runs)) ? listNumber : '', runs });
        return;
      }
      case 'suggestion': {
        suggestionCount += 1;
        const row = rows.get(String(node.attrs?.id ?? ''));
        blocks.push(suggestionBlock(suggestionCount, row?.title ?? '', textBlocks(node)));
        return;
      }
      case 'table':
        blocks.push({ kind: 'table', rows: tableRows(node) });
        return;
      case 'bulletList':
      case 'orderedList': {
        const start = Number(node.attrs?.start ?? 1) || 1;
        (node.content ?? []).forEach((item, i) =>
          (item.content ?? []).forEach((child, j) =>
            walk(child, j > 0 ? '' : node.type === 'orderedList' ? `（${start + i}）` : '·'),
          ),
        );
        return;
      }
      case 'codeBlock':
        blocks.push({ kind: 'paragraph', number: '', runs: runsOf(node) });
        return;
      default:
        (node.content ?? []).forEach((child) => walk(child, listNumber));
    }
  };
  walk(body);
  return blocks;
}

/**
 * The body blocks of the formal document. With a body, its content in order; without one (a
 * proposal never opened in the editor), the summary's paragraphs and then the numbered suggestions.
 */
export function formalDocumentBlocks(input: { body: JSONContent | null; summary: string; suggestions: readonly FormalSuggestion[] }): FormalBlock[] {
  if (input.body) return bodyBlocks(input.body, input.suggestions);
  const paragraphs = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
  return [
    ...paragraphs(input.summary).map((text): FormalBlock => ({ kind: 'paragraph', number: '', runs: [{ text }] })),
    ...[...input.suggestions]
      .sort((a, b) => a.number - b.number)
      .map((s) => suggestionBlock(s.number, s.title, paragraphs(s.text).map((text) => [{ text }]))),
  ];
}
