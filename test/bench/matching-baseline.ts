/**
 * Clause matching as it was before issue 18 (commit 3acd094), kept unchanged as the benchmark's
 * baseline: jieba search-mode words (substrings such as 动人 from 流动人口 included), a stop-word
 * list, TF-IDF cosine, a floor of 0.06 and no heading filter.
 */
import path from 'node:path';
import { REPO_ROOT } from './bench-support';

const { indexTokens, isCjk } = require(path.join(REPO_ROOT, 'dist/api/search/text-analysis.js')) as {
  indexTokens: (text: string) => string[];
  isCjk: (token: string) => boolean;
};

const STOP_WORDS = new Set([
  '建议', '进一步', '加强', '推进', '推动', '完善', '健全', '积极', '开展', '提高', '提升', '促进', '支持', '鼓励', '落实', '实施',
  '相关', '有关', '部门', '工作', '机制', '体系', '服务', '水平', '能力', '发展', '建设', '保障', '政策', '措施', '制度', '全面',
  '我们', '通过', '以及', '及其', '其中', '等等', '不断', '逐步', '逐年', '更多', '更加', '力度', '加大', '依法', '有效', '切实', '提供', '为了', '各类',
]);
const MIN_MATCH_SCORE = 0.06;
const RELATIVE_CUTOFF = 0.5;

function matchTerms(text: string): string[] {
  return indexTokens(text).filter((t) => (isCjk(t) ? t.length >= 2 : t.length >= 3 && !/^\d+$/.test(t)) && !STOP_WORDS.has(t));
}

export class BaselineClauseIndex {
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly vectors: { id: string; weights: Map<string, number>; norm: number }[];

  constructor(clauses: { id: string; text: string }[]) {
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

  rank(text: string, limit = 3): { clauseId: string; score: number; overlap: string[] }[] {
    const query = this.weigh(matchTerms(text));
    const queryNorm = norm(query);
    if (queryNorm === 0) return [];
    const scored: { clauseId: string; score: number; overlap: string[] }[] = [];
    for (const clause of this.vectors) {
      if (clause.norm === 0) continue;
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
      if (score >= MIN_MATCH_SCORE) scored.push({ clauseId: clause.id, score: Math.round(score * 1000) / 1000, overlap: [...new Set(shared)] });
    }
    scored.sort((a, b) => b.score - a.score || a.clauseId.localeCompare(b.clauseId));
    const cutoff = (scored[0]?.score ?? 0) * RELATIVE_CUTOFF;
    return scored.filter((m) => m.score >= cutoff).slice(0, limit);
  }

  private weigh(terms: string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    return new Map([...tf].map(([t, count]) => [t, (1 + Math.log(count)) * (this.idf.get(t) ?? this.maxIdf)]));
  }
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}
