import { createClient } from 'graphql-ws';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { PUBSUB, PubSubPort } from '../common/pubsub';
import { notificationChannel } from '../core/notifications/notifications.service';
import { TestApp, startTestApp } from '../test-support/test-app';

/** Twelve aliased fields: cost 13 against a limit of 10. */
const COSTLY = `subscription { notificationAdded { ${Array.from({ length: 12 }, (_, i) => `f${i}: id`).join(' ')} } }`;
const SMALL = 'subscription { notificationAdded { id title } }';

describe('query limits over the WebSocket (graphql-ws)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_COST: '10' });
  });
  afterAll(() => t.close());

  it('refuses a subscription over the cost limit with QUERY_TOO_COMPLEX, and serves one within it', async () => {
    const member = await t.signIn('zhangjie@jianyan.demo');
    const { me } = await member.ok('{ me { id } }');
    const client = createClient({
      url: `${t.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie: member.cookieHeader } });
        }
      },
      retryAttempts: 0,
    });
    try {
      const refused = await new Promise<{ errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
        const results: unknown[] = [];
        client.subscribe({ query: COSTLY }, {
          next: (result) => results.push(result),
          error: reject,
          complete: () => resolve(results[0] as never),
        });
      });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 13, maxCost: 10 });

      // the small one runs: a notification published to the member arrives
      const received: { notificationAdded: { id: string; title: string } }[] = [];
      const dispose = client.subscribe<{ notificationAdded: { id: string; title: string } }>({ query: SMALL }, {
        next: (result) => result.data && received.push(result.data),
        error: () => undefined,
        complete: () => undefined,
      });
      const pubsub = t.app.get<PubSubPort>(PUBSUB);
      const note = { id: 'limits-probe', kind: 'proposal_status', proposalId: 'p', suggestionId: null, title: '探测', createdAt: new Date(), readAt: null };
      for (let i = 0; i < 100 && received.length === 0; i++) {
        await pubsub.publish(notificationChannel(me.id), note);
        await sleep(50);
      }
      expect(received[0]).toEqual({ notificationAdded: { id: 'limits-probe', title: '探测' } });
      dispose();
    } finally {
      await client.dispose();
    }
  });
});
