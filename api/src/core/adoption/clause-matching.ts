import { indexTokens, isCjk } from '../../search/text-analysis';

/** A clause as matching sees it. */
export interface ClauseText {
  id: string;
  text: string;
}

export interface ClauseScore {
  clauseId: string;
  /** Cosine similarity of the TF-IDF vectors, 0 to 1. */
  score: number;
  /** Shared words, most telling first. */
  overlap: string[];
}

/** Words that say nothing about a suggestion's subject. */
const STOP_WORDS = new Set([
  '建议', '进一步', '加强', '推进', '推动', '完善', '健全', '积极', '开展', '提高', '提升', '促进', '支持', '鼓励', '落实', '实施',
  '相关', '有关', '部门', '工作', '机制', '体系', '服务', '水平', '能力', '发展', '建设', '保障', '政策', '措施', '制度', '全面',
  '我们', '通过', '以及', '及其', '其中', '等等', '不断', '逐步', '逐年', '更多', '更加', '力度', '加大', '依法', '有效', '切实', '提供', '为了', '各类',
]);
/** Scores below this count as no match. */
export const MIN_MATCH_SCORE = 0.06;
/** Proposals scoring less than this share of the best one are left out: they are rarely right. */
export const RELATIVE_CUTOFF = 0.5;

/** Words for matching: jieba search-mode words of two or more characters (or Latin words), without stop words. */
export function matchTerms(text: string): string[] {
  return indexTokens(text).filter((t) => (isCjk(t) ? t.length >= 2 : t.length >= 3 && !/^\d+$/.test(t)) && !STOP_WORDS.has(t));
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
    for (const { terms } of termsOf) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
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

  /** The `limit` most similar clauses above the minimum score, skipping `exclude`. */
  rank(text: string, options: { limit?: number; exclude?: ReadonlySet<string>; minScore?: number } = {}): ClauseScore[] {
    const { limit = 3, exclude = new Set<string>(), minScore = MIN_MATCH_SCORE } = options;
    const query = this.weigh(matchTerms(text));
    const queryNorm = norm(query);
    if (queryNorm === 0) return [];
    const scored: ClauseScore[] = [];
    for (const clause of this.vectors) {
      if (exclude.has(clause.id) || clause.norm === 0) continue;
      let dot = 0;
      const shared: string[] = [];
      for (const [term, weight] of query) {
        const other = clause.weights.get(term);
        if (other) {
          dot += weight * other;
          shared.push(term);
        }
      }
      const score = dot / (queryNorm * clause.norm);
      if (score >= minScore) scored.push({ clauseId: clause.id, score: Math.round(score * 1000) / 1000, overlap: this.telling(shared) });
    }
    scored.sort((a, b) => b.score - a.score || a.clauseId.localeCompare(b.clauseId));
    const cutoff = (scored[0]?.score ?? 0) * RELATIVE_CUTOFF;
    return scored.filter((m) => m.score >= cutoff).slice(0, limit);
  }

  /** Sublinear term frequency times IDF; words unknown to the clauses get the highest IDF. */
  private weigh(terms: string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return new Map([...tf].map(([t, count]) => [t, (1 + Math.log(count)) * (this.idf.get(t) ?? this.maxIdf)]));
  }

  private telling(terms: string[]): string[] {
    return [...new Set(terms)].sort((a, b) => (this.idf.get(b) ?? 0) * b.length - (this.idf.get(a) ?? 0) * a.length || a.localeCompare(b)).slice(0, 15);
  }
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}
