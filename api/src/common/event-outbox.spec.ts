import { getRepositoryToken } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { NotificationsService, NOTIFICATIONS_CONSUMER } from '../core/notifications/notifications.service';
import { NotificationKit } from '../core/notifications/notification-test-kit';
import { runTransaction } from '../database/transactions';
import { ProposalFixtures } from '../test-support/proposal-fixtures';
import { refusedInserts } from '../test-support/refused-inserts';
import { TestApp, startTestApp } from '../test-support/test-app';
import { HealthService } from '../core/health/health.service';
import { DomainEvents } from './domain-events';
import { EventOutboxWorker, retryDelayMs } from './event-outbox';
import { EventOutboxEntity } from './event-outbox.entity';

const faults = (db: DataSource) => refusedInserts(db.options.type === 'postgres' ? 'postgres' : 'sqlite', 'notifications');

async function refuseNotifications(db: DataSource): Promise<void> {
  for (const statement of faults(db).refuse) await db.query(statement);
}

async function acceptNotifications(db: DataSource): Promise<void> {
  for (const statement of faults(db).accept) await db.query(statement);
}

describe('event outbox', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;
  let db: DataSource;
  let outbox: Repository<EventOutboxEntity>;

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
    db = t.app.get(DataSource);
    outbox = t.app.get(getRepositoryToken(EventOutboxEntity));
  });
  afterAll(() => t.close());

  const rowsOf = (proposalId: string) =>
    outbox
      .createQueryBuilder('o')
      .where('o.consumer = :consumer', { consumer: NOTIFICATIONS_CONSUMER })
      .andWhere('o.payload LIKE :id', { id: `%${proposalId}%` })
      .orderBy('o.id')
      .getMany();
  const notificationsOf = async (proposalId: string) =>
    (await db.query(`SELECT "userId", "eventId", "emailedAt" FROM notifications WHERE "proposalId" = '${proposalId}'`)) as { userId: string; eventId: string }[];

  it('a status change commits with its event; a refused change leaves none', async () => {
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    const [row] = await rowsOf(id);
    expect(JSON.parse(row.payload)).toMatchObject({ type: 'proposal.status.changed', proposalId: id, from: 'draft', to: 'in_review' });
    await k.settled();
    expect((await outbox.findOneByOrFail({ id: row.id })).doneAt).not.toBeNull();

    const refused = await f.transition(id, 'closed', 'linxiaoyan'); // not a move the table allows
    expect(refused.errors).toBeDefined();
    expect(await rowsOf(id)).toHaveLength(1);
  });

  it('a delivery the database refuses is retried with backoff, then delivered once', async () => {
    const { id } = await k.draftWithCoauthor();
    await refuseNotifications(db);
    try {
      await k.move(id, 'in_review');
      await k.settled();
      const [failed] = await rowsOf(id);
      expect(failed).toMatchObject({ doneAt: null, attempts: 1, claimToken: null });
      expect(failed.lastError).toContain('notifications refused');
      expect(failed.availableAt.getTime()).toBeGreaterThanOrEqual(failed.createdAt.getTime() + retryDelayMs(1));
      expect(await notificationsOf(id)).toEqual([]);
    } finally {
      await acceptNotifications(db);
    }
    // due now (instead of waiting out the backoff)
    await outbox.update({ consumer: NOTIFICATIONS_CONSUMER, doneAt: IsNull() }, { availableAt: new Date(0) });
    await k.settled();
    const notes = await notificationsOf(id);
    expect(notes.map((n) => n.userId)).toEqual([f.userIds.linxiaoyan]);
    const [delivered] = await rowsOf(id);
    expect(delivered.doneAt).not.toBeNull();
    expect(notes[0].eventId).toBe(delivered.eventId);
  });

  it('an event delivered again (a crash before it was marked done) notifies no one twice', async () => {
    const { id } = await k.draftWithCoauthor();
    await k.move(id, 'in_review');
    await k.settled();
    expect(await notificationsOf(id)).toHaveLength(1);
    const [row] = await rowsOf(id);
    await outbox.update({ id: row.id }, { doneAt: null, availableAt: new Date(0) });
    await k.settled();
    expect((await outbox.findOneByOrFail({ id: row.id })).doneAt).not.toBeNull();
    expect(await notificationsOf(id)).toHaveLength(1);
    expect((await k.of('linxiaoyan', id)).map((n) => n.toStatus)).toEqual(['in_review']);
  });

  it('a claim whose lease ran out is taken over; a live claim is left to its holder', async () => {
    const { id } = await k.draftWithCoauthor();
    const other = await k.draftWithCoauthor();
    await refuseNotifications(db);
    try {
      await k.move(id, 'in_review');
      await k.move(other.id, 'in_review');
      await k.settled();
    } finally {
      await acceptNotifications(db);
    }
    const [dead] = await rowsOf(id);
    const [live] = await rowsOf(other.id);
    await outbox.update({ id: dead.id }, { availableAt: new Date(0), claimToken: 'a-dead-instance', claimedUntil: new Date(Date.now() - 1000) });
    await outbox.update({ id: live.id }, { availableAt: new Date(0), claimToken: 'a-live-instance', claimedUntil: new Date(Date.now() + 60_000) });
    await k.settled();
    expect(await notificationsOf(id)).toHaveLength(1);
    expect(await notificationsOf(other.id)).toEqual([]);
    expect((await outbox.findOneByOrFail({ id: live.id })).claimToken).toBe('a-live-instance');
  });

  it('workers draining at once deliver every event exactly once', async () => {
    const events = t.app.get(DomainEvents);
    const delivered = new Map<string, number>();
    events.durable('outbox-probe', ['adoption.deleted'], async (event, delivery) => {
      delivered.set(delivery.eventId, (delivered.get(delivery.eventId) ?? 0) + 1);
    });
    const count = 120;
    await runTransaction(db, async (manager) => {
      for (let i = 0; i < count; i++) {
        await events.record(manager, { type: 'adoption.deleted', proposalId: `p${i}`, suggestionId: 's', adoptionId: `a${i}`, status: 'adopted' });
      }
    });
    // the application's own worker was nudged by the commit; three more race it over the same table
    const workers = [1, 2, 3].map(() => new EventOutboxWorker(outbox, events, t.app.get(HealthService)));
    await Promise.all([...workers.map((w) => w.drain()), t.app.get(EventOutboxWorker).drain()]);
    await t.app.get(NotificationsService).settled();
    expect(delivered.size).toBe(count);
    expect([...delivered.values()].every((times) => times === 1)).toBe(true);
    expect(await outbox.countBy({ consumer: 'outbox-probe', doneAt: IsNull() })).toBe(0);
  });
});
