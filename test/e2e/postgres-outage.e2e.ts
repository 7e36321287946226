import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CollabClient, connectCollab, eventually } from '../../api/src/test-support/collab-client';
import { TestPostgres, startPostgresServer } from '../../api/src/test-support/postgres-server';
import { dataOf, graphql, health, login, signIn } from '../support/outage-probes';
import { RunningServer, runApi, startServer } from '../support/server';

/**
 * The API's own PostgreSQL server (a private one: the shared server on 5432 must keep running)
 * stopped for OUTAGE_MS under a running API, then started again on the same port: the API stays up
 * and says why it cannot serve, collaboration acknowledges nothing it could not store, and it all
 * works again without a restart. Then the API started while PostgreSQL is down.
 */
const OUTAGE_MS = Number(process.env.POSTGRES_OUTAGE_MS ?? 15_000);
const HEALTH_TOKEN = 'postgres-outage-test-health-token-0123456789';
const UNHANDLED = /unhandledRejection|uncaughtException|Unhandled error|Jianyan failed/;

describe('a PostgreSQL outage under a running API', () => {
  let postgres: TestPostgres;
  let server: RunningServer;
  const clients: CollabClient[] = [];
  const alive = () => server.process.exitCode === null && server.process.signalCode === null;
  const withServerOutput = <T>(check: Promise<T>) =>
    check.catch((error: Error): never => {
      throw new Error(`${error.message}\n--- API${alive() ? '' : ' (exited)'}:\n${server.output().split('\n').slice(-30).join('\n')}`);
    });
  const open = (proposalId: string, cookie: string) => {
    const client = connectCollab(server.url, proposalId, cookie);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    postgres = await startPostgresServer();
    server = await startServer({
      DATABASE_URL: postgres.url,
      HEALTH_TOKEN,
      SESSION_SECRET: 'postgres-outage-test-secret-0123456789abcdef',
      LOGIN_SLOWDOWN_MS: '10',
    });
  });

  afterAll(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server?.stop();
    await postgres?.destroy();
  });

  it('stays up, refuses clearly, stores nothing half-written, and recovers without a restart', async () => {
    const owner = await signIn(server.url, 'zhangjie@jianyan.demo');
    const { organizations } = dataOf<any>(await graphql(server.url, owner, '{ organizations { id code } }'));
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = dataOf<any>(
      await graphql(server.url, owner, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
        input: { title: '关于保障停电期间妇女儿童服务的建议', year: 2025, districtId },
      }),
    );
    const proposalId: string = createProposal.id;
    const editor = open(proposalId, owner);
    await editor.synced;
    editor.appendParagraph('停机前写下的一段');
    await editor.saved();

    await postgres.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    const figures: Record<string, number[]> = { health: [], graphql: [], login: [] };

    // an edit during the outage cannot be stored: the server must not acknowledge it
    editor.appendParagraph('停机中写下的一段');
    while (Date.now() < outageEnds) {
      await withServerOutput(checkOutage());
      await sleep(1_000);
    }
    async function checkOutage() {
      const report = await health(server.url, HEALTH_TOKEN);
      figures.health.push(report.ms);
      expect(report.status).toBe(503);
      expect(report.body).toMatchObject({ status: 'degraded', components: { database: { status: 'down', error: expect.any(String) } } });

      const me = await graphql(server.url, owner, '{ me { email } }');
      figures.graphql.push(me.ms);
      expect(me.status).toBe(503);
      expect(me.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'database' });

      const refused = await login(server.url, 'linxiaoyan@jianyan.demo');
      figures.login.push(refused.ms);
      expect(refused.cookie).toBe('');
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'database' });

      expect(editor.provider.hasUnsyncedChanges).toBe(true);
      expect(alive()).toBe(true);
    }
    expect(editor.provider.hasUnsyncedChanges).toBe(true);

    // nothing half-written: the stored document is what was acknowledged before the outage
    await postgres.start();
    const back = Date.now();
    await withServerOutput(eventually(async () => expect((await health(server.url, HEALTH_TOKEN)).status).toBe(200), 20_000));
    const healthyAfterMs = Date.now() - back;

    // sign-in and GraphQL again, without restarting the API; the old session still holds
    const coauthor = await signIn(server.url, 'linxiaoyan@jianyan.demo');
    expect(dataOf<any>(await graphql(server.url, coauthor, '{ me { email } }')).me.email).toBe('linxiaoyan@jianyan.demo');
    expect(dataOf<any>(await graphql(server.url, owner, '{ me { email } }')).me.email).toBe('zhangjie@jianyan.demo');

    // the editor reconnects by itself, and what it kept while unacknowledged is stored now
    await withServerOutput(editor.saved());
    const savedAfterMs = Date.now() - back;
    editor.appendParagraph('恢复后写下的一段');
    await withServerOutput(editor.saved());
    const fresh = open(proposalId, owner);
    await fresh.synced;
    for (const line of ['停机前写下的一段', '停机中写下的一段', '恢复后写下的一段']) expect(fresh.text()).toContain(line);
    expect(fresh.text().split('停机中写下的一段').length).toBe(2);

    expect(alive()).toBe(true);
    expect(server.output()).not.toMatch(UNHANDLED);
    const max = (values: number[]) => Math.max(...values);
    process.stdout.write(
      `PostgreSQL down ${OUTAGE_MS} ms: slowest answers health ${max(figures.health)} ms, GraphQL ${max(figures.graphql)} ms, ` +
        `sign-in ${max(figures.login)} ms; back: /health ok after ${healthyAfterMs} ms, editor saved after ${savedAfterMs} ms\n`,
    );
  });
});

describe('the API started while PostgreSQL is down', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgresServer();
    await postgres.stop();
  });
  afterAll(() => postgres?.destroy());

  it('waits for the database with a message, and starts once it is there', async () => {
    const starting = startServer({ DATABASE_URL: postgres.url, DATABASE_START_WAIT_SECONDS: '60', SESSION_SECRET: 'postgres-outage-test-secret-0123456789abcdef' });
    let server: RunningServer | undefined;
    starting.then((s) => (server = s)).catch(() => undefined);
    await sleep(4_000);
    await postgres.start();
    server = await starting;
    try {
      expect(server.output()).toMatch(/database at 127\.0\.0\.1:\d+ unreachable \(connect ECONNREFUSED [^)]*\); retrying for up to 60 s/);
      expect(server.output()).not.toContain('postgres:postgres@');
      const cookie = await signIn(server.url, 'zhangjie@jianyan.demo');
      expect(dataOf<any>(await graphql(server.url, cookie, '{ me { email } }')).me.email).toBe('zhangjie@jianyan.demo');
    } finally {
      await server.stop();
    }
  });

  it('gives up after DATABASE_START_WAIT_SECONDS with an exit code and a message naming the database', async () => {
    await postgres.stop();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-e2e-'));
    const { code, stdout, stderr } = await runApi({ DATABASE_URL: postgres.url, DATABASE_START_WAIT_SECONDS: '3', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, 60_000).finally(
      () => rmSync(dataDir, { recursive: true, force: true }),
    );
    expect(code).toBe(1);
    expect(stderr).toContain(`Jianyan failed to start: Error: the database at 127.0.0.1:${postgres.port} could not be reached within 3 s`);
    expect(`${stdout}${stderr}`).not.toContain('postgres:postgres@');
  });
});
