import type { FieldValue, IndexDefinition, SearchDocument, SearchHit, SearchQuery, SearchResult } from '../search.port';
import { indexTokens, isCjk, queryTokens } from '../text-analysis';
import { AccessClasses, Interner, float64Column, int32Column } from './doc-table';
import { Postings, editDistanceWithin } from './postings';
import { snippet } from './snippet';

const K1 = 1.2;
const B = 0.75;
/**
 * The length (weighted words) a document's own length is compared with. A constant, not the
 * average over the index: the order of a caller's hits must not depend on documents she cannot see.
 */
const REFERENCE_LENGTH = 200;
/** Term contributions are counted in 1/1024ths: integer sums are exact in any order of the groups. */
const SCORE_UNIT = 1024;
const MIN_TYPO_LENGTH = 5;

interface StoredDocument {
  id: string;
  snippetText: string;
  /** Interned facet value ids, per facet field (in definition order). */
  facets: number[][];
  payload: Record<string, FieldValue>;
  /** The posting lists holding this document, so that removing it drops its postings at once. */
  postings: Postings[];
}

/** Matched document numbers in a reusable buffer: `docs[0..count)`. */
interface Matches {
  docs: Int32Array;
  count: number;
}

/** Whether the caller may get a document: its access class, then the caller's facet filters. */
interface Admission {
  classes: Uint8Array;
  /** Null when the query has no filters. */
  filter: ((number: number) => boolean) | null;
}

/**
 * One in-memory inverted index ranking over weighted fields by BM25's term-frequency saturation and
 * length normalisation, without corpus statistics (no IDF, no average length): a hit's score depends
 * on the query and the document alone, so what a caller sees never depends on documents she cannot
 * see. The query path works on typed arrays only (scores, match marks, access classes and single
 * facet values per document number, matches in preallocated buffers), so a query costs one tight
 * pass over the postings of its words; totals and facet counts stay exact because every match is visited.
 */
