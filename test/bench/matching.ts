/**
 * Clause-matching quality on the labelled set (api/src/core/adoption/matching-fixtures/labelled-set.json):
 * the matcher as built by `npm run build` against the pre-issue-18 matcher (matching-baseline.ts) in
 * the same run, plus a sweep of the minimum score that MIN_MATCH_SCORE was chosen from.
 *
 *   npm run build && npm run bench:matching
 *
 * Precision@1: of the suggestions given any offer, the share whose first offer is a labelled clause.
 * Precision@3: of all offers (at most 3 a suggestion), the share that are labelled clauses.
 * Recall@3: of the labelled (suggestion, clause) pairs, the share offered among the first 3.
 * Hit@1: of the suggestions that have a labelled clause, the share whose first offer is one.
 * No-match answered: of the suggestions with no labelled clause, the share given no offer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, args, fmt } from './bench-support';
import { BaselineClauseIndex } from './matching-baseline';

interface LabelledSet {
  clauses: { id: string; depth: number; kind: string; number: string; text: string }[];
  suggestions: { id: string; title: string; text: string; matches: string[] }[];
}
interface Offer {
  clauseId: string;
  score: number;
  overlap: string[];
}
type Ranker = (text: string) => Offer[];

const matching = require(path.join(REPO_ROOT, 'dist/api/core/adoption/clause-matching.js'));
const FIXTURES = path.join(REPO_ROOT, 'api/src/core/adoption/matching-fixtures');
const options = args({ set: path.join(FIXTURES, 'labelled-set.json') });

/** The older pair-labelled set (flat measures, true and false pairs), as a second set the minimum score was not chosen on. */
function heldOutSet(): LabelledSet {
  const older = JSON.parse(readFileSync(path.join(FIXTURES, 'women-children-programs.json'), 'utf8')) as {
    clauses: { id: string; text: string }[];
    suggestions: { id: string; text: string }[];
    pairs: { suggestion: string; clause: string; match: boolean }[];
  };
  return {
    clauses: older.clauses.map((c) => ({ ...c, depth: 0, kind: 'measure', number: '' })),
    suggestions: older.suggestions.map((s) => ({
      id: s.id,
      title: '',
      text: s.text,
      matches: older.pairs.filter((p) => p.suggestion === s.id && p.match).map((p) => p.clause),
    })),
  };
}

/** A labelled set as saved: each node's parent is the nearest node above it one level up. */
function savedNodes(set: LabelledSet) {
  const ancestors: { id: string }[] = [];
  return set.clauses.map((c) => {
    ancestors.length = c.depth;
    const node = { ...c, parentId: c.depth === 0 ? null : ancestors[c.depth - 1].id };
    ancestors.push(node);
    return node;
  });
}
type Node = ReturnType<typeof savedNodes>[number];
const textOf = (s: LabelledSet['suggestions'][number]) => (s.title ? `${s.title}\n${s.text}` : s.text);

interface Measured {
  precisionAt1: number;
  precisionAt3: number;
  recallAt3: number;
  hitAt1: number;
  noMatchAnswered: number;
  matchingAnsweredNone: number;
  offers: number;
  headingOffers: number;
  notWords: string[];
}

function measure(set: LabelledSet, headingIds: ReadonlySet<string>, rank: Ranker): Measured {
  let offered = 0;
  let firstTrue = 0;
  let withOffer = 0;
  let offersTrue = 0;
  let labelled = 0;
  let hits = 0;
  let answeredNone = 0;
  let noMatchAnswered = 0;
  let headingOffers = 0;
  const notWords = new Set<string>();
  const matchingSuggestions = set.suggestions.filter((s) => s.matches.length > 0);
  for (const suggestion of set.suggestions) {
    const offers = rank(textOf(suggestion)).slice(0, 3);
    const isTrue = (o: Offer) => suggestion.matches.includes(o.clauseId);
    offered += offers.length;
    offersTrue += offers.filter(isTrue).length;
    headingOffers += offers.filter((o) => headingIds.has(o.clauseId)).length;
    for (const o of offers) for (const word of o.overlap) if (!wholeWordOf(word, textOf(suggestion))) notWords.add(word);
    if (offers.length > 0) {
      withOffer += 1;
      if (isTrue(offers[0])) firstTrue += 1;
    }
    if (suggestion.matches.length === 0) {
      if (offers.length === 0) noMatchAnswered += 1;
      continue;
    }
    labelled += suggestion.matches.length;
    if (offers[0] && isTrue(offers[0])) hits += 1;
    if (offers.length === 0) answeredNone += 1;
  }
  const noMatchCount = set.suggestions.length - matchingSuggestions.length;
  return {
    precisionAt1: firstTrue / Math.max(withOffer, 1),
    precisionAt3: offersTrue / Math.max(offered, 1),
    recallAt3: offersTrue / labelled,
    hitAt1: hits / matchingSuggestions.length,
    noMatchAnswered: noMatchCount === 0 ? NaN : noMatchAnswered / noMatchCount,
    matchingAnsweredNone: answeredNone / matchingSuggestions.length,
    offers: offered,
    headingOffers,
    notWords: [...notWords].sort(),
  };
}

