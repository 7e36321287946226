import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisServer, TestRedis } from '../test-support/redis-server';
import { InMemoryPubSub, PubSubPort } from './pubsub';
import { RedisPubSub } from './redis-pubsub';

const MARKER = 'end-of-test-marker';

/** Collects messages (but the end marker) and lets a test wait for the n-th one. */
function inbox(keepMarker = false) {
  const messages: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    messages,
    handler: (message: unknown) => {
      if (message === MARKER && !keepMarker) return;
      messages.push(message);
      for (const waiter of waiters) if (messages.length >= waiter.count) waiter.resolve();
    },
    received(count: number, timeoutMs = 5_000): Promise<void> {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${messages.length} of ${count} messages`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

/** A message published after an end-of-test marker shows that nothing else is still on its way. */
async function settle(pubsub: PubSubPort, channel: string): Promise<void> {
  const marker = inbox(true);
  const stop = await pubsub.subscribe(channel, marker.handler);
  await pubsub.publish(channel, MARKER);
  await marker.received(1);
  await stop();
}

/**
 * What every pub/sub adapter must do. `connect` returns two "instances" of the adapter: for Redis
 * these are separate connections, as on two API processes; in memory they are the same bus.
 */
function pubSubContract(name: string, setup: () => Promise<{ connect: () => PubSubPort[]; teardown: () => Promise<void> }>) {
  describe(`pub/sub contract: ${name}`, () => {
    let first: PubSubPort;
    let second: PubSubPort;
    let teardown: () => Promise<void>;

    beforeAll(async () => {
      const adapter = await setup();
      [first, second] = adapter.connect();
      teardown = adapter.teardown;
    });
    afterAll(() => teardown());

    it('delivers a JSON copy of each message to every subscriber of the channel, on every instance', async () => {
      const here = inbox();
      const there = inbox();
      const stopHere = await first.subscribe('contract.delivery', here.handler);
      const stopThere = await second.subscribe('contract.delivery', there.handler);
      const message = { id: 'n1', when: new Date('2026-01-02T03:04:05Z'), nested: { list: [1, '二'] }, skipped: undefined };
      await second.publish('contract.delivery', message);
      await Promise.all([here.received(1), there.received(1)]);
      const expected = { id: 'n1', when: '2026-01-02T03:04:05.000Z', nested: { list: [1, '二'] } };
      expect(here.messages).toEqual([expected]);
      expect(there.messages).toEqual([expected]);
      expect(here.messages[0]).not.toBe(there.messages[0]);
      await Promise.all([stopHere(), stopThere()]);
    });

    it('keeps channels apart and delivers in publishing order', async () => {
      const numbers = inbox();
      const letters = inbox();
      const stops = await Promise.all([first.subscribe('contract.numbers', numbers.handler), first.subscribe('contract.letters', letters.handler)]);
      for (let i = 0; i < 20; i++) await second.publish('contract.numbers', i);
      await second.publish('contract.letters', 'a');
      await Promise.all([numbers.received(20), letters.received(1)]);
      expect(numbers.messages).toEqual([...Array(20).keys()]);
      expect(letters.messages).toEqual(['a']);
      await Promise.all(stops.map((stop) => stop()));
    });

    it('stops delivering to a handler once its subscription ends, and keeps the other handlers', async () => {
      const ended = inbox();
      const kept = inbox();
      const stopEnded = await first.subscribe('contract.end', ended.handler);
      const stopKept = await first.subscribe('contract.end', kept.handler);
      await second.publish('contract.end', 1);
      await Promise.all([ended.received(1), kept.received(1)]);
      await stopEnded();
      await second.publish('contract.end', 2);
      await kept.received(2);
      await settle(second, 'contract.end');
      expect(ended.messages).toEqual([1]);
      expect(kept.messages).toEqual([1, 2]);
      await stopKept();
    });

    it('does not deliver messages published before the subscription was active', async () => {
      await second.publish('contract.late', 'before');
      const late = inbox();
      const stop = await first.subscribe('contract.late', late.handler);
      await second.publish('contract.late', 'after');
      await late.received(1);
      await settle(second, 'contract.late');
      expect(late.messages).toEqual(['after']);
      await stop();
    });
  });
}

pubSubContract('in memory', async () => {
  const bus = new InMemoryPubSub();
  return { connect: () => [bus, bus], teardown: async () => bus.onModuleDestroy() };
});

pubSubContract('Redis', async () => {
  const redis: TestRedis = await startRedisServer();
  const instances = [new RedisPubSub(redis.url), new RedisPubSub(redis.url)];
  return {
    connect: () => instances,
    teardown: async () => {
      await Promise.all(instances.map((i) => i.onModuleDestroy()));
      await redis.stop();
    },
  };
});

describe('Redis pub/sub while Redis is away', () => {
  let redis: TestRedis;
  let here: RedisPubSub;
  let there: RedisPubSub;

  beforeAll(async () => {
    redis = await startRedisServer();
    [here, there] = [new RedisPubSub(redis.url), new RedisPubSub(redis.url)];
  });
  afterAll(async () => {
    await Promise.all([here.onModuleDestroy(), there.onModuleDestroy()]);
    await redis.stop();
  });

  it('keeps delivering on the instance itself, subscribes meanwhile, and relays between instances again once Redis is back', async () => {
    const local = inbox();
    const remote = inbox();
    await here.subscribe('outage.local', local.handler);
    await redis.stop();
    await here.publish('outage.local', 'during');
    await local.received(1);
    // subscribed while Redis is away: active at Redis once it is back
    await expect(there.subscribe('outage.remote', remote.handler)).resolves.toBeInstanceOf(Function);
    await redis.start();
    const deadline = Date.now() + 10_000;
    while (remote.messages.length === 0 && Date.now() < deadline) {
      await here.publish('outage.remote', 'after');
      await sleep(50);
    }
    expect(remote.messages[0]).toBe('after');
    expect(local.messages).toEqual(['during']);
  });

  it('does not subscribe again at Redis a channel left while Redis was away', async () => {
    const kept = inbox();
    const unsubscribe = await here.subscribe('outage.left', inbox().handler);
    await here.subscribe('outage.kept', kept.handler);
    await redis.stop();
    await unsubscribe();
    await redis.start();
    const probe = new Redis(redis.url);
    try {
      const deadline = Date.now() + 10_000;
      let counts: Record<string, number> = {};
      while (Date.now() < deadline) {
        const reply = (await probe.call('PUBSUB', 'NUMSUB', 'jianyan:pubsub:outage.left', 'jianyan:pubsub:outage.kept')) as (string | number)[];
        counts = { left: Number(reply[1]), kept: Number(reply[3]) };
        if (counts.kept === 1) break;
        await sleep(50);
      }
      expect(counts).toEqual({ left: 0, kept: 1 });
    } finally {
      probe.disconnect();
    }
  });
});
