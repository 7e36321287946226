import { setTimeout as sleep } from 'node:timers/promises';
import { PUBSUB, PubSubPort } from '../../common/pubsub';
import { connectCollab } from '../../test-support/collab-client';
import { Person, ProposalFixtures } from '../../test-support/proposal-fixtures';
import { SubscriptionClient, subscribe } from '../../test-support/subscription-client';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { NOTIFICATION_FIELDS, NotificationKit } from './notification-test-kit';
import { notificationChannel } from './notifications.service';

const NOTIFICATION_ADDED = `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`;

describe('notifications over a GraphQL subscription (graphql-ws)', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let k: NotificationKit;
  const clients: SubscriptionClient[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    k = new NotificationKit(t, f);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t.close();
  });

  async function subscribed(person: Person): Promise<SubscriptionClient> {
    const client = subscribe(t.url, (await f.as(person)).cookieHeader, NOTIFICATION_ADDED);
    clients.push(client);
    // the server's subscription starts asynchronously: publish probes through the pub/sub port until one arrives
    const probeId = `probe-${person}`;
    const pubsub = t.app.get<PubSubPort>(PUBSUB);
    const probe = { id: probeId, kind: 'proposal_status', proposalId: probeId, suggestionId: null, title: 'probe', createdAt: new Date(), readAt: null };
    const arrived = client.waitFor((d) => d.notificationAdded.id === probeId);
    while (!client.received.some((d) => d.notificationAdded.id === probeId)) {
      await pubsub.publish(notificationChannel(f.userIds[person]), probe);
      await Promise.race([arrived, sleep(50)]);
    }
    return client;
  }

  const realNotes = (c: SubscriptionClient) => c.received.map((d) => d.notificationAdded).filter((n) => !n.id.startsWith('probe-'));

  it('a subscriber receives the notification of a status change; a subscriber without clearance receives nothing', async () => {
    const { id } = await k.draftWithCoauthor();
    await k.follow('huangli', 'district', f.orgIds.jinan);
    await k.follow('liusiyuan', 'district', f.orgIds.jinan);
    const coauthor = await subscribed('linxiaoyan');
    const leader = await subscribed('huangli');
    const researcher = await subscribed('liusiyuan');

    await k.move(id, 'in_review');
    const received = await coauthor.waitFor((d) => d.notificationAdded.proposalId === id);
    expect(received.notificationAdded).toMatchObject({ kind: 'proposal_status', fromStatus: 'draft', toStatus: 'in_review', title: '关于加强流动儿童课后服务的建议', readAt: null });
    expect(Date.parse(received.notificationAdded.createdAt)).not.toBeNaN();
    await k.settled();
    expect(realNotes(leader)).toEqual([]);
    expect(realNotes(researcher)).toEqual([]);

    // once submitted, the federation's leader may see it, and is told live
    await k.move(id, 'submitted');
    const leaderNote = await leader.waitFor((d) => d.notificationAdded.proposalId === id);
    expect(leaderNote.notificationAdded.toStatus).toBe('submitted');
    await coauthor.waitFor((d) => d.notificationAdded.toStatus === 'submitted');
    await k.settled();
    expect(realNotes(researcher)).toEqual([]);
    expect(realNotes(coauthor).map((n) => n.toStatus)).toEqual(['in_review', 'submitted']);
    expect(realNotes(leader).map((n) => n.toStatus)).toEqual(['submitted']);
  });

  it('refuses a socket without a session at connect', async () => {
    const anonymous = subscribe(t.url, '', NOTIFICATION_ADDED);
    clients.push(anonymous);
    expect(await anonymous.closed).toBe(4403);
    const forged = subscribe(t.url, 'jy_session=s%3Aforged.signature', NOTIFICATION_ADDED);
    clients.push(forged);
    expect(await forged.closed).toBe(4403);
  });

  it('serves only subscriptions over the socket: queries and mutations go over HTTP', async () => {
    const query = subscribe(t.url, (await f.as('zhangjie')).cookieHeader, '{ unreadNotificationCount }');
    clients.push(query);
    const error = (await query.ended) as { message: string }[];
    expect(error[0].message).toMatch(/Only subscriptions/);
    expect(query.received).toEqual([]);
  });

  it('ends the subscription once its session is signed out', async () => {
    const session = await t.signIn('chenfang@jianyan.demo');
    const client = subscribe(t.url, session.cookieHeader, NOTIFICATION_ADDED);
    clients.push(client);
    const pubsub = t.app.get<PubSubPort>(PUBSUB);
    const probe = { id: 'probe-1', kind: 'proposal_status', proposalId: 'p', suggestionId: null, title: 'probe', createdAt: new Date(), readAt: null };
    while (client.received.length === 0) {
      await pubsub.publish(notificationChannel(f.userIds.chenfang), probe);
      await Promise.race([client.waitFor(() => true), sleep(50)]);
    }
    await session.ok('mutation { logout }');
    await pubsub.publish(notificationChannel(f.userIds.chenfang), { ...probe, id: 'probe-2' });
    await client.ended;
    expect(client.received.map((d) => d.notificationAdded.id).every((id) => id === 'probe-1')).toBe(true);
  });

  it('serves the collaboration WebSocket (/collab) on the same server alongside graphql-ws', async () => {
    const { id } = await k.draftWithCoauthor();
    const live = await subscribed('linxiaoyan');
    const editor = connectCollab(t.url, id, (await f.as('zhangjie')).cookieHeader);
    try {
      await editor.synced;
      editor.appendParagraph('两个 WebSocket 服务共用一个端口。');
      await editor.saved();
      await k.move(id, 'in_review');
      const note = await live.waitFor((d) => d.notificationAdded.proposalId === id);
      expect(note.notificationAdded.toStatus).toBe('in_review');
      expect(editor.text()).toContain('两个 WebSocket 服务共用一个端口。');
    } finally {
      editor.close();
    }
  });
});
