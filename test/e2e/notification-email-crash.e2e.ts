import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLTestClient } from '../../api/src/test-support/graphql-client';
import { ScratchDatabase, createScratchDatabase } from '../../api/src/test-support/scratch-database';
import { SmtpSink } from '../../api/src/test-support/smtp-sink';
import { until } from '../support/polling';
import { RunningServer, startServer } from '../support/server';

type Dialect = 'sqlite' | 'postgres';
const dialects: Dialect[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

describe.each(dialects)('an e-mail claimed but not sent when the API died (%s)', (dialect) => {
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

  it('the API is SIGKILLed while the SMTP server has not answered: after the restart the e-mail is sent', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-email-crash-'));
    smtp = await SmtpSink.start();
    if (dialect === 'postgres') scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'jianyan_email_crash');
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

    // the fault: the SMTP server accepts the connection and never answers, so the API is stuck mid-send
    const mailsBefore = smtp.messages.length;
    smtp.answering = false;
    await owner.ok('mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id } }', { input: { proposalId, to: 'in_review' } });
    await until(async () => smtp.heldConnections, (held) => held > 0, 'the API connecting to send the e-mail');
    await server.stop('SIGKILL');
    smtp.answering = true;

    server = await startServer(env, { dataDir, keepData: true });
    const mailsAbout = () => smtp.messages.slice(mailsBefore).filter((m) => m.text.includes(proposalId));
    // the outbox's claim and the e-mail's claim (30 s each) run out first
    await until(async () => mailsAbout(), (mails) => mails.length > 0, 'the e-mail after the restart', 90_000);
    expect(mailsAbout().map((m) => [m.to, m.subject])).toEqual([[['linxiaoyan@jianyan.demo'], '[建言] 建议状态变更：关于保障女职工孕期权益的建议']]);
  });
});
