/**
 * Search benchmark: a synthetic corpus of Chinese evidence records (deterministic seed) indexed by
 * the embedded engine, then 1,000 queries (one to three words, half with a facet filter). The same
 * queries run against baselines in the same process: SQLite FTS5 over the jieba-segmented text,
 * and PostgreSQL full-text search when DATABASE_URL is set. Recall@10 of each is measured against
 * exact substring matching.
 *
 *   npm run bench:search -- --records=100000 --queries=1000
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import Database from 'better-sqlite3';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT, args, fmt, percentile } from './bench-support';
import { BenchQuery, CorpusRecord, generateCorpus, generateQueries } from './corpus';

// The engine as built by `npm run build` (this script is compiled on its own).
const { EmbeddedSearchEngine } = require(path.join(REPO_ROOT, 'dist/api/search/embedded/embedded-search.engine.js'));

const jieba = Jieba.withDict(dict);
const INDEX = {
  name: 'bench_evidence',
  textFields: [
    { name: 'title', weight: 3 },
    { name: 'body', weight: 1 },
  ],
  facetFields: ['district', 'population', 'theme', 'source'],
  snippetField: 'body',
};

interface Measured {
  name: string;
  indexSeconds: number;
  latencies: number[];
  /** CPU time of this process per query (for PostgreSQL, the client only): unlike wall time, it does not grow when other processes take the cores. */
  cpuLatencies: number[];
  recall: number;
  memoryMiB?: number;
}

function rssMiB(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Ids of the records containing every query word as a substring (and matching the filter). */
function exactMatches(records: CorpusRecord[], query: BenchQuery): Set<string> {
  const out = new Set<string>();
  for (const r of records) {
    if (query.filter && r[query.filter.field] !== query.filter.value) continue;
    const text = r.title + r.body;
    if (query.words.every((w) => text.includes(w))) out.add(r.id);
  }
  return out;
}

function recallAt10(results: string[][], truth: Set<string>[]): number {
  let sum = 0;
  let counted = 0;
  results.forEach((ids, i) => {
    if (truth[i].size === 0) return;
    counted++;
    sum += ids.slice(0, 10).filter((id) => truth[i].has(id)).length / Math.min(10, truth[i].size);
  });
  return counted ? sum / counted : NaN;
}

async function timeQueries(queries: BenchQuery[], run: (q: BenchQuery) => Promise<string[]> | string[]) {
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  const results: string[][] = [];
  for (const q of queries) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    results.push(await run(q));
    latencies.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuLatencies.push((used.user + used.system) / 1000);
  }
  return { latencies, cpuLatencies, results };
}

async function embedded(records: CorpusRecord[], queries: BenchQuery[], truth: Set<string>[]): Promise<Measured & { throughput: number }> {
  global.gc?.();
  const before = rssMiB();
  let peak = before;
  const engine = new EmbeddedSearchEngine();
  await engine.configure([INDEX]);
  const started = performance.now();
  for (let i = 0; i < records.length; i += 1000) {
    await engine.upsert(
      INDEX.name,
      records.slice(i, i + 1000).map((r) => ({
        id: r.id,
        text: { title: r.title, body: r.body },
        facets: { district: [r.district], population: [r.population], theme: [r.theme], source: [r.source] },
        access: ['public'],
        date: r.date,
        payload: { title: r.title },
      })),
    );
    peak = Math.max(peak, rssMiB());
  }
  const indexSeconds = (performance.now() - started) / 1000;
  const { latencies, cpuLatencies, results } = await timeQueries(queries, async (q) => {
    const result = await engine.search(INDEX.name, {
      text: q.words.join(' '),
      accessTokens: ['public'],
      filters: q.filter ? { [q.filter.field]: [q.filter.value] } : {},
      facets: INDEX.facetFields,
      limit: 10,
    });
    return result.hits.map((h: { id: string }) => h.id);
  });
  peak = Math.max(peak, rssMiB());
  return {
    name: 'embedded',
    indexSeconds,
    throughput: records.length / indexSeconds,
    latencies,
    cpuLatencies,
    recall: recallAt10(results, truth),
    memoryMiB: peak - before,
  };
}

const segment = (text: string) => jieba.cutForSearch(text, true).join(' ');
const ftsQuery = (q: BenchQuery) =>
  q.words.flatMap((w) => jieba.cut(w, true)).map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');

