import type { NoMatchReason } from '@jianyan/shared';
import { isContentWord, matchTerms, wordWeight } from './match-terms';

export { matchTerms } from './match-terms';

/** A clause as matching sees it. */
export interface ClauseText {
  id: string;
  text: string;
}

/** A saved program node, as far as deciding whether it may be offered goes. */
export interface ClauseNode extends ClauseText {
  kind: string;
  parentId: string | null;
}

export interface ClauseScore {
  clauseId: string;
  /** Cosine similarity of the weighted TF-IDF vectors, 0 to 1. */
  score: number;
  /** Shared content words, most telling first. */
  overlap: string[];
}

export interface NoMatch {
  reason: NoMatchReason;
  /** The best score among clauses sharing a content word, when there was one. */
  bestScore: number | null;
  minScore: number;
}

export interface MatchOutcome {
  matches: ClauseScore[];
  /** Set exactly when `matches` is empty. */
  noMatch: NoMatch | null;
}

/**
 * The score below which a clause is not offered, chosen from the labelled set
 * (matching-fixtures/labelled-set.json, swept by `npm run bench:matching`): suggestions it holds no
 * clause for score at most 0.234 with their best clause (sharing one incidental word such as 困难 or
 * 场地), the true first clause of every matching suggestion at least 0.298 (0.266 on the older,
 * held-out set). 0.25 sits in that gap.
 */
export const MIN_MATCH_SCORE = 0.25;
/** Proposals scoring less than this share of the best one are left out: they are rarely right. */
export const RELATIVE_CUTOFF = 0.5;

const HEADING_WORDS = '发展领域|主要目标|策略措施|总体目标|发展目标|基本原则|指导思想|组织实施|监测评估|主要任务|重点任务|保障措施';
/** Headings that an import may have saved as a goal or measure: 主要目标。 / 发展领域、主要目标和策略措施 / 妇女与健康. */
const HEADING_TEXT = new RegExp(`^(${HEADING_WORDS})([、，和与及]+(${HEADING_WORDS}))*$|^(妇女|儿童|女性|未成年人)(与|和|参与)[^，。；：:,;]{1,12}$`);

/**
 * The clauses that may be offered: goals and measures, but not one that heads other clauses
 * (健全社会保障体系： over its items), ends in a colon, or reads as a heading.
 */
export function offerableClauses<T extends ClauseNode>(nodes: T[]): T[] {
  const parents = new Set(nodes.filter((n) => n.kind === 'goal' || n.kind === 'measure').map((n) => n.parentId));
  return nodes.filter((n) => (n.kind === 'goal' || n.kind === 'measure') && !parents.has(n.id) && !readsAsHeading(n.text));
}

function readsAsHeading(text: string): boolean {
  const trimmed = text.trim();
  if (/[：:]$/.test(trimmed)) return true;
  return HEADING_TEXT.test(trimmed.replace(/[。；;，,\s]+$/, ''));
}

/**
 * An index over clause texts for ranking suggestions against them by TF-IDF cosine similarity,
 * with IDF from the clauses (a word most clauses use tells little about which one took a suggestion up).
 */
export class ClauseIndex {
  private readonly idf = new Map<string, number>();
  /** The IDF of words no clause uses (the highest), computed once. */
  private readonly maxIdf: number;
  private readonly vectors: { id: string; weights: Map<string, number>; norm: number }[];

  constructor(clauses: ClauseText[]) {
    const termsOf = clauses.map((c) => ({ id: c.id, terms: matchTerms(c.text) }));
    const df = new Map<string, number>();
    for (const { terms } of termsOf) for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = clauses.length;
    let maxIdf = 1;
    for (const [term, count] of df) {
      const idf = Math.log(1 + (n - count + 0.5) / (count + 0.5));
      this.idf.set(term, idf);
      if (idf > maxIdf) maxIdf = idf;
    }
    this.maxIdf = maxIdf;
    this.vectors = termsOf.map(({ id, terms }) => {
      const weights = this.weigh(terms);
      return { id, weights, norm: norm(weights) };
    });
  }

  /**
   * The `limit` most similar clauses that share a content word with the text and score at least
   * `minScore`, skipping `exclude`; or why there are none.
   */
  rank(text: string, options: { limit?: number; exclude?: ReadonlySet<string>; minScore?: number } = {}): MatchOutcome {
    const { limit = 3, exclude = new Set<string>(), minScore = MIN_MATCH_SCORE } = options;
    const noMatch = (reason: NoMatchReason, bestScore: number | null = null): MatchOutcome => ({ matches: [], noMatch: { reason, bestScore, minScore } });
    if (this.vectors.length === 0) return noMatch('no_clauses');
    const terms = matchTerms(text);
    if (![...terms.keys()].some(isContentWord)) return noMatch('no_content_words');
    const query = this.weigh(terms);
    const queryNorm = norm(query);
    const scored: (ClauseScore & { excluded: boolean })[] = [];
    for (const clause of this.vectors) {
      if (clause.norm === 0) continue;
      let dot = 0;
      const shared: string[] = [];
      for (const [term, weight] of query) {
        const other = clause.weights.get(term);
        if (other) {
          dot += weight * other;
          if (isContentWord(term)) shared.push(term);
        }
      }
      if (shared.length === 0) continue;
      const score = Math.round((dot / (queryNorm * clause.norm)) * 1000) / 1000;
      scored.push({ clauseId: clause.id, score, overlap: this.telling(shared), excluded: exclude.has(clause.id) });
    }
    scored.sort((a, b) => b.score - a.score || a.clauseId.localeCompare(b.clauseId));
    const good = scored.filter((m) => m.score >= minScore);
    if (good.length === 0) return noMatch(scored.length === 0 ? 'no_shared_words' : 'below_threshold', scored[0]?.score ?? null);
    const open = good.filter((m) => !m.excluded);
    if (open.length === 0) return noMatch('all_decided', good[0].score);
    const cutoff = open[0].score * RELATIVE_CUTOFF;
    const matches = open.filter((m) => m.score >= cutoff).slice(0, limit);
    return { matches: matches.map(({ clauseId, score, overlap }) => ({ clauseId, score, overlap })), noMatch: null };
  }

  /** Sublinear term frequency times IDF times the word's own weight; words unknown to the clauses get the highest IDF. */
  private weigh(terms: Map<string, number>): Map<string, number> {
    return new Map(
      [...terms].map(([t, count]) => [t, (count >= 1 ? 1 + Math.log(count) : count) * (this.idf.get(t) ?? this.maxIdf) * wordWeight(t)]),
    );
  }

  /** Shared words, the most telling first; a part is left out when the compound it belongs to is shared too. */
  private telling(terms: string[]): string[] {
    const unique = [...new Set(terms)];
    return unique
      .filter((t) => !unique.some((other) => other !== t && other.includes(t)))
      .sort((a, b) => (this.idf.get(b) ?? 0) * b.length - (this.idf.get(a) ?? 0) * a.length || a.localeCompare(b)).slice(0, 15);
  }
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}
