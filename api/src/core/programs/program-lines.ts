import { NUMBERING_STYLES, PAGE_ARTEFACTS, headingRole, splitHeadingAndItem } from '@jianyan/shared';

/** A line of a program document; `listNumber`: the number Word's automatic numbering prints before it. */
export interface SourceLine {
  text: string;
  listNumber?: string;
}

/** A line ready for the parser: its text as published and the same text folded to simplified characters. */
export interface PreparedLine {
  text: string;
  folded: string;
  listNumber?: string;
}

type Converter = (text: string) => string;
let toSimplified: Converter | null = null;

/** Traditional characters folded to simplified (opencc-js, loaded on first use), so 主要目標 reads as 主要目标. */
export function foldToSimplified(text: string): string {
  if (!toSimplified) {
    // the package types sit behind an exports map this project’s module resolution does not read
    const opencc = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): Converter };
    toSimplified = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplified(text);
}

const RUNNING_HEADER_MAX = 40;
const TITLE_PERIOD = /^[（(]\s*\d{4}\s*[—–\-－~～至]+\s*\d{4}\s*年?\s*[）)]$/;

/**
 * Lines as the parser reads them: blank lines, page artefacts ([接上页], — 12 —, 12) and running headers
 * (a short unnumbered line repeated on several pages) dropped; a heading and the first item printed on
 * one line (主要目标：1.……) split in two.
 */
export function prepareLines(source: SourceLine[]): PreparedLine[] {
  const lines = source
    .map((line) => ({ ...line, text: line.text.replace(/[\u3000\s\u00a0]+/g, ' ').trim() }))
    .filter((line) => line.text || line.listNumber)
    .map((line) => ({ ...line, folded: sameLength(line.text, foldToSimplified(line.text)) }))
    .filter((line) => line.listNumber || !PAGE_ARTEFACTS.some((pattern) => pattern.test(line.folded)));
  const repeated = runningHeaders(lines);
  return lines
    .filter((line, i) => i === 0 || !repeated.has(line.folded))
    .flatMap((line) => splitLine(line));
}

/** Folding is character for character; should a phrase change length, the original is read as it is. */
function sameLength(text: string, folded: string): string {
  return folded.length === text.length ? folded : text;
}

function runningHeaders(lines: PreparedLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.listNumber || line.folded.length > RUNNING_HEADER_MAX || /[。；;]$/.test(line.folded)) continue;
    if (NUMBERING_STYLES.some((s) => s.pattern.test(line.folded)) || headingRole(line.folded)) continue;
    counts.set(line.folded, (counts.get(line.folded) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([text]) => text));
}

function splitLine(line: PreparedLine): PreparedLine[] {
  const style = line.listNumber ? null : NUMBERING_STYLES.find((s) => s.pattern.test(line.folded));
  const numberLength = style ? style.pattern.exec(line.folded)![0].length : 0;
  const split = splitHeadingAndItem(line.folded.slice(numberLength));
  if (!split) return [line];
  const itemStart = line.folded.length - split[1].length;
  const heading = { ...line, text: line.text.slice(0, itemStart).trim(), folded: line.folded.slice(0, itemStart).trim() };
  return [heading, ...splitLine({ text: line.text.slice(itemStart), folded: line.folded.slice(itemStart) })];
}

/** A title line or the period line under it (（2021—2030年）), skipped before the first heading. */
export function isTitleLine(folded: string): boolean {
  return (/纲要|规划|计划/.test(folded) && folded.length <= 60) || TITLE_PERIOD.test(folded);
}
