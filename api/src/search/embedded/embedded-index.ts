import type { FieldValue, IndexDefinition, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../search.port';
import { escapeHtml, fold, indexTokens, isCjk, queryTokens } from '../text-analysis';
import { Postings, editDistanceWithin } from './postings';

const K1 = 1.2;
const B = 0.75;
const SNIPPET_CHARS = 80;
const MIN_TYPO_LENGTH = 5;

interface StoredDocument {
  id: string;
  snippetText: string;
  facets: Record<string, string[]>;
  access: Set<string>;
  date: number;
  payload: Record<string, FieldValue>;
  length: number;
}

/** One in-memory inverted index with BM25 ranking over weighted fields. */
export class EmbeddedIndex {
  private readonly documents: (StoredDocument | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private sortedLatinTerms: string[] | null = null;
  private live = 0;
  private totalLength = 0;
  private removedSinceCompaction = 0;

  constructor(readonly definition: IndexDefinition) {}

  get size(): number {
    return this.live;
  }

  upsert(document: SearchDocument): void {
    this.remove(document.id);
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of this.definition.textFields) {
      const value = document.text[field.name];
      if (!value) continue;
      for (const token of indexTokens(value)) {
        counts.set(token, (counts.get(token) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    const number = this.documents.length;
    this.documents.push({
      id: document.id,
      snippetText: document.text[this.definition.snippetField] ?? '',
      facets: document.facets,
      access: new Set(document.access),
      date: document.date,
      payload: document.payload ?? {},
      length,
    });
    this.numberOf.set(document.id, number);
    for (const [term, weight] of counts) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
        this.sortedLatinTerms = null;
      }
      list.add(number, weight);
    }
    this.live++;
    this.totalLength += length;
  }

  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    this.totalLength -= this.documents[number]!.length;
    this.documents[number] = undefined;
    this.numberOf.delete(id);
    this.live--;
    if (++this.removedSinceCompaction > 10_000 && this.removedSinceCompaction > this.live / 4) this.compact();
  }

  clear(): void {
    this.documents.length = 0;
    this.numberOf.clear();
    this.postings.clear();
    this.sortedLatinTerms = null;
    this.live = 0;
    this.totalLength = 0;
  }

  private compact(): void {
    for (const list of this.postings.values()) list.compact((doc) => this.documents[doc] !== undefined);
    this.removedSinceCompaction = 0;
  }

  /** Index terms a query token matches: itself, prefixes (last Latin word), one typo (Latin words of 5+ letters). */
  private variants(token: string, isLast: boolean): string[] {
    if (isCjk(token)) {
      if (this.postings.has(token)) return [token];
      // a compound the index split differently: its parts must all match (handled by the caller)
      return [];
    }
    const out = new Set<string>();
    if (this.postings.has(token)) out.add(token);
    const latin = this.latinTerms();
    if (isLast) {
      let lo = 0;
      let hi = latin.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (latin[mid] < token) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < latin.length && latin[i].startsWith(token) && out.size < 50; i++) out.add(latin[i]);
    }
    if (token.length >= MIN_TYPO_LENGTH) {
      for (const term of latin) {
        if (term[0] === token[0] && editDistanceWithin(term, token, 1)) out.add(term);
      }
    }
    return [...out];
  }

  private latinTerms(): string[] {
    this.sortedLatinTerms ??= [...this.postings.keys()].filter((t) => !isCjk(t)).sort();
    return this.sortedLatinTerms;
  }

  /** Query tokens grouped so that every group must match; a group matches through any of its terms. */
  private termGroups(text: string): string[][] {
    const tokens = queryTokens(text);
    const groups: string[][] = [];
    tokens.forEach((token, i) => {
      const variants = this.variants(token, i === tokens.length - 1);
      if (variants.length > 0 || !isCjk(token)) {
        groups.push(variants);
        return;
      }
      // an unknown Chinese word: require its search-mode parts instead (or its characters)
      const parts = indexTokens(token).filter((t) => t !== token);
      const usable = parts.length > 0 ? parts : [...token];
      for (const part of usable) groups.push(this.postings.has(part) ? [part] : []);
    });
    return groups;
  }

  search(query: SearchQuery): Omit<SearchResult, 'tookMs'> {
    const access = new Set(query.accessTokens);
    const filters = Object.entries(query.filters ?? {}).filter(([, values]) => values.length > 0);
    const allowed = (doc: StoredDocument) =>
      [...doc.access].some((t) => access.has(t)) &&
      filters.every(([field, values]) => (doc.facets[field] ?? []).some((v) => values.includes(v)));

    const groups = query.text.trim() ? this.termGroups(query.text) : [];
    const scores = new Map<number, number>();
    if (groups.length === 0) {
      this.documents.forEach((doc, number) => doc && allowed(doc) && scores.set(number, 0));
    } else if (groups.every((g) => g.length > 0)) {
      const averageLength = this.totalLength / Math.max(1, this.live);
      const ordered = [...groups].sort((a, b) => this.groupSize(a) - this.groupSize(b));
      ordered.forEach((group, g) => {
        const groupScores = new Map<number, number>();
        for (const term of group) {
          const list = this.postings.get(term)!;
          const idf = Math.log(1 + (this.live - list.length + 0.5) / (list.length + 0.5));
          for (let i = 0; i < list.length; i++) {
            const number = list.docs[i];
            if (g > 0 && !scores.has(number)) continue;
            const doc = this.documents[number];
            if (!doc) continue;
            const tf = list.weights[i];
            const score = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / averageLength));
            groupScores.set(number, Math.max(groupScores.get(number) ?? 0, score));
          }
        }
        if (g === 0) {
          for (const [number, score] of groupScores) if (allowed(this.documents[number]!)) scores.set(number, score);
        } else {
          for (const number of [...scores.keys()]) {
            const score = groupScores.get(number);
            if (score === undefined) scores.delete(number);
            else scores.set(number, scores.get(number)! + score);
          }
        }
      });
    }

    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) facets[field] = {};
    if (query.facets?.length) {
      for (const number of scores.keys()) {
        const doc = this.documents[number]!;
        for (const field of query.facets) {
          for (const value of doc.facets[field] ?? []) facets[field][value] = (facets[field][value] ?? 0) + 1;
        }
      }
    }

    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const top = this.topK(scores, offset + limit).slice(offset);
    const highlightTerms = [...new Set(groups.flat())];
    const hits: SearchHit[] = top.map(([number, score]) => {
      const doc = this.documents[number]!;
      return { id: doc.id, score, snippet: snippet(doc.snippetText, highlightTerms), payload: doc.payload };
    });
    return { hits, total: scores.size, facets };
  }

  private groupSize(group: string[]): number {
    return group.reduce((sum, term) => sum + (this.postings.get(term)?.length ?? 0), 0);
  }

  /** The k best by score, ties broken by date (newer first). */
  private topK(scores: Map<number, number>, k: number): [number, number][] {
    const best: [number, number][] = [];
    const better = (a: [number, number], b: [number, number]) =>
      a[1] !== b[1] ? a[1] > b[1] : this.documents[a[0]]!.date > this.documents[b[0]]!.date;
    for (const entry of scores) {
      if (best.length === k && !better(entry, best[k - 1])) continue;
      let i = best.length < k ? best.length : k - 1;
      best[i] = entry;
      while (i > 0 && better(best[i], best[i - 1])) {
        [best[i - 1], best[i]] = [best[i], best[i - 1]];
        i--;
      }
    }
    return best;
  }
}

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
