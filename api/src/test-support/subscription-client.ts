import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriptionClient {
  client: Client;
  /** Every result received on the subscription so far. */
  received: Record<string, any>[];
  /** Resolves once a received result matches. */
  waitFor(match: (data: Record<string, any>) => boolean): Promise<Record<string, any>>;
  /** Resolves when the subscription completes (e.g. the server ended it) or fails. */
  ended: Promise<unknown>;
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

/** A graphql-ws client over a real WebSocket to /graphql, carrying a session cookie as a browser would. */
export function subscribe(baseUrl: string, cookie: string, query: string): SubscriptionClient {
  let resolveClosed!: (code: number) => void;
  const closed = new Promise<number>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class CookieWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: cookie ? { cookie } : {} });
      }
    },
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => resolveClosed((event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  const received: Record<string, any>[] = [];
  let waiters: (() => void)[] = [];
  const ended = new Promise<unknown>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (result) => {
          if (result.data) received.push(result.data as Record<string, any>);
          for (const wake of waiters.splice(0)) wake();
        },
        error: resolve,
        complete: () => resolve(null),
      },
    );
  });
  return {
    client,
    received,
    ended,
    closed,
    async waitFor(match) {
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        await new Promise<void>((resolve) => (waiters = [...waiters, resolve]));
      }
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}
