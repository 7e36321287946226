/**
 * API benchmark: autocannon against two GraphQL reads, the proposal list and an evidence search,
 * at 50 concurrent connections for 30 s each, on one API instance and then on two instances over
 * the same PostgreSQL database and Redis (25 connections on each). Prints requests/s, latency
 * p50/p95/p99 and errors (HTTP and GraphQL), and the ratio two/one.
 *
 *   npm run bench:api -- --seconds=30 --connections=50 --proposals=200 --evidence=300
 *
 * PostgreSQL: DATABASE_URL (used as is) or TEST_DATABASE_URL (a fresh database is created and
 * dropped). Without either, the single-instance run uses SQLite and the two-instance run is left
 * out (several instances need PostgreSQL). BENCH_SECONDS overrides --seconds.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { BenchServer, args, fmt, graphql, percentile, processUsage, signIn, startApi } from './bench-support';
import { COMMUNITIES, DISTRICTS, POPULATIONS, THEMES, generateCorpus, mulberry32 } from './corpus';

const autocannon = require('autocannon');

const options = args({ seconds: '30', connections: '50', proposals: '200', evidence: '300' });
const SECONDS = Number(process.env.BENCH_SECONDS ?? options.seconds);
const CONNECTIONS = Number(options.connections);
const SESSION_SECRET = 'api-benchmark-session-secret-0123456789abcdef';

const PROPOSAL_LIST = `query ProposalList($first: Int!) {
  proposals(first: $first, sort: { field: UPDATED_AT }) {
    totalCount
    nodes {
      id title status year suggestionCount
      district { name }
      leadAuthor { displayName }
      lastStatusChange { toStatus occurredAt }
      members { role user { displayName } }
    }
  }
}`;
const EVIDENCE_SEARCH = `query EvidenceSearch($input: SearchInput!) {
  search(input: $input) { total hits { id score snippet fields { name value } } facets { field values { value count } } }
}`;

interface Scenario {
  name: string;
  body: (i: number) => string;
}

interface Measured {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  httpErrors: number;
  graphqlErrors: number;
  socketErrors: number;
  cpuPercent: number[];
}

const searchWords = [...DISTRICTS.slice(0, 4), ...POPULATIONS, ...THEMES, '流失率', '职业资格证书', '课后', '社工'];

const SCENARIOS: Scenario[] = [
  { name: 'proposal list (first 20)', body: () => JSON.stringify({ query: PROPOSAL_LIST, variables: { first: 20 } }) },
  {
    name: 'evidence search',
    body: (i) =>
      JSON.stringify({ query: EVIDENCE_SEARCH, variables: { input: { index: 'evidence', text: searchWords[i % searchWords.length], first: 20 } } }),
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => undefined };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return null;
  const name = `jianyan_bench_api_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Proposals by the demo owner and evidence records by the demo contributor, deterministic. */
async function seedVolume(url: string): Promise<void> {
  const owner = await signIn(url, 'zhangjie@jianyan.demo');
  const contributor = await signIn(url, 'chenfang@jianyan.demo');
  const { organizations } = await graphql(url, owner, '{ organizations { id code } }');
  const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
  const random = mulberry32(42);
  for (let i = 0; i < Number(options.proposals); i++) {
    const theme = THEMES[Math.floor(random() * THEMES.length)];
    const community = COMMUNITIES[Math.floor(random() * COMMUNITIES.length)];
    await graphql(url, owner, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: `关于加强${community}${theme}服务的建议（${i + 1}）`, year: 2020 + (i % 6), districtId },
    });
  }
  for (const record of generateCorpus(Number(options.evidence), 20260601)) {
    await graphql(url, contributor, 'mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }', {
      input: {
        title: record.title,
        narrative: record.body,
        dateFrom: new Date(record.date).toISOString().slice(0, 10),
        sourceType: record.source,
        districtId,
        sensitivity: 'public',
      },
    });
  }
}

