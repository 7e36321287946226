import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu;

/** Case- and accent-folding (NFKC folds full-width forms such as ＡＢＣ１２３ too). */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

export function isCjk(token: string): boolean {
  return CJK.test(token);
}

/**
 * Tokens for indexing: Chinese runs in jieba's search mode (晋安区 gives 晋安 and 晋安区,
 * 流失率 gives 流失 and 流失率), other runs as folded words.
 */
export function indexTokens(text: string): string[] {
  return tokens(text, (run) => segmenter().cutForSearch(run, true));
}

/** Tokens of a query: Chinese runs in jieba's precise mode, other runs as folded words. */
export function queryTokens(text: string): string[] {
  return tokens(text, (run) => segmenter().cut(run, true));
}

/** Appends one by one: spreading a long run's words into push() overflows the call stack (a 4 MB body did). */
function tokens(text: string, segment: (run: string) => string[]): string[] {
  const out: string[] = [];
  for (const run of fold(text).match(RUNS) ?? []) {
    if (!isCjk(run)) out.push(run);
    else for (const token of segment(run)) if (token.trim()) out.push(token);
  }
  return out;
}

/**
 * At most `limit` UTF-16 units of a text, never splitting a surrogate pair: what is indexed of a
 * field, so that a huge body is searchable by its beginning at a bounded cost.
 */
export function leading(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[limit - 1]) ? limit - 1 : limit;
  return text.slice(0, cut);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
