import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EventOutboxWorker, MAX_DELIVERY_ATTEMPTS } from '../../common/event-outbox';
import { EventOutboxEntity } from '../../common/event-outbox.entity';
import { HealthService } from '../health/health.service';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { SmtpSink } from '../../test-support/smtp-sink';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { NotificationEntity } from './notification.entity';
import { NotificationKit } from './notification-test-kit';
import { NOTIFICATIONS_CONSUMER } from './notifications.service';

const REFUSED = 'linxiaoyan@jianyan.demo';
const DELIVERED = 'chenfang@jianyan.demo';

describe('a recipient the SMTP server always refuses', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;
  let outbox: Repository<EventOutboxEntity>;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sink.refusedRecipients.add(REFUSED);
    t = await startTestApp({ SMTP_URL: sink.url, SMTP_FROM: 'Jianyan <no-reply@jianyan.test>', PUBLIC_URL: 'https://jianyan.example.org' });
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
    outbox = t.app.get(getRepositoryToken(EventOutboxEntity));
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  const mailTo = (email: string, proposalId: string) => sink.messages.filter((m) => m.to.includes(email) && m.text.includes(proposalId));

  it('ends as failed after the maximum attempts, with its error kept and counted in /health; the others get their e-mail once', async () => {
    const { id } = await k.draftWithCoauthor();
    await f.addMember(id, 'chenfang', 'reviewer');
    await k.move(id, 'in_review');
    await k.settled();
    const worker = t.app.get(EventOutboxWorker);
    await worker.drain();
    const rowOf = async () => {
      const rows = await outbox.find({ where: { consumer: NOTIFICATIONS_CONSUMER, type: 'proposal.status.changed' } });
      return rows.filter((r) => r.payload.includes(id));
    };
    const [first] = await rowOf();
    expect(first).toMatchObject({ attempts: 1, doneAt: null, failedAt: null });
    expect(first.lastError).toMatch(/notification e-mail/);
    expect(mailTo(DELIVERED, id)).toHaveLength(1);

    // the retries in between are the same refusal; only the backoff is skipped: the last allowed attempt is due now
    await outbox.update({ id: first.id }, { attempts: MAX_DELIVERY_ATTEMPTS - 1, availableAt: new Date(Date.now() - 1000) });
    await worker.drain();

    const [last] = await rowOf();
    expect(last).toMatchObject({ attempts: MAX_DELIVERY_ATTEMPTS, doneAt: null });
    expect(last.failedAt).toBeInstanceOf(Date);
    expect(last.lastError).toMatch(/notification e-mail/);
    const details = (await t.app.get(HealthService).report()).components.eventOutbox;
    expect(details).toMatchObject({ status: 'up', failed: 1 });
    expect(mailTo(REFUSED, id)).toEqual([]);
    expect(mailTo(DELIVERED, id)).toHaveLength(1);
    const notifications = t.app.get(getRepositoryToken(NotificationEntity)) as Repository<NotificationEntity>;
    const [delivered] = await notifications.findBy({ proposalId: id, userId: f.userIds.chenfang });
    expect(delivered.emailedAt).toBeInstanceOf(Date);

    // given up: not handed over again
    await outbox.update({ id: first.id }, { availableAt: new Date(Date.now() - 1000) });
    await worker.drain();
    expect((await rowOf())[0].attempts).toBe(MAX_DELIVERY_ATTEMPTS);
  });
});