const { queryTokens } = require(path.join(REPO_ROOT, 'dist/api/search/text-analysis.js'));
/** Whether a shared word is one of jieba's precise-mode words of the text, a word it is made of, or the program's word for an abbreviation. */
function wholeWordOf(word: string, text: string): boolean {
  return queryTokens(text).some((w: string) => w === word || matching.matchTerms(w).has(word));
}

const pct = (n: number) => (Number.isNaN(n) ? 'n/a' : `${fmt(n * 100, 1)}%`);
function row(r: Measured, extra = true): Record<string, string | number> {
  const out: Record<string, string | number> = {
    'precision@1': pct(r.precisionAt1),
    'precision@3': pct(r.precisionAt3),
    'recall@3': pct(r.recallAt3),
    'hit@1': pct(r.hitAt1),
    'no-match answered': pct(r.noMatchAnswered),
    'matching answered none': pct(r.matchingAnsweredNone),
  };
  return extra ? { ...out, offers: r.offers, 'heading offers': r.headingOffers, 'non-word shared': r.notWords.length } : out;
}

function report(title: string, set: LabelledSet, details: boolean): void {
  const nodes = savedNodes(set);
  const offerable: Node[] = matching.offerableClauses(nodes);
  const candidates = nodes.filter((n) => n.kind === 'goal' || n.kind === 'measure');
  const headingIds = new Set(candidates.filter((n) => !offerable.includes(n)).map((n) => n.id));
  const current = new matching.ClauseIndex(offerable);
  const baseline = new BaselineClauseIndex(candidates);
  const noMatchCount = set.suggestions.filter((s) => s.matches.length === 0).length;
  console.log(
    `\n${title}: ${set.suggestions.length} suggestions (${noMatchCount} with no matching clause), ${nodes.length} program nodes ` +
      `(${candidates.length} goals and measures, ${offerable.length} offerable), ${set.suggestions.reduce((n, s) => n + s.matches.length, 0)} labelled pairs`,
  );
  const results: [string, Measured][] = [
    ['baseline (before issue 18)', measure(set, headingIds, (text) => baseline.rank(text, 3))],
    [`current (min score ${matching.MIN_MATCH_SCORE})`, measure(set, headingIds, (text) => current.rank(text, { limit: 3 }).matches)],
  ];
  console.table(Object.fromEntries(results.map(([name, r]) => [name, row(r)])));
  for (const [name, r] of results) if (r.notWords.length) console.log(`${name}: shared "words" that are not words of the suggestion: ${r.notWords.join(' ')}`);
  if (!details) return;

  console.log('minimum score sweep (current algorithm):');
  const sweep: Record<string, Record<string, string | number>> = {};
  for (let t = 0.04; t <= 0.3201; t += 0.02) sweep[`min ${t.toFixed(2)}`] = row(measure(set, headingIds, (text) => current.rank(text, { limit: 3, minScore: t }).matches), false);
  console.table(sweep);
  console.log('best score per suggestion (current algorithm, no minimum), labelled then unmatched:');
  const best = set.suggestions.map((s) => {
    const [first] = current.rank(textOf(s), { limit: 1, minScore: 0 }).matches as Offer[];
    return { id: s.id, labelled: s.matches.length > 0, clause: first?.clauseId ?? '-', right: first ? s.matches.includes(first.clauseId) : false, score: first?.score ?? 0 };
  });
  for (const labelled of [true, false]) {
    const group = best.filter((r) => r.labelled === labelled).sort((a, b) => a.score - b.score);
    console.log(`  ${group.map((r) => `${r.id}→${r.clause}${labelled ? (r.right ? '✓' : '✗') : ''} ${fmt(r.score, 3)}`).join(', ')}`);
  }
}

report('labelled set', JSON.parse(readFileSync(options.set, 'utf8')), true);
report('held-out set (women-children-programs.json, not used to choose the minimum)', heldOutSet(), false);
