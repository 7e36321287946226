import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { SmtpSink } from '../../test-support/smtp-sink';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { NotificationMailer } from './notification-mailer';
import { NotificationKit } from './notification-test-kit';

const PREFERENCES = `{ notificationPreferences { email emailAvailable } }`;
const SET_PREFERENCES = `mutation($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { email } }`;
const DAY_MS = 24 * 60 * 60 * 1000;

describe('notification e-mail over SMTP', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: sink.url, SMTP_FROM: 'Jianyan <no-reply@jianyan.test>', PUBLIC_URL: 'https://jianyan.example.org' });
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const mailTo = (email: string, proposalId?: string) =>
    sink.messages.filter((m) => m.to.includes(email) && (!proposalId || m.text.includes(proposalId)));

  it('sends each notification at once by default, in Chinese, with a link to the proposal', async () => {
    expect((await (await f.as('linxiaoyan')).ok(PREFERENCES)).notificationPreferences).toEqual({ email: 'immediate', emailAvailable: true });
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.settled();
    const [mail] = mailTo('linxiaoyan@jianyan.demo', id);
    expect(mail.from).toBe('no-reply@jianyan.test');
    expect(mail.subject).toBe('[建言] 建议状态变更：关于加强流动儿童课后服务的建议');
    expect(mail.text).toContain('《关于加强流动儿童课后服务的建议》状态变更：起草中 → 审阅中（张洁）');
    expect(mail.text).toContain(`https://jianyan.example.org/proposals/${id}`);
    expect(mailTo('zhangjie@jianyan.demo', id)).toEqual([]); // she made the change
  });

  it('sends nothing to someone who turned e-mail off', async () => {
    await (await f.as('chenfang')).ok(SET_PREFERENCES, { input: { email: 'off' } });
    const { id } = await k.draftWithCoauthor();
    await f.addMember(id, 'chenfang', 'reviewer');
    await k.move(id, 'in_review');
    await k.settled();
    expect((await k.of('chenfang', id)).length).toBe(1); // still in the app
    expect(mailTo('chenfang@jianyan.demo', id)).toEqual([]);
  });

  it('gathers the day’s notifications into one digest, once a day', async () => {
    const linxiaoyan = await f.as('linxiaoyan');
    expect((await linxiaoyan.ok(SET_PREFERENCES, { input: { email: 'daily_digest' } })).setNotificationPreferences.email).toBe('daily_digest');
    await k.settled();
    const already = mailTo('linxiaoyan@jianyan.demo').length;
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.move(id, 'draft');
    await k.settled();
    expect(mailTo('linxiaoyan@jianyan.demo')).toHaveLength(already); // nothing at once

    const mailer = t.app.get(NotificationMailer);
    const now = new Date();
    expect(await mailer.sendDueDigests(now)).toBe(1);
    const digest = mailTo('linxiaoyan@jianyan.demo')[already];
    expect(digest.subject).toBe('[建言] 每日通知摘要：2 条更新');
    expect(digest.text).toContain('状态变更：起草中 → 审阅中');
    expect(digest.text).toContain('状态变更：审阅中 → 起草中');

    // the same day: nothing more, even with news
    await k.move(id, 'in_review');
    await k.settled();
    expect(await mailer.sendDueDigests(new Date(now.getTime() + 60_000))).toBe(0);
    // a day later: only what is new since
    expect(await mailer.sendDueDigests(new Date(now.getTime() + DAY_MS))).toBe(1);
    const next = mailTo('linxiaoyan@jianyan.demo')[already + 1];
    expect(next.subject).toBe('[建言] 每日通知摘要：1 条更新');
    expect(next.text).not.toContain('审阅中 → 起草中');
    // and nothing when there is nothing new
    expect(await mailer.sendDueDigests(new Date(now.getTime() + 2 * DAY_MS))).toBe(0);
  });
});
