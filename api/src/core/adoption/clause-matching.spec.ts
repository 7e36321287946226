import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ClauseIndex, matchTerms } from './clause-matching';

interface Fixture {
  clauses: { id: string; text: string }[];
  suggestions: { id: string; text: string }[];
  pairs: { suggestion: string; clause: string; match: boolean }[];
}

const FIXTURE_DIR = path.join(__dirname, 'matching-fixtures');
const fixtures: [string, Fixture][] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(path.join(FIXTURE_DIR, f), 'utf8'))]);

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
      const top = index.rank(suggestion.text, { limit: 3 }).map((m) => m.clauseId);
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
    const [best] = new ClauseIndex(fixture.clauses).rank(fixture.suggestions.find((s) => s.id === 's01')!.text);
    expect(best.clauseId).toBe('c05');
    expect(best.overlap).toEqual(expect.arrayContaining(['政府', '购买', '流动', '妇女', '困境']));
  });

  it('skips excluded clauses and text without meaningful words', () => {
    const index = new ClauseIndex([
      { id: 'a', text: '加大政府购买服务力度，支持社会组织为流动妇女提供服务。' },
      { id: 'b', text: '预防和控制儿童溺水。' },
    ]);
    expect(index.rank('政府购买服务帮助流动妇女', { exclude: new Set(['a']) })).toEqual([]);
    expect(index.rank('建议进一步加强')).toEqual([]);
    expect(matchTerms('建议加强流动妇女服务')).toEqual(expect.arrayContaining(['流动', '妇女']));
  });
});

describe('clause index', () => {
  it('handles a vocabulary far larger than a spread argument list can take', () => {
    const word = (i: number) => `term${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
    const clauses = Array.from({ length: 1500 }, (_, c) => ({ id: `c${c}`, text: Array.from({ length: 100 }, (_, w) => word(c * 100 + w)).join(' ') }));
    const index = new ClauseIndex(clauses);
    const [best] = index.rank(`${word(4200)} ${word(4201)} unknownword`);
    expect(best.clauseId).toBe('c42');
  });
});
