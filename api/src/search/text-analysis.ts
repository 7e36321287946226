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
  const out: string[] = [];
  for (const run of fold(text).match(RUNS) ?? []) {
    if (isCjk(run)) out.push(...segmenter().cutForSearch(run, true).filter((t) => t.trim()));
    else out.push(run);
  }
  return out;
}

/** Tokens of a query: Chinese runs in jieba's precise mode, other runs as folded words. */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of fold(text).match(RUNS) ?? []) {
    if (isCjk(run)) out.push(...segmenter().cut(run, true).filter((t) => t.trim()));
    else out.push(run);
  }
  return out;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
