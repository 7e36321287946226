import { escapeHtml, fold } from '../text-analysis';

const SNIPPET_CHARS = 80;

/** A window of the text around the first match, escaped, with the matched terms in <mark>. */
export function snippet(text: string, terms: string[]): string {
  const folded = fold(text);
  const sameLength = folded.length === text.length;
  const haystack = sameLength ? folded : text.toLowerCase();
  const usable = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  let first = -1;
  for (const term of usable) {
    const at = haystack.indexOf(term);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  const start = first <= SNIPPET_CHARS / 3 ? 0 : first - Math.floor(SNIPPET_CHARS / 3);
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  const window = text.slice(start, end);
  const windowHaystack = haystack.slice(start, end);
  let out = '';
  let i = 0;
  while (i < window.length) {
    const term = usable.find((t) => windowHaystack.startsWith(t, i));
    if (term) {
      out += `<mark>${escapeHtml(window.slice(i, i + term.length))}</mark>`;
      i += term.length;
    } else {
      out += escapeHtml(window[i]);
      i++;
    }
  }
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
