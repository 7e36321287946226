import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ClauseIndex, ClauseNode, MIN_MATCH_SCORE, matchTerms, offerableClauses } from './clause-matching';

interface Fixture {
  clauses: { id: string; text: string }[];
  suggestions: { id: string; text: string }[];
  pairs: { suggestion: string; clause: string; match: boolean }[];
}

const FIXTURE_DIR = path.join(__dirname, 'matching-fixtures');
const fixtures: [string, Fixture][] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f): [string, Fixture] => [f, JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8'))])
  .filter(([, f]) => Array.isArray(f.pairs));

interface LabelledSet {
  clauses: { id: string; depth: number; kind: string; text: string }[];
  suggestions: { id: string; title: string; text: string; matches: string[] }[];
}
const labelled: LabelledSet = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'labelled-set.json'), 'utf8'));
/** The labelled set's nodes as saved: each one's parent is the nearest node above it one level up. */
function savedNodes(): ClauseNode[] {
  const ancestors: ClauseNode[] = [];
  return labelled.clauses.map((c) => {
    ancestors.length = c.depth;
    const node = { id: c.id, kind: c.kind, text: c.text, parentId: c.depth === 0 ? null : ancestors[c.depth - 1].id };
    ancestors.push(node);
    return node;
  });
}

describe('matching that can say no (labelled set)', () => {
  const clauses = offerableClauses(savedNodes());
  const index = new ClauseIndex(clauses);
  const rank = (s: LabelledSet['suggestions'][number]) => index.rank(`${s.title}\n${s.text}`);

  it('offers goals and measures only, never an area, a section or a heading saved as a measure', () => {
    const ids = clauses.map((c) => c.id);
    expect(ids).not.toEqual(expect.arrayContaining(['h01']));
    expect(ids).not.toContain('h02'); // 主要目标。 saved as a measure
    expect(ids).not.toContain('h10'); // 健全社会保障体系： heading measures m17-m21
    expect(ids).toEqual(expect.arrayContaining(['g01', 'm17', 'm58']));
    expect(clauses.every((c) => c.kind === 'goal' || c.kind === 'measure')).toBe(true);
  });

  it('answers "no good match" with a reason for every suggestion the set holds no clause for', () => {
    const unmatched = labelled.suggestions.filter((s) => s.matches.length === 0);
    expect(unmatched.length).toBeGreaterThanOrEqual(10);
    for (const suggestion of unmatched) {
      const outcome = rank(suggestion);
      expect({ id: suggestion.id, matches: outcome.matches }).toEqual({ id: suggestion.id, matches: [] });
      expect(['no_shared_words', 'below_threshold']).toContain(outcome.noMatch!.reason);
      expect(outcome.noMatch!.minScore).toBe(MIN_MATCH_SCORE);
    }
  });

  it('still offers a labelled clause first for every matching suggestion', () => {
    for (const suggestion of labelled.suggestions.filter((s) => s.matches.length > 0)) {
      const { matches, noMatch } = rank(suggestion);
      expect({ id: suggestion.id, first: suggestion.matches.includes(matches[0]?.clauseId) }).toEqual({ id: suggestion.id, first: true });
      expect(noMatch).toBeNull();
    }
  });

  it('shares whole words only: 流动人口 gives 流动 and 人口, never 动人; program words are not shown as shared', () => {
    const terms = [...matchTerms('关爱流动人口中的困难老人，动员社会力量').keys()];
    expect(terms).toEqual(expect.arrayContaining(['流动人口', '流动', '人口']));
    expect(terms).not.toContain('动人');
    expect([...matchTerms('保护未成年人').keys()]).not.toContain('成年人');
    const people = new ClauseIndex([{ id: 'a', text: '加强流动人口中妇女儿童的服务管理，动员社会力量参与。' }]);
    const [offer] = people.rank('为流动人口中的妇女儿童提供服务管理').matches;
    expect(offer.overlap).toContain('流动人口');
    expect(offer.overlap).not.toEqual(expect.arrayContaining(['动人']));
    expect(offer.overlap).not.toEqual(expect.arrayContaining(['妇女']));
    expect(offer.overlap).not.toEqual(expect.arrayContaining(['儿童']));
  });
});

