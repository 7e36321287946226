/**
 * How development programs (发展纲要) are laid out when governments publish them: the numbering
 * styles, the heading words and the page artefacts of extracted PDFs. The API's parser reads
 * programs with these rules; the web app checks an edited preview with the same ones.
 */

export const CHINESE_DIGITS = '一二三四五六七八九十百零〇两';
const CN = `[${CHINESE_DIGITS}]+`;
const DIGITS = '[0-9０-９]{1,3}';
/** After an Arabic number: . ． ﹒ (U+FE52) • · 、 */
const AFTER_DIGITS = '[.．﹒•·、]';
const OPEN = '[（(]';
const CLOSE = '[）)]';

/** A numbering style: its depth among the styles (1 outermost) and how a line starts with it. */
export interface NumberingStyle {
  style: 'chinese' | 'chineseParen' | 'digit' | 'digitParen' | 'circled';
  level: number;
  /** Group 1: the number as printed; the rest of the line follows. */
  pattern: RegExp;
}

/** Outermost to innermost, as Chinese official documents number them: 一、 （一） 1. （1） ①. */
export const NUMBERING_STYLES: NumberingStyle[] = [
  { style: 'chinese', level: 1, pattern: new RegExp(`^(${CN}[、．.﹒])\\s*`) },
  { style: 'chineseParen', level: 2, pattern: new RegExp(`^(${OPEN}${CN}${CLOSE})\\s*[、.．]?\\s*`) },
  { style: 'digitParen', level: 4, pattern: new RegExp(`^(${OPEN}${DIGITS}${CLOSE})\\s*[、.．]?\\s*`) },
  { style: 'digit', level: 3, pattern: new RegExp(`^(${DIGITS}${AFTER_DIGITS})\\s*`) },
  { style: 'circled', level: 5, pattern: /^([①-⑳])\s*/ },
];

/**
 * What a heading's own words make of it: a group of goals, a group of measures, the part that holds
 * the areas (发展领域…), or a plain section. Decided by the whole title, never by a word inside it.
 */
export type HeadingRole = 'goals' | 'measures' | 'areas' | 'section';

export const HEADING_WORDS: { words: string[]; role: HeadingRole }[] = [
  { words: ['主要目标', '目标', '总体目标', '发展目标'], role: 'goals' },
  { words: ['策略措施', '主要措施', '措施', '主要任务'], role: 'measures' },
  { words: ['发展领域', '发展领域、主要目标和策略措施', '发展领域、目标和策略措施', '优先发展领域'], role: 'areas' },
  { words: ['组织实施', '监测评估', '指导思想', '基本原则', '指导思想和基本原则', '总则', '附则'], role: 'section' },
];

const HEADING_ROLES = new Map(HEADING_WORDS.flatMap(({ words, role }) => words.map((w) => [w, role] as const)));
/** A heading word and the first item after it on the same line: 主要目标：1.…… / （一）主要目标。1.…… */
const HEADING_THEN_ITEM = new RegExp(`^(${[...HEADING_ROLES.keys()].sort((a, b) => b.length - a.length).join('|')})\\s*[：:。.．]\\s*(\\S.*)$`);
/** An area: 妇女与健康, 儿童与安全, 妇女与社会保障. */
export const AREA_TITLE = /^(妇女|儿童|女性|未成年人|家庭)[与和][^，。；]{1,12}$/;

/** The role of a heading from its whole text (number removed; trailing 。 or ： ignored), or null. */
export function headingRole(text: string): HeadingRole | null {
  return HEADING_ROLES.get(text.replace(/[\s。.．：:]+$/, '')) ?? null;
}

/** "主要目标：1.妇女……" -> ["主要目标", "1.妇女……"]; null when the line is not a heading with its first item. */
export function splitHeadingAndItem(text: string): [string, string] | null {
  const match = HEADING_THEN_ITEM.exec(text);
  return match ? [match[1], match[2]] : null;
}

/** 责任单位：区卫健委、区妇联 (also 牵头单位, 责任部门; in brackets at the end of a clause). */
export const RESPONSIBLE_UNITS_LINE = /^[（(【[]?\s*(?:责任单位|牵头单位|责任部门|牵头部门)\s*[：:]\s*(.+?)\s*[）)】\]]?$/;
export const RESPONSIBLE_UNITS_TRAILER = /[（(【[]\s*(?:责任单位|牵头单位|责任部门|牵头部门)\s*[：:]\s*([^）)】\]]+)[）)】\]]\s*$/;

/** Lines a PDF adds that are not part of the text: continuation marks and page numbers. */
export const PAGE_ARTEFACTS: RegExp[] = [
  /^[[［【(（]?\s*(接上页|续上页|上接第?\d*页|续表?)\s*[\]］】)）]?$/,
  /^[-—–－~～\s]*[0-9０-９]{1,4}[-—–－~～\s]*$/,
  /^第\s*[0-9０-９]{1,4}\s*页(\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/,
  /^[0-9０-９]{1,4}\s*\/\s*[0-9０-９]{1,4}$/,
];

const CHINESE_VALUES: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of a printed number (三、 （十二） １． (4) ⑦ 9﹒), or null. */
export function numberValue(label: string): number | null {
  const core = label.replace(/[（()）、.．﹒•·\s]/g, '');
  if (/^[①-⑳]$/.test(core)) return core.charCodeAt(0) - 0x2460 + 1;
  const ascii = core.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (!new RegExp(`^${CN}$`).test(core)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of core) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CHINESE_VALUES[ch] ?? 0;
  }
  return total + digit;
}

/** The numbering style of a printed number, or null. */
export function numberingStyle(label: string): NumberingStyle['style'] | null {
  return NUMBERING_STYLES.find((s) => s.pattern.test(label))?.style ?? null;
}
