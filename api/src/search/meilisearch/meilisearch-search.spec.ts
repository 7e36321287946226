import { CONTRACT_DOCUMENTS, CONTRACT_INDEX, describeSearchContract } from '../../test-support/search-contract';
import { MeilisearchSearchEngine, safeSnippet } from './meilisearch.engine';

/** Runs only when MEILI_HOST is set (see api/jest.config.js): the same contract as the embedded engine. */
const engine = new MeilisearchSearchEngine(process.env.MEILI_HOST!, process.env.MEILI_API_KEY, `jianyan_test_${process.pid}_`);

beforeAll(async () => {
  await engine.configure([CONTRACT_INDEX]);
  await engine.clear(CONTRACT_INDEX.name);
  await engine.upsert(CONTRACT_INDEX.name, CONTRACT_DOCUMENTS);
}, 120_000);

describeSearchContract('meilisearch', { engine: () => engine });

it('escapes Meilisearch’s highlighted text before marking it', () => {
  expect(safeSnippet('<b>\u0001培训\u0002</b>')).toBe('&lt;b&gt;<mark>培训</mark>&lt;/b&gt;');
});
