import { PubSubPort } from '../../common/pubsub';

/**
 * The messages of one pub/sub channel as an async iterator, as GraphQL subscriptions want them.
 * Resolves once the channel subscription is active; `return()` (the client unsubscribing or
 * disconnecting) ends it.
 */
export async function pubSubIterator(port: PubSubPort, channel: string): Promise<AsyncIterableIterator<unknown>> {
  const queue: unknown[] = [];
  const waiting: ((result: IteratorResult<unknown>) => void)[] = [];
  let done = false;
  const unsubscribe = await port.subscribe(channel, (message) => {
    if (done) return;
    const waiter = waiting.shift();
    if (waiter) waiter({ value: message, done: false });
    else if (queue.length < 1000) queue.push(message);
  });
  const finish = async (): Promise<IteratorResult<unknown>> => {
    if (!done) {
      done = true;
      queue.length = 0;
      for (const waiter of waiting.splice(0)) waiter({ value: undefined, done: true });
      await unsubscribe();
    }
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<unknown> = {
    next: () => {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