describe('clause matching quality', () => {
  it('has a labelled test set of at least 30 suggestion/clause pairs, true and false', () => {
    const pairs = fixtures.flatMap(([, f]) => f.pairs);
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    expect(pairs.some((p) => p.match)).toBe(true);
    expect(pairs.some((p) => !p.match)).toBe(true);
  });

  it.each(fixtures)('proposes the true clause among the top 3 for %s (recall at least 0.8)', (name, fixture) => {
    const index = new ClauseIndex(fixture.clauses);
    let truePairs = 0;
    let found = 0;
    let proposed = 0;
    let proposedTrue = 0;
    let proposedFalse = 0;
    const misses: string[] = [];
    for (const suggestion of fixture.suggestions) {
      const top = index.rank(suggestion.text, { limit: 3 }).matches.map((m) => m.clauseId);
      const labelled = fixture.pairs.filter((p) => p.suggestion === suggestion.id);
      proposed += top.length;
      for (const pair of labelled) {
        const inTop = top.includes(pair.clause);
        if (pair.match) {
          truePairs += 1;
          if (inTop) found += 1;
          else misses.push(`${pair.suggestion}→${pair.clause}`);
        } else if (inTop) proposedFalse += 1;
      }
      proposedTrue += top.filter((id) => labelled.some((p) => p.clause === id && p.match)).length;
    }
    const recall = found / truePairs;
    const precision = proposed === 0 ? 0 : proposedTrue / proposed;
    const falseRate = proposedFalse / fixture.pairs.filter((p) => !p.match).length;
    console.log(
      `${name}: top-3 recall ${recall.toFixed(3)} (${found}/${truePairs}), precision ${precision.toFixed(3)} (${proposedTrue}/${proposed} proposals), ` +
        `labelled false pairs proposed ${(falseRate * 100).toFixed(0)}%${misses.length ? `; missed ${misses.join(', ')}` : ''}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('ranks the story suggestion’s clause first and names the words they share', () => {
    const [, fixture] = fixtures.find(([name]) => name === 'women-children-programs.json')!;
    const [best] = new ClauseIndex(fixture.clauses).rank(fixture.suggestions.find((s) => s.id === 's01')!.text).matches;
    expect(best.clauseId).toBe('c05');
    expect(best.overlap).toEqual(expect.arrayContaining(['政府', '购买', '流动', '困境']));
  });

  it('skips excluded clauses and text without meaningful words', () => {
    const index = new ClauseIndex([
      { id: 'a', text: '加大政府购买服务力度，支持社会组织为流动妇女提供服务。' },
      { id: 'b', text: '预防和控制儿童溺水。' },
    ]);
    expect(index.rank('政府购买服务帮助流动妇女', { exclude: new Set(['a']) })).toMatchObject({ matches: [], noMatch: { reason: 'all_decided' } });
    expect(index.rank('建议进一步加强妇女儿童发展')).toMatchObject({ matches: [], noMatch: { reason: 'no_content_words', bestScore: null } });
    expect([...matchTerms('建议加强流动妇女服务').keys()]).toEqual(expect.arrayContaining(['流动', '妇女']));
  });
});

describe('clause index', () => {
  it('handles a vocabulary far larger than a spread argument list can take', () => {
    const word = (i: number) => `term${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
    const clauses = Array.from({ length: 1500 }, (_, c) => ({ id: `c${c}`, text: Array.from({ length: 100 }, (_, w) => word(c * 100 + w)).join(' ') }));
    const index = new ClauseIndex(clauses);
    const [best] = index.rank(`${word(4200)} ${word(4201)} unknownword`, { minScore: 0 }).matches;
    expect(best.clauseId).toBe('c42');
  });
});