async function fts5(records: CorpusRecord[], queries: BenchQuery[], truth: Set<string>[]): Promise<Measured> {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, district UNINDEXED, population UNINDEXED, tokenize='unicode61')`);
  const insert = db.prepare('INSERT INTO fts (id, title, body, district, population) VALUES (?, ?, ?, ?, ?)');
  const started = performance.now();
  db.transaction(() => {
    for (const r of records) insert.run(r.id, segment(r.title), segment(r.body), r.district, r.population);
  })();
  const indexSeconds = (performance.now() - started) / 1000;
  const plain = db.prepare('SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 3.0, 1.0) LIMIT 10');
  const byDistrict = db.prepare('SELECT id FROM fts WHERE fts MATCH ? AND district = ? ORDER BY bm25(fts, 0, 3.0, 1.0) LIMIT 10');
  const byPopulation = db.prepare('SELECT id FROM fts WHERE fts MATCH ? AND population = ? ORDER BY bm25(fts, 0, 3.0, 1.0) LIMIT 10');
  const { latencies, cpuLatencies, results } = await timeQueries(queries, (q) => {
    const match = ftsQuery(q);
    const rows = (!q.filter
      ? plain.all(match)
      : q.filter.field === 'district'
        ? byDistrict.all(match, q.filter.value)
        : byPopulation.all(match, q.filter.value)) as { id: string }[];
    return rows.map((r) => r.id);
  });
  return { name: 'sqlite-fts5', indexSeconds, latencies, cpuLatencies, recall: recallAt10(results, truth) };
}

async function postgres(url: string, records: CorpusRecord[], queries: BenchQuery[], truth: Set<string>[]): Promise<Measured> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bench_fts');
  await client.query('CREATE TABLE bench_fts (id text primary key, district text, population text, doc tsvector)');
  const started = performance.now();
  for (let i = 0; i < records.length; i += 1000) {
    const batch = records.slice(i, i + 1000);
    const values: unknown[] = [];
    const rows = batch.map((r, j) => {
      values.push(r.id, r.district, r.population, segment(r.title), segment(r.body));
      const k = j * 5;
      return `($${k + 1}, $${k + 2}, $${k + 3}, setweight(to_tsvector('simple', $${k + 4}), 'A') || to_tsvector('simple', $${k + 5}))`;
    });
    await client.query(`INSERT INTO bench_fts VALUES ${rows.join(',')}`, values);
  }
  await client.query('CREATE INDEX ON bench_fts USING gin (doc)');
  const indexSeconds = (performance.now() - started) / 1000;
  const { latencies, cpuLatencies, results } = await timeQueries(queries, async (q) => {
    const terms = q.words.flatMap((w) => jieba.cut(w, true)).map((t) => t.replace(/[':&|!()\\]/g, ''));
    const tsquery = terms.join(' & ');
    const filter = q.filter ? ` AND ${q.filter.field} = $2` : '';
    const params = q.filter ? [tsquery, q.filter.value] : [tsquery];
    const { rows } = await client.query(
      `SELECT id FROM bench_fts WHERE doc @@ to_tsquery('simple', $1)${filter} ORDER BY ts_rank(doc, to_tsquery('simple', $1)) DESC LIMIT 10`,
      params,
    );
    return rows.map((r: { id: string }) => r.id);
  });
  await client.query('DROP TABLE bench_fts');
  await client.end();
  return { name: 'postgres-fts', indexSeconds, latencies, cpuLatencies, recall: recallAt10(results, truth) };
}

async function main(): Promise<void> {
  const options = args({ records: '100000', queries: '1000' });
  const records = generateCorpus(Number(options.records));
  const queries = generateQueries(Number(options.queries));
  console.log(`search benchmark: ${records.length} records, ${queries.length} queries (${queries.filter((q) => q.filter).length} with a facet filter)`);
  const truth = queries.map((q) => exactMatches(records, q));
  const ours = await embedded(records, queries, truth);
  const baselines = [await fts5(records, queries, truth)];
  if (process.env.DATABASE_URL) baselines.push(await postgres(process.env.DATABASE_URL, records, queries, truth));

  const row = (m: Measured) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    const cpu = [...m.cpuLatencies].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), cpuP95: percentile(cpu, 95) };
  };
  const o = row(ours);
  console.log(`\nembedded engine     index ${fmt(ours.throughput, 0)} records/s (${fmt(ours.indexSeconds)} s), memory +${fmt(ours.memoryMiB!, 0)} MiB (peak RSS ${fmt(process.memoryUsage().rss / 1048576, 0)} MiB)`);
  console.log(`                    query ms p50 ${fmt(o.p50, 2)}  p95 ${fmt(o.p95, 2)}  p99 ${fmt(o.p99, 2)}  (CPU p95 ${fmt(o.cpuP95, 2)})  recall@10 ${fmt(ours.recall, 3)}`);
  for (const baseline of baselines) {
    const b = row(baseline);
    console.log(`${baseline.name.padEnd(20)}index ${fmt(records.length / baseline.indexSeconds, 0)} records/s (${fmt(baseline.indexSeconds)} s)`);
    console.log(`                    query ms p50 ${fmt(b.p50, 2)}  p95 ${fmt(b.p95, 2)}  p99 ${fmt(b.p99, 2)}  (CPU p95 ${fmt(b.cpuP95, 2)})  recall@10 ${fmt(baseline.recall, 3)}`);
    console.log(`                    embedded / ${baseline.name}: p50 ${fmt(o.p50 / b.p50, 2)}x  p95 ${fmt(o.p95 / b.p95, 2)}x  recall ${fmt(ours.recall / baseline.recall, 3)}x`);
  }
  const fts = baselines[0];
  console.log(`\ntargets: p95 < 20 ms ${o.p95 < 20 ? 'met' : 'MISSED'}; recall@10 >= FTS5 ${ours.recall >= fts.recall ? 'met' : 'MISSED'}; memory < 1 GiB ${ours.memoryMiB! < 1024 ? 'met' : 'MISSED'}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
