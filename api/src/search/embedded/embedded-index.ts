import type { FieldValue, IndexDefinition, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../search.port';
import { escapeHtml, fold, indexTokens, isCjk, queryTokens } from '../text-analysis';
import { Interner, float64Column, int32Column } from './doc-table';
import { Postings, editDistanceWithin } from './postings';

const K1 = 1.2;
const B = 0.75;
const SNIPPET_CHARS = 80;
const MIN_TYPO_LENGTH = 5;

interface StoredDocument {
  id: string;
  snippetText: string;
  /** Interned facet value ids, per facet field (in definition order). */
  facets: number[][];
  /** Interned access token ids. */
  access: number[];
  deny: number[];
  payload: Record<string, FieldValue>;
}

/**
 * One in-memory inverted index with BM25 ranking over weighted fields. The query path works on
 * typed arrays (scores and match marks per document number, interned facet values and access
 * tokens), so a query costs about one pass over the postings of its words.
 */
export class EmbeddedIndex {
  private readonly documents: (StoredDocument | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly lengths = float64Column();
  private readonly dates = float64Column();
  private readonly scores = float64Column();
  private readonly marks = int32Column();
  private readonly facetValues: Interner[];
  /** Per facet field, the value id of each document when it has exactly one (-1: none or several). */
  private readonly singleFacet: ReturnType<typeof int32Column>[];
  private readonly accessTokens = new Interner();
  private sortedLatinTerms: string[] | null = null;
  private live = 0;
  private totalLength = 0;
  private removedSinceCompaction = 0;
  private stamp = 0;

  constructor(readonly definition: IndexDefinition) {
    this.facetValues = definition.facetFields.map(() => new Interner());
    this.singleFacet = definition.facetFields.map(() => int32Column());
  }

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
      facets: this.definition.facetFields.map((field, f) => (document.facets[field] ?? []).map((v) => this.facetValues[f].id(v))),
      access: document.access.map((t) => this.accessTokens.id(t)),
      deny: (document.deny ?? []).map((t) => this.accessTokens.id(t)),
      payload: document.payload ?? {},
    });
    for (const column of [this.lengths, this.dates, this.scores]) column.ensure(number + 1);
    this.marks.ensure(number + 1);
    const stored = this.documents[number]!;
    this.singleFacet.forEach((column, f) => {
      column.ensure(number + 1);
      column.values[number] = stored.facets[f].length === 1 ? stored.facets[f][0] : -1;
    });
    this.lengths.values[number] = length;
    this.dates.values[number] = document.date;
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
    this.totalLength -= this.lengths.values[number];
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
    if (isCjk(token)) return this.postings.has(token) ? [token] : [];
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

  /** A predicate on documents: the caller holds one of its tokens, none of its denied ones, and it passes every filter. */
  private allowedTest(query: SearchQuery): (doc: StoredDocument) => boolean {
    const tokens = new Set(query.accessTokens.map((t) => this.accessTokens.find(t)).filter((id): id is number => id !== undefined));
    const filters = Object.entries(query.filters ?? {})
      .filter(([, values]) => values.length > 0)
      .map(([field, values]) => {
        const f = this.definition.facetFields.indexOf(field);
        const ids = new Set(f < 0 ? [] : values.map((v) => this.facetValues[f].find(v)).filter((id): id is number => id !== undefined));
        return { f, ids };
      });
    return (doc) =>
      doc.access.some((t) => tokens.has(t)) &&
      !doc.deny.some((t) => tokens.has(t)) &&
      filters.every(({ f, ids }) => f >= 0 && doc.facets[f].some((v) => ids.has(v)));
  }

  search(query: SearchQuery): Omit<SearchResult, 'tookMs'> {
    const allowed = this.allowedTest(query);
    const groups = query.text.trim() ? this.termGroups(query.text) : [];
    const scores = this.scores.values;
    const marks = this.marks.values;
    let candidates: number[] = [];

    if (groups.length === 0) {
      this.documents.forEach((doc, number) => {
        if (doc && allowed(doc)) {
          scores[number] = 0;
          candidates.push(number);
        }
      });
    } else if (groups.every((g) => g.length > 0)) {
      // marks[doc] === base + g: the document matched groups 0..g (smallest group first)
      const base = this.stamp + 1;
      this.stamp += groups.length + 1;
      const averageLength = this.totalLength / Math.max(1, this.live);
      const ordered = [...groups].sort((a, b) => this.groupSize(a) - this.groupSize(b));
      let matched: number[] = [];
      ordered.forEach((group, g) => {
        const next: number[] = [];
        const visit = (number: number, weight: number, idf: number) => {
          if (g > 0 ? marks[number] !== base + g - 1 : marks[number] === base) return;
          const doc = this.documents[number];
          if (!doc || (g === 0 && !allowed(doc))) return;
          const score = (idf * weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * this.lengths.values[number]) / averageLength));
          scores[number] = g === 0 ? score : scores[number] + score;
          marks[number] = base + g;
          next.push(number);
        };
        for (const term of group) {
          const list = this.postings.get(term)!;
          const idf = Math.log(1 + (this.live - list.length + 0.5) / (list.length + 0.5));
          if (g > 0 && matched.length * 20 < list.length) {
            // few documents still match: look each one up in the (ascending) posting list
            for (const number of matched) {
              const at = list.indexOf(number);
              if (at >= 0) visit(number, list.weights[at], idf);
            }
          } else {
            for (let i = 0; i < list.length; i++) visit(list.docs[i], list.weights[i], idf);
          }
        }
        matched = next;
      });
      candidates = matched;
    }

    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) {
      const f = this.definition.facetFields.indexOf(field);
      if (f < 0) continue;
      const counts = new Int32Array(this.facetValues[f].names.length);
      const single = this.singleFacet[f].values;
      for (const number of candidates) {
        const v = single[number];
        if (v >= 0) counts[v]++;
        else for (const value of this.documents[number]!.facets[f]) counts[value]++;
      }
      facets[field] = {};
      counts.forEach((count, v) => {
        if (count > 0) facets[field][this.facetValues[f].names[v]] = count;
      });
    }

    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const top = this.topK(candidates, offset + limit).slice(offset);
    const highlightTerms = [...new Set(groups.flat())];
    const hits: SearchHit[] = top.map((number) => {
      const doc = this.documents[number]!;
      return { id: doc.id, score: scores[number], snippet: snippet(doc.snippetText, highlightTerms), payload: doc.payload };
    });
    return { hits, total: candidates.length, facets };
  }

  private groupSize(group: string[]): number {
    return group.reduce((sum, term) => sum + (this.postings.get(term)?.length ?? 0), 0);
  }

  /** The k best candidates by score, ties broken by date (newer first). */
  private topK(candidates: number[], k: number): number[] {
    const scores = this.scores.values;
    const dates = this.dates.values;
    const better = (a: number, b: number) => (scores[a] !== scores[b] ? scores[a] > scores[b] : dates[a] > dates[b]);
    const best: number[] = [];
    for (const number of candidates) {
      if (best.length === k && !better(number, best[k - 1])) continue;
      let i = best.length < k ? best.length : k - 1;
      best[i] = number;
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
