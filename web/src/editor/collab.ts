import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { DocumentSizeBound, documentTooLargeLimit, type DocumentSizeLimitSource } from './document-size';

/** What the collaboration server and the browser know about this document's connection. */
export interface CollabSnapshot {
  connection: 'connecting' | 'connected' | 'disconnected';
  /** The WebSocket was open at least once (a later "connecting" is a reconnection: offline). */
  everConnected: boolean;
  /** Local changes not yet acknowledged (stored) by the server; 0 = everything saved. */
  unsynced: number;
  /** The first handshake of the current connection is done. */
  synced: boolean;
  /** The document was received from the server at least once (the text shown is the stored one). */
  loaded: boolean;
  /** What the server granted on the current connection; null before it answered. */
  scope: 'read-write' | 'readonly' | null;
  /** The server refused the connection (not signed in, or no longer a member). */
  denied: boolean;
  /** The browser says it has a network (navigator.onLine). */
  online: boolean;
}

/** The person at this screen, as shown to the others. */
export interface CollabUser {
  id: string;
  name: string;
  color: string;
}

export interface PresenceUser extends CollabUser {
  /** This browser tab. */
  isSelf: boolean;
}

export type SaveState = 'saved' | 'saving' | 'offline' | 'readonly';

/** The connection indicator: `state` is what tests read (data-state), `variant` picks the label. */
export function saveStateOf(
  snapshot: CollabSnapshot,
  canEdit: boolean,
): { state: SaveState; variant: SaveState | 'connecting' | 'denied' } {
  if (snapshot.denied) return { state: 'offline', variant: 'denied' };
  if (!canEdit || snapshot.scope === 'readonly') return { state: 'readonly', variant: 'readonly' };
  if (!snapshot.online) return { state: 'offline', variant: 'offline' };
  if (snapshot.connection !== 'connected') {
    return !snapshot.everConnected && snapshot.connection === 'connecting'
      ? { state: 'saving', variant: 'connecting' }
      : { state: 'offline', variant: 'offline' };
  }
  if (!snapshot.synced || snapshot.unsynced > 0 || snapshot.scope === null) return { state: 'saving', variant: 'saving' };
  return { state: 'saved', variant: 'saved' };
}

export function collabUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
}

export function documentName(proposalId: string): string {
  return `proposal:${proposalId}`;
}

/** A change the size limit refused: `reloaded` when the server refused it and the document was loaded again. */
export interface SizeRefusal {
  maxBytes: number;
  reloaded: boolean;
}

export interface CollabSessionEvents {
  /** A change was refused for the document's size limit. */
  tooLarge?(refusal: SizeRefusal): void;
}

let sessions = 0;

/**
 * One Yjs document bound to the collaboration server for one mounted editor: its own WebSocket,
 * a Hocuspocus provider, and observable connection and presence state. The session cookie
 * authenticates the WebSocket, so no token is sent.
 */
export class CollabSession implements DocumentSizeLimitSource {
  /** Distinguishes sessions (a React key). */
  readonly key = ++sessions;
  readonly doc = new Y.Doc();
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  private snapshot: CollabSnapshot = {
    connection: 'connecting',
    everConnected: false,
    unsynced: 0,
    synced: false,
    loaded: false,
    scope: null,
    denied: false,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
  };
  private presence: PresenceUser[] = [];
  private presenceKey = '';
  private readonly listeners = new Set<() => void>();
  private destroyed = false;
  /** The server's limit on the document's encoded size, once known. */
  maxBytes: number | null = null;
  readonly size = new DocumentSizeBound(this.doc);

