import Database from 'better-sqlite3';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dataOf, graphql, health, signIn } from '../support/outage-probes';
import { RunningServer, freePort, startServer } from '../support/server';

/**
 * The API configured for a Meilisearch that is not there: a closed port, a server answering 503,
 * and one that accepts requests and never answers. The API starts, sign-in and writes go on,
 * `search` is refused with SERVICE_UNAVAILABLE (not a hang, not an internal error), /health says why,
 * and every change waits in the search outbox, kept across a restart, for the engine to answer.
 */
const HEALTH_TOKEN = 'search-outage-test-health-token-0123456789';
const SEARCH = 'query($input: SearchInput!) { search(input: $input) { total hits { id } } }';

type Fault = 'closed port' | 'HTTP 503' | 'no answer';

/** A stand-in for a broken Meilisearch on a free port; null for a closed port. */
async function brokenEngine(fault: Fault): Promise<{ host: string; close(): Promise<void> }> {
  if (fault === 'closed port') return { host: `http://127.0.0.1:${await freePort()}`, close: async () => undefined };
  const server: Server = createServer((_req, res) => {
    if (fault === 'HTTP 503') res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    // 'no answer': the request is read and left open
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function outboxRows(dataDir: string): { indexName: string; entityId: string }[] {
  const db = new Database(path.join(dataDir, 'jianyan.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT "indexName", "entityId" FROM search_outbox ORDER BY id').all() as { indexName: string; entityId: string }[];
  } finally {
    db.close();
  }
}

describe.each<Fault>(['closed port', 'HTTP 503', 'no answer'])('Meilisearch unreachable (%s)', (fault) => {
  let engine: Awaited<ReturnType<typeof brokenEngine>>;
  let server: RunningServer | undefined;
  const env = () => ({ MEILI_HOST: engine.host, HEALTH_TOKEN, SESSION_SECRET: 'search-outage-test-secret-0123456789abcdef', LOGIN_SLOWDOWN_MS: '10' });

  beforeAll(async () => {
    engine = await brokenEngine(fault);
  });
  afterAll(async () => {
    await server?.stop();
    await engine.close();
  });

  it('starts, signs in and saves, refuses search with SERVICE_UNAVAILABLE, reports it, and keeps the changes for the engine', async () => {
    server = await startServer(env(), { keepData: true });
    const dataDir = server.dataDir;
    const member = await signIn(server.url, 'zhangjie@jianyan.demo');
    const { organizations } = dataOf<any>(await graphql(server.url, member, '{ organizations { id code } }'));
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = dataOf<any>(
      await graphql(server.url, member, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: { title: '关于检索停用期间继续办理建议的建议', year: 2025, districtId },
      }),
    );
    const { createEvidence } = dataOf<any>(
      await graphql(server.url, member, 'mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }', {
        input: { title: '检索停用期间记录的服务案例', narrative: '社区服务记录。', dateFrom: '2025-03-01', sourceType: 'service_record', districtId },
      }),
    );

    const searched = await graphql(server.url, member, SEARCH, { input: { index: 'proposals', text: '检索' } });
    expect(searched.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'search' });

    const report = await health(server.url, HEALTH_TOKEN);
    expect(report.status).toBe(503);
    expect(report.body).toMatchObject({ status: 'degraded', components: { database: { status: 'up' }, search: { status: 'down', engine: 'meilisearch' } } });
    expect(report.body.components.search.reason).toContain('engine meilisearch unavailable');

    // the changes wait in the outbox, and are still there after a restart during the outage
    const waiting = (rows: { indexName: string; entityId: string }[]) => rows.map((r) => `${r.indexName}:${r.entityId}`);
    expect(waiting(outboxRows(dataDir))).toEqual(expect.arrayContaining([`proposals:${createProposal.id}`, `evidence:${createEvidence.id}`]));
    await server.stop();
    server = await startServer(env(), { dataDir, keepData: true });
    const again = await signIn(server.url, 'zhangjie@jianyan.demo');
    expect(dataOf<any>(await graphql(server.url, again, '{ me { email } }')).me.email).toBe('zhangjie@jianyan.demo');
    expect(waiting(outboxRows(dataDir))).toEqual(expect.arrayContaining([`proposals:${createProposal.id}`, `evidence:${createEvidence.id}`]));
    expect(server.output()).not.toMatch(/unhandledRejection|uncaughtException|Jianyan failed/);
    process.stdout.write(`Meilisearch ${fault}: search refused in ${searched.ms} ms, /health answered in ${report.ms} ms\n`);
  });
});