export class EmbeddedIndex {
  private readonly documents: (StoredDocument | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  private readonly lengths = float64Column();
  private readonly dates = float64Column();
  private readonly scores = float64Column();
  private readonly marks = int32Column();
  /** Per document, its access class (-1: removed). */
  private readonly accessClass = int32Column();
  private readonly facetValues: Interner[];
  /** Per facet field, the value id of each document when it has exactly one (-1: none or several). */
  private readonly singleFacet: ReturnType<typeof int32Column>[];
  private readonly accessTokens = new Interner();
  private readonly accessClasses = new AccessClasses();
  private sortedLatinTerms: string[] | null = null;
  private live = 0;
  private stamp = 0;
  private matchBuffers: [Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024)];

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
    const stored: StoredDocument = {
      id: document.id,
      snippetText: document.text[this.definition.snippetField] ?? '',
      facets: this.definition.facetFields.map((field, f) => (document.facets[field] ?? []).map((v) => this.facetValues[f].id(v))),
      payload: document.payload ?? {},
      postings: [],
    };
    this.documents.push(stored);
    for (const column of [this.lengths, this.dates, this.scores]) column.ensure(number + 1);
    for (const column of [this.marks, this.accessClass]) column.ensure(number + 1);
    this.singleFacet.forEach((column, f) => {
      column.ensure(number + 1);
      column.values[number] = stored.facets[f].length === 1 ? stored.facets[f][0] : -1;
    });
    this.accessClass.values[number] = this.accessClasses.classOf(
      document.access.map((t) => this.accessTokens.id(t)),
      (document.deny ?? []).map((t) => this.accessTokens.id(t)),
    );
    this.lengths.values[number] = length;
    this.dates.values[number] = document.date;
    this.numberOf.set(document.id, number);
    for (const [term, weight] of counts) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings(term);
        this.postings.set(term, list);
        if (!isCjk(term)) this.sortedLatinTerms = null;
      }
      list.add(number, weight);
      stored.postings.push(list);
    }
    this.live++;
  }

  /** Forgets a document and its postings at once: no trace of it is left for terms or prefixes. */
  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    for (const list of this.documents[number]!.postings) {
      list.delete(number);
      if (list.length > 0) continue;
      this.postings.delete(list.term);
      if (!isCjk(list.term)) this.sortedLatinTerms = null;
    }
    this.documents[number] = undefined;
    this.accessClass.values[number] = -1;
    this.numberOf.delete(id);
    this.live--;
  }

  clear(): void {
    this.documents.length = 0;
    this.numberOf.clear();
    this.postings.clear();
    this.accessClasses.clear();
    this.sortedLatinTerms = null;
    this.live = 0;
  }

  /**
   * Index terms a query token matches: itself, prefixes (last Latin word), one typo (Latin words of 5+
   * letters). All of them, not the first n: a cut-off would let terms of unseen documents push out seen ones.
   */
  private variants(token: string, isLast: boolean, admission: Admission): string[] {
    if (isCjk(token)) return this.admits(token, admission) ? [token] : [];
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
      for (let i = lo; i < latin.length && latin[i].startsWith(token); i++) out.add(latin[i]);
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

  /** Whether a document the caller may get holds this term. */
  private admits(term: string, { classes }: Admission): boolean {
    const list = this.postings.get(term);
    if (!list) return false;
    const access = this.accessClass.values;
    for (let i = 0; i < list.length; i++) if (classes[access[list.docs[i]]] === 1) return true;
    return false;
  }

  /** Query tokens grouped so that every group must match; a group matches through any of its terms. */
  private termGroups(text: string, admission: Admission): string[][] {
    const tokens = queryTokens(text);
    const groups: string[][] = [];
    tokens.forEach((token, i) => {
      const variants = this.variants(token, i === tokens.length - 1, admission);
      if (variants.length > 0 || !isCjk(token)) {
        groups.push(variants);
        return;
      }
      // a Chinese word none of the caller's documents holds as a word: require its search-mode parts
      // instead (or its characters); decided over her documents only, so unseen ones change nothing
      const parts = indexTokens(token).filter((t) => t !== token);
      const usable = parts.length > 0 ? parts : [...token];
      for (const part of usable) groups.push(this.postings.has(part) ? [part] : []);
    });
    return groups;
  }

  /** The caller's access classes and filters, compiled once per query. */
  private admission(query: SearchQuery): Admission {
    const tokens = new Set(query.accessTokens.map((t) => this.accessTokens.find(t)).filter((id): id is number => id !== undefined));
    const filters = Object.entries(query.filters ?? {})
      .filter(([, values]) => values.length > 0)
      .map(([field, values]) => {
        const f = this.definition.facetFields.indexOf(field);
        const allowed = new Uint8Array(f < 0 ? 0 : this.facetValues[f].names.length);
        for (const value of values) {
          const id = f < 0 ? undefined : this.facetValues[f].find(value);
          if (id !== undefined) allowed[id] = 1;
        }
        return { f, allowed, single: f < 0 ? new Int32Array(0) : this.singleFacet[f].values };
      });
    const classes = this.accessClasses.allowedFor(tokens);
    if (filters.length === 0) return { classes, filter: null };
    if (filters.some(({ f }) => f < 0)) return { classes, filter: () => false };
    return {
      classes,
      filter: (number) => {
        for (const { f, allowed, single } of filters) {
          const value = single[number];
          if (value >= 0 ? allowed[value] === 0 : !this.documents[number]!.facets[f].some((v) => allowed[v] === 1)) return false;
        }
        return true;
      },
    };
  }

  search(query: SearchQuery): Omit<SearchResult, 'tookMs'> {
    const admission = this.admission(query);
    const groups = query.text.trim() ? this.termGroups(query.text, admission) : [];
    const matches =
      groups.length === 0
        ? this.matchEverything(admission)
        : groups.every((g) => g.length > 0)
          ? this.matchGroups(groups, admission)
          : { docs: this.matchBuffers[0], count: 0 };

    const facets: Record<string, Record<string, number>> = {};
    for (const field of query.facets ?? []) {
      const f = this.definition.facetFields.indexOf(field);
      if (f >= 0) facets[field] = this.facetCounts(f, matches);
    }

    const limit = query.limit ?? 20;
    const offset = query.offset ?? 0;
    const top = this.topK(matches, offset + limit).slice(offset);
    const terms = [...new Set(groups.flat())];
    const hits: SearchHit[] = top.map((number) => {
      const doc = this.documents[number]!;
      // only the terms this document holds: marking another document's term would reveal that it exists
      const own = terms.filter((term) => this.postings.get(term)!.indexOf(number) >= 0);
      return { id: doc.id, snippet: snippet(doc.snippetText, own), payload: doc.payload };
    });
    return { hits, total: matches.count, facets };
  }

  /** Two match buffers large enough for every document number. */
  private buffers(): [Int32Array, Int32Array] {
    if (this.matchBuffers[0].length < this.documents.length) {
      const size = Math.max(this.documents.length, this.matchBuffers[0].length * 2);
      this.matchBuffers = [new Int32Array(size), new Int32Array(size)];
    }
    return this.matchBuffers;
  }

  private matchEverything({ classes, filter }: Admission): Matches {
    const [docs] = this.buffers();
    const access = this.accessClass.values;
    const scores = this.scores.values;
    let count = 0;
    for (let number = 0; number < this.documents.length; number++) {
      const c = access[number];
      if (c < 0 || classes[c] === 0 || (filter !== null && !filter(number))) continue;
      scores[number] = 0;
      docs[count++] = number;
    }
    return { docs, count };
  }

  /**
   * Documents matching every group, scored by term-frequency saturation with length normalisation. Groups go smallest first; marks[doc] === base + g
   * means the document matched groups 0..g, and only the first term of a group that matches counts.
   */
  private matchGroups(groups: string[][], { classes, filter }: Admission): Matches {
    const [first, second] = this.buffers();
    const scores = this.scores.values;
    const marks = this.marks.values;
    const lengths = this.lengths.values;
    const access = this.accessClass.values;
    const base = this.stamp + 1;
    this.stamp += groups.length + 1;
    const contribution = (weight: number, length: number) =>
      Math.round((SCORE_UNIT * weight * (K1 + 1)) / (weight + K1 * (1 - B + (B * length) / REFERENCE_LENGTH)));
    const ordered = [...groups].sort((a, b) => this.groupSize(a) - this.groupSize(b));
    let matched = first;
    let count = 0;
    let next = second;
    ordered.forEach((group, g) => {
      let found = 0;
      const previous = base + g - 1;
      const mark = base + g;
      for (const term of group) {
        const list = this.postings.get(term)!;
        const docs = list.docs;
        const weights = list.weights;
        if (g === 0) {
          for (let i = 0; i < list.length; i++) {
            const number = docs[i];
            if (marks[number] === base) continue;
            const c = access[number];
            if (c < 0 || classes[c] === 0 || (filter !== null && !filter(number))) continue;
            const weight = weights[i];
            scores[number] = contribution(weight, lengths[number]);
            marks[number] = mark;
            next[found++] = number;
          }
        } else if (count * 20 < list.length) {
          // few documents still match: look each one up in the (ascending) posting list
          for (let j = 0; j < count; j++) {
            const number = matched[j];
            if (marks[number] !== previous) continue;
            const at = list.indexOf(number);
            if (at < 0 || access[number] < 0) continue;
            const weight = weights[at];
            scores[number] += contribution(weight, lengths[number]);
            marks[number] = mark;
            next[found++] = number;
          }
        } else {
          for (let i = 0; i < list.length; i++) {
            const number = docs[i];
            if (marks[number] !== previous || access[number] < 0) continue;
            const weight = weights[i];
            scores[number] += contribution(weight, lengths[number]);
            marks[number] = mark;
            next[found++] = number;
          }
        }
      }
      [matched, next] = [next, matched];
      count = found;
    });
    return { docs: matched, count };
  }

  /** Exact counts of a facet field's values over the matches. */
  private facetCounts(f: number, { docs, count }: Matches): Record<string, number> {
    const counts = new Int32Array(this.facetValues[f].names.length);
    const single = this.singleFacet[f].values;
    for (let i = 0; i < count; i++) {
      const number = docs[i];
      const v = single[number];
      if (v >= 0) counts[v]++;
      else for (const value of this.documents[number]!.facets[f]) counts[value]++;
    }
    const out: Record<string, number> = {};
    counts.forEach((n, v) => {
      if (n > 0) out[this.facetValues[f].names[v]] = n;
    });
    return out;
  }

  private groupSize(group: string[]): number {
    return group.reduce((sum, term) => sum + (this.postings.get(term)?.length ?? 0), 0);
  }

  /** The k best matches by score, ties broken by date (newer first), then by id (never by how the match went). */
  private topK({ docs, count }: Matches, k: number): number[] {
    const scores = this.scores.values;
    const dates = this.dates.values;
    const better = (a: number, b: number) =>
      scores[a] !== scores[b] ? scores[a] > scores[b] : dates[a] !== dates[b] ? dates[a] > dates[b] : this.documents[a]!.id < this.documents[b]!.id;
    const best: number[] = [];
    for (let j = 0; j < count; j++) {
      const number = docs[j];
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