  constructor(
    proposalId: string,
    readonly user: CollabUser,
    private readonly events: CollabSessionEvents = {},
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url: collabUrl(),
      // reconnect soon after a drop, and never wait more than 10 s between attempts
      delay: 500,
      minDelay: 500,
      factor: 2,
      maxDelay: 10_000,
      maxAttempts: 0,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentName(proposalId),
      document: this.doc,
      onStatus: ({ status }) =>
        this.update({
          connection: status,
          everConnected: this.snapshot.everConnected || status === WebSocketStatus.Connected,
        }),
      onSynced: () => this.update({ loaded: true }),
      onUnsyncedChanges: () => this.refresh(),
      onAuthenticated: ({ scope }) => this.update({ scope, denied: false }),
      onAuthenticationFailed: () => this.update({ denied: true }),
      onClose: ({ event }) => this.closed(event.reason),
      onAwarenessChange: () => this.refreshPresence(),
    });
    this.provider.setAwarenessField('user', user);
    // a provider given its own WebSocket does not attach by itself
    this.provider.attach();
    this.refreshPresence();
    window.addEventListener('offline', this.wentOffline);
    window.addEventListener('online', this.cameOnline);
  }

  /**
   * The connection to this document was closed. When the WebSocket itself is still open, the
   * server closed only this document (a member was removed, the proposal changed status): open
   * it again on the same socket, so the server checks access anew and may answer read-only (or
   * refuse). The provider does not do this by itself. A dropped WebSocket reconnects on its own.
   * Not after the server refused an update for the size limit: this document holds the refused
   * update and would send it again on every reopening, so it is given up and loaded anew.
   */
  private closed(reason: unknown): void {
    this.refresh();
    const maxBytes = documentTooLargeLimit(reason);
    if (maxBytes !== null && !this.destroyed) {
      this.maxBytes = maxBytes;
      this.events.tooLarge?.({ maxBytes, reloaded: true });
      return;
    }
    if (this.destroyed || this.socket.status !== WebSocketStatus.Connected) return;
    setTimeout(() => {
      if (this.destroyed || this.socket.status !== WebSocketStatus.Connected || this.provider.isAuthenticated) return;
      const opened = this.socket.receivedOnOpenPayload;
      if (opened) void this.provider.onOpen(opened);
    }, 200);
  }

  /**
   * The network is gone: say so at once, and drop the WebSocket instead of waiting for it to time
   * out (it reconnects, with back-off, and resyncs everything written meanwhile).
   */
  private readonly wentOffline = () => {
    this.update({ online: false });
    this.socket.webSocket?.close();
  };

  /** The network is back: reconnect now rather than at the next back-off attempt. */
  private readonly cameOnline = () => {
    this.update({ online: true });
    if (this.socket.status !== WebSocketStatus.Connected) void this.socket.connect();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  refuseTooLarge(): void {
    if (this.maxBytes !== null) this.events.tooLarge?.({ maxBytes: this.maxBytes, reloaded: false });
  }

  getPresence = (): PresenceUser[] => this.presence;

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('offline', this.wentOffline);
    window.removeEventListener('online', this.cameOnline);
    this.listeners.clear();
    this.provider.destroy();
    this.socket.destroy();
    this.doc.destroy();
  }

  private refresh(): void {
    this.update({ unsynced: this.provider.unsyncedChanges, synced: this.provider.isSynced });
  }

  private update(change: Partial<CollabSnapshot>): void {
    if (this.destroyed) return;
    const next = {
      ...this.snapshot,
      ...change,
      unsynced: change.unsynced ?? this.provider.unsyncedChanges,
      synced: change.synced ?? this.provider.isSynced,
    };
    const keys = Object.keys(next) as (keyof CollabSnapshot)[];
    if (keys.every((key) => next[key] === this.snapshot[key])) return;
    this.snapshot = next;
    this.emit();
  }

  /** People in the document, one entry per person (several tabs count once), this tab first. */
  private refreshPresence(): void {
    if (this.destroyed) return;
    const awareness = this.provider.awareness;
    if (!awareness) return;
    const byUser = new Map<string, PresenceUser>();
    const selfId = awareness.clientID;
    const states = [...awareness.getStates().entries()].sort(([a], [b]) => (a === selfId ? -1 : b === selfId ? 1 : a - b));
    for (const [clientId, state] of states) {
      const user = (state as { user?: Partial<CollabUser> }).user;
      if (!user?.name) continue;
      const id = user.id ?? `client-${clientId}`;
      const existing = byUser.get(id);
      if (existing) {
        existing.isSelf ||= clientId === selfId;
        continue;
      }
      byUser.set(id, { id, name: user.name, color: user.color ?? '#5f5a54', isSelf: clientId === selfId });
    }
    const people = [...byUser.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-CN'));
    const key = people.map((p) => `${p.id}|${p.name}|${p.color}|${p.isSelf}`).join('\n');
    if (key === this.presenceKey) return;
    this.presenceKey = key;
    this.presence = people;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }
}

export interface CollabSessionState {
  session: CollabSession | null;
  /** The last change refused for the size limit (kept across the reloading it causes); null once dismissed. */
  refusal: SizeRefusal | null;
  dismissRefusal(): void;
}

/**
 * One session per mounted editor (and per proposal), destroyed on unmount, and replaced by a
 * fresh one (the document as the server stores it) when the server refused a change for the size
 * limit. `maxBytes` is the server's limit as the API reports it (null until known).
 */
export function useCollabSession(proposalId: string, user: CollabUser, maxBytes: number | null): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [refusal, setRefusal] = useState<SizeRefusal | null>(null);
  const [reloads, setReloads] = useState(0);
  const [learnedMaxBytes, setLearnedMaxBytes] = useState<number | null>(null);
  const { id, name, color } = user;
  useEffect(() => {
    const created = new CollabSession(
      proposalId,
      { id, name, color },
      {
        tooLarge: (refused) => {
          setRefusal(refused);
          if (!refused.reloaded) return;
          setLearnedMaxBytes(refused.maxBytes);
          setReloads((count) => count + 1);
        },
      },
    );
    setSession(created);
    return () => {
      created.destroy();
      setSession((current) => (current === created ? null : current));
    };
  }, [proposalId, id, name, color, reloads]);
  const limit = learnedMaxBytes ?? maxBytes;
  useEffect(() => {
    if (session) session.maxBytes = limit;
  }, [session, limit]);
  return { session, refusal, dismissRefusal: () => setRefusal(null) };
}

export function useCollabSnapshot(session: CollabSession): CollabSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/**
 * One value of the snapshot: the component re-renders only when that value changes (the editor
 * itself must not re-render on every keystroke's "saving → saved").
 */
export function useCollabValue<K extends keyof CollabSnapshot>(session: CollabSession, key: K): CollabSnapshot[K] {
  return useSyncExternalStore(session.subscribe, () => session.getSnapshot()[key]);
}

export function usePresence(session: CollabSession): PresenceUser[] {
  return useSyncExternalStore(session.subscribe, session.getPresence);
}
