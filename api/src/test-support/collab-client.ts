import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { BODY_FIELD, yDocToJSON } from '@jianyan/shared';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>;
  /** Resolves with the reason when the server refuses the connection. */
  refused: Promise<string>;
  /** Appends a paragraph with this text at the end of the body. */
  appendParagraph(text: string): void;
  appendSuggestion(id: string, text: string): void;
  /** Resolves once the server has acknowledged every local change. */
  saved(): Promise<void>;
  text(): string;
  /** Drops the WebSocket (the client keeps editing offline) / opens it again. */
  goOffline(): void;
  goOnline(): Promise<void>;
  json(): ReturnType<typeof yDocToJSON>;
  close(): void;
}

function webSocketWithCookie(cookie: string) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
      // The provider detaches its handlers before closing a socket that is still connecting
      // (e.g. when going back online during a retry); ws then reports that as an error event.
      this.on('error', () => undefined);
    }
  };
}

/** A real Yjs client speaking the Hocuspocus protocol over WebSocket, as a browser would. */
export function connectCollab(baseUrl: string, proposalId: string, cookie: string): CollabClient {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, 'ws')}/collab`,
    WebSocketPolyfill: webSocketWithCookie(cookie) as never,
    delay: 100,
    maxDelay: 500,
    minDelay: 50,
  });
  let resolveSynced!: () => void;
  let resolveRefused!: (reason: string) => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const refused = new Promise<string>((resolve) => (resolveRefused = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: `proposal:${proposalId}`,
    document: doc,
    onSynced: () => resolveSynced(),
    onAuthenticationFailed: ({ reason }) => resolveRefused(reason),
  });
  provider.attach();
  const fragment = doc.getXmlFragment(BODY_FIELD);
  return {
    doc,
    provider,
    synced,
    refused,
    appendParagraph(text) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
    },
    appendSuggestion(id, text) {
      const block = new Y.XmlElement('suggestion');
      block.setAttribute('id', id);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      block.insert(0, [paragraph]);
      fragment.push([block]);
    },
    async saved() {
      const deadline = Date.now() + 20_000;
      while (provider.hasUnsyncedChanges) {
        if (Date.now() > deadline) throw new Error('changes were not acknowledged within 20 s');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    text: () => fragment.toString(),
    goOffline() {
      websocketProvider.shouldConnect = false;
      websocketProvider.disconnect();
    },
    goOnline: () => websocketProvider.connect() as Promise<void>,
    json: () => yDocToJSON(doc),
    close() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Polls until `check` passes or the time is up; returns the last failure otherwise. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
