/** A run of text that is the same in both versions, only in the new one, or only in the old one. */
export interface DiffSegment {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Longest-common-subsequence diff of two token lists, as merged runs. */
function diffTokens(a: string[], b: string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('equal', a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) push('delete', a[i++]);
    else push('insert', b[j++]);
  }
  while (i < n) push('delete', a[i++]);
  while (j < m) push('insert', b[j++]);
  return out;
}

/**
 * A readable comparison of two texts: paragraphs are matched first, then changed paragraphs
 * are compared character by character (Chinese has no spaces between words). Line breaks are
 * tokens of their own, so a last paragraph matches whether or not a newline follows it.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  const lines = (text: string) => (text === '' ? [] : text.split('\n').flatMap((line, i) => (i === 0 ? [line] : ['\n', line])));
  const byLine = diffTokens(lines(before), lines(after));
  const out: DiffSegment[] = [];
  const push = (segment: DiffSegment) => {
    const last = out[out.length - 1];
    if (last?.kind === segment.kind) last.text += segment.text;
    else if (segment.text) out.push({ ...segment });
  };
  for (let k = 0; k < byLine.length; k++) {
    const segment = byLine[k];
    const next = byLine[k + 1];
    if (segment.kind === 'delete' && next?.kind === 'insert' && segment.text.length * next.text.length <= 4_000_000) {
      diffTokens([...segment.text], [...next.text]).forEach(push);
      k++;
    } else push(segment);
  }
  return out;
}