/** One autocannon run per target URL at once (connections split between them); merged figures. */
async function measure(targets: BenchServer[], cookie: string, scenario: Scenario): Promise<Measured> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let counter = 0;
  const cpuBefore = targets.map((t) => processUsage(t.child.pid!).cpuSeconds);
  const started = performance.now();
  const results = await Promise.all(
    targets.map((target, index) => {
      const connections = Math.floor(CONNECTIONS / targets.length) + (index < CONNECTIONS % targets.length ? 1 : 0);
      const instance = autocannon({
        url: `${target.url}/graphql`,
        connections,
        duration: SECONDS,
        requests: Array.from({ length: 32 }, () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: scenario.body(counter++),
          onResponse: (status: number, body: string) => {
            if (status === 200 && body.includes('"errors"')) graphqlErrors++;
          },
        })),
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      return instance as Promise<{ requests: { total: number }; non2xx: number; errors: number; timeouts: number }>;
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuPercent = targets.map((t, i) => ((processUsage(t.child.pid!).cpuSeconds - cpuBefore[i]) / elapsed) * 100);
  latencies.sort((x, y) => x - y);
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    requests: total,
    requestsPerSecond: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    httpErrors: results.reduce((sum, r) => sum + r.non2xx, 0),
    graphqlErrors,
    socketErrors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    cpuPercent,
  };
}

function row(label: string, m: Measured): string {
  return `| ${label} | ${fmt(m.requestsPerSecond, 0)} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.httpErrors} / ${m.graphqlErrors} / ${m.socketErrors} | ${m.cpuPercent.map((c) => fmt(c, 0)).join(' + ')}% |`;
}

async function main(): Promise<void> {
  const database = await postgresDatabase();
  const redis = database ? await startRedis() : null;
  // one account sends every request: the rate limiter stays in the path (its Redis round trip in
  // the two-instance run is measured) with a ceiling the benchmark cannot reach
  const common = {
    SESSION_SECRET,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...(database ? { DATABASE_URL: database.url } : {}),
  };
  const servers: BenchServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  };
  try {
    console.log(`API benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ${database ? 'PostgreSQL' : 'SQLite'}`);
    const single = await startApi(common);
    servers.push(single);
    process.stdout.write(`seeding ${options.proposals} proposals and ${options.evidence} evidence records... `);
    await seedVolume(single.url);
    console.log('done');
    const cookie = await signIn(single.url, 'zhangjie@jianyan.demo');
    // warm-up, so the first run does not pay for JIT compilation and caches
    for (const scenario of SCENARIOS) for (let i = 0; i < 50; i++) await fetch(`${single.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: scenario.body(i) });

    const one: Measured[] = [];
    for (const scenario of SCENARIOS) one.push(await measure([single], cookie, scenario));
    await stopAll();

    let two: Measured[] | null = null;
    if (database && redis) {
      const pair = await Promise.all([startApi({ ...common, REDIS_URL: redis.url }), startApi({ ...common, REDIS_URL: redis.url })]);
      servers.push(...pair);
      for (const server of pair) for (const scenario of SCENARIOS) for (let i = 0; i < 50; i++) await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: scenario.body(i) });
      two = [];
      for (const scenario of SCENARIOS) two.push(await measure(pair, cookie, scenario));
      await stopAll();
    }

    console.log('\n| query | instances | req/s | p50 ms | p95 ms | p99 ms | errors http / graphql / socket | API CPU |');
    console.log('|---|---|---|---|---|---|---|---|');
    SCENARIOS.forEach((scenario, i) => {
      console.log(row(`${scenario.name} | 1`, one[i]));
      if (two) console.log(row(`${scenario.name} | 2`, two[i]));
    });
    if (two) {
      console.log('\nratio two/one (req/s):');
      SCENARIOS.forEach((scenario, i) => console.log(`  ${scenario.name}: ${fmt(two![i].requestsPerSecond / one[i].requestsPerSecond, 2)}x`));
    } else {
      console.log('\n(two instances need PostgreSQL: set DATABASE_URL or TEST_DATABASE_URL)');
    }
  } finally {
    await stopAll();
    redis?.stop();
    await database?.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
