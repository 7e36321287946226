import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { refusedInserts } from '../../api/src/test-support/refused-inserts';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { SmtpSink } from '../../api/src/test-support/smtp-sink';
import { until } from '../support/polling';
import { RunningServer, startServer } from '../support/server';

type Dialect = 'sqlite' | 'postgres';

/** Runs SQL on the product's database from outside the product (the test's own connection). */
async function onDatabase(dialect: Dialect, target: string, statements: string[]): Promise<unknown[]> {
  if (dialect === 'sqlite') {
    const db = new Database(target);
    try {
      return statements.map((s) => (/^\s*select/i.test(s) ? db.prepare(s).all() : db.exec(s)));
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: target });
  await client.connect();
  try {
    const results = [];
    for (const s of statements) results.push((await client.query(s)).rows);
    return results;
  } finally {
    await client.end();
  }
}

const NOTIFICATIONS = '{ notifications(first: 50) { nodes { proposalId toStatus } } }';
const dialects: Dialect[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

describe.each(dialects)('notifications survive a crash between the commit and the delivery (%s)', (dialect) => {
  let server: RunningServer | undefined;
  let dataDir: string;
  let scratch: ScratchDatabase | undefined;
  let smtp: SmtpSink;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await smtp?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the API is SIGKILLed after a status change committed and before its notification was stored: after the restart it is delivered, once', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-notify-crash-'));
    smtp = await SmtpSink.start();
    if (dialect === 'postgres') scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'jianyan_notify_crash');
    const target = scratch?.url ?? path.join(dataDir, 'jianyan.sqlite');
    const env = { SMTP_URL: smtp.url, PUBLIC_URL: 'http://jianyan.example', ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
    server = await startServer(env, { dataDir, keepData: true });

    const owner = new GraphQLTestClient(server.url);
    await owner.login('zhangjie@jianyan.demo');
    const { organizations } = await owner.ok('{ organizations { id code } }');
    const { createProposal } = await owner.ok('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于保障女职工孕期权益的建议', year: 2025, districtId: organizations.find((o: any) => o.code === 'jinan').id },
    });
    const proposalId: string = createProposal.id;
    const { people } = await owner.ok('{ people(search: "林晓燕") { id } }');
    await owner.ok('mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });

    // the fault: the database refuses new notifications, so the delivery after the commit fails
    const fault = refusedInserts(dialect, 'notifications');
    await onDatabase(dialect, target, fault.refuse);
    await owner.ok('mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id status } }', {
      input: { proposalId, to: 'in_review' },
    });
    expect((await owner.ok('query($id: ID!) { proposal(id: $id) { status } }', { id: proposalId })).proposal.status).toBe('in_review');
    await until(async () => server!.output(), (output) => output.includes('notifications refused'), 'the refused delivery in the log');
    await server.stop('SIGKILL');
    await onDatabase(dialect, target, fault.accept);

    server = await startServer(env, { dataDir, keepData: true });
    const coauthor = new GraphQLTestClient(server.url);
    await coauthor.login('linxiaoyan@jianyan.demo');
    const feedOf = async () => (await coauthor.ok(NOTIFICATIONS)).notifications.nodes.filter((n: any) => n.proposalId === proposalId);
    // the restarted worker may need to wait out a claim's lease (30 s) if the kill came mid-delivery
    const delivered = await until(feedOf, (nodes) => nodes.length > 0, 'the notification after the restart', 45_000);
    expect(delivered).toEqual([{ proposalId, toStatus: 'in_review' }]);

    // once nothing is left to deliver, nothing more can come: exactly one notification and one e-mail
    const undelivered = async () => ((await onDatabase(dialect, target, [`SELECT id FROM event_outbox WHERE "doneAt" IS NULL`])) as unknown[][])[0];
    await until(undelivered, (rows) => rows.length === 0, 'the outbox to be delivered');
    expect(await feedOf()).toEqual([{ proposalId, toStatus: 'in_review' }]);
    const mailsAbout = () => smtp.messages.filter((m) => m.text.includes(proposalId));
    await until(async () => mailsAbout(), (mails) => mails.length > 0, 'the e-mail of the notification');
    expect(mailsAbout().map((m) => m.to)).toEqual([['linxiaoyan@jianyan.demo']]);
  });
});
