import { Document, Hocuspocus } from '@hocuspocus/server';
import {
  BODY_FIELD,
  applySuggestionRows,
  documentSuggestions,
  jsonToYDoc,
  plainText,
  replaceBody,
  yDocToJSON,
} from '@jianyan/shared';
import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { DomainEvents } from '../common/domain-events';
import { JOB_LOCK, JobLock } from '../common/job-lock';
import { PUBSUB, PubSubPort } from '../common/pubsub';
import type { Actor } from '../common/graphql-context';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from '../core/auth/auth.service';
import { ProposalBodyBridge } from '../core/proposals/proposal-body-bridge';
import { sessionTokenFromCookieHeader } from '../core/auth/session-cookie';
import { CollaborationRedis } from './collaboration-redis';
import { ConnectionSession, SessionCheckOnWrite } from './collaboration-session-check';
import { DocumentStore } from './document-store';
import {
  PROPOSAL_DOCUMENT_ACCESS,
  PROPOSAL_DOCUMENT_PREFIX,
  ProposalDocumentAccess,
  proposalIdFromDocumentName,
} from './proposal-document-access';
import { documentUpdateIn } from './sync-messages';

interface ConnectionContext extends ConnectionSession {
  actor: Actor;
  proposalId: string;
}

/** Connections to drop on every API instance (the affected ones may be connected anywhere). */
const RECONNECT_CHANNEL = 'collaboration.reconnect';
interface ReconnectRequest {
  from: string;
  proposalId: string;
  userId?: string;
}

/** Upper bounds for holding a document's locks (a crashed holder blocks others this long at most). */
const STORE_LOCK_MS = 30_000;
const COMPACT_LOCK_MS = 60_000;

/**
 * The Yjs collaboration server (Hocuspocus). Every connection is checked against the session
 * cookie and the caller's proposal membership; every accepted update is stored before the
 * server acknowledges it; the derived body is handed back to the proposals domain.
 */
@Injectable()
export class CollaborationService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CollaborationService.name);
  readonly hocuspocus: Hocuspocus;
  private readonly subscriptions;
  private readonly instanceId = randomUUID();
  private stopRelay?: () => Promise<void>;

  constructor(
    private readonly auth: AuthService,
    private readonly store: DocumentStore,
    @Inject(PROPOSAL_DOCUMENT_ACCESS) private readonly access: ProposalDocumentAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
    events: DomainEvents,
    bodies: ProposalBodyBridge,
  ) {
    this.hocuspocus = new Hocuspocus({
      name: 'jianyan',
      quiet: true,
      // several instances: live updates and awareness travel between them through Redis
      extensions: [
        new SessionCheckOnWrite(async (token) => (await auth.actorForToken(token)) !== null),
        ...(config.redisUrl ? [new CollaborationRedis(config.redisUrl)] : []),
      ],
      debounce: 1_000,
      maxDebounce: 5_000,
      onAuthenticate: (data) => this.authenticate(data.requestHeaders, data.documentName, data.connectionConfig),
      onLoadDocument: (data) => this.loadDocument(data.documentName, data.document),
      beforeHandleMessage: (data) => this.persistIncoming(data.documentName, data.update, data.connection, data.context),
      onStoreDocument: (data) => this.documentStored(data.documentName, data.document),
    });
    bodies.connect({
      flush: (id) => this.flush(id),
      replace: (id, json, actorId) => this.changeDocument(id, actorId, (document) => replaceBody(document, json, 'server:replace')),
      syncSuggestions: (id, rows, actorId) =>
        this.changeDocument(id, actorId, (document) => applySuggestionRows(document, rows, 'server:suggestions'), { onlyIfStored: true }),
    });
    this.subscriptions = [
      events.on('proposal.membership.changed', ({ proposalId, userId }) => this.reconnectEverywhere(proposalId, userId)),
      events.on('proposal.status.changed', ({ proposalId }) => this.reconnectEverywhere(proposalId)),
    ];
  }

  async onModuleInit(): Promise<void> {
    this.stopRelay = await this.pubsub.subscribe(RECONNECT_CHANNEL, (message) => {
      const request = message as ReconnectRequest;
      if (request.from !== this.instanceId) this.reconnect(request.proposalId, request.userId);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    await this.stopRelay?.();
    this.hocuspocus.closeConnections();
    await this.hocuspocus.hooks('onDestroy', { instance: this.hocuspocus });
  }

  private async authenticate(
    headers: IncomingHttpHeaders,
    documentName: string,
    connectionConfig: { readOnly: boolean },
  ): Promise<ConnectionContext> {
    const sessionToken = sessionTokenFromCookieHeader(headers.cookie, this.config.sessionSecret);
    const actor = sessionToken ? await this.auth.actorForToken(sessionToken) : null;
    if (!sessionToken || !actor) throw new Error('unauthenticated');
    const proposalId = proposalIdFromDocumentName(documentName);
    const access = proposalId ? await this.access.accessFor(actor, proposalId) : null;
    if (!proposalId || !access) throw new Error('forbidden');
    if (access === 'read') connectionConfig.readOnly = true;
    return { actor, proposalId, sessionToken };
  }

  private async loadDocument(documentName: string, document: Document): Promise<Document> {
    if (!(await this.store.exists(documentName))) {
      // Another instance may be starting the same document: only one may write its first state.
      await this.locks.runSerialized(`collab-init:${documentName}`, STORE_LOCK_MS, async () => {
        if (await this.store.exists(documentName)) return;
        const proposalId = proposalIdFromDocumentName(documentName);
        const initial = proposalId ? await this.access.initialBody(proposalId) : null;
        if (initial) await this.store.append(documentName, Y.encodeStateAsUpdate(jsonToYDoc(initial)), null);
      });
    }
    await this.store.load(documentName, document);
    return document;
  }

  /** Runs before Hocuspocus applies and acknowledges a message: the update is durable first. */
  private async persistIncoming(
    documentName: string,
    message: Uint8Array,
    connection: { readOnly: boolean },
    context: Partial<ConnectionContext>,
  ): Promise<void> {
    if (connection.readOnly) return;
    const update = documentUpdateIn(message);
    if (update) await this.store.append(documentName, update, context.actor?.userId ?? null);
  }

  /** One instance at a time derives a document's body (the rows are shared; the live documents agree). */
  private async documentStored(documentName: string, document: Document): Promise<void> {
    const proposalId = proposalIdFromDocumentName(documentName);
    if (!proposalId) return;
    await this.locks.runSerialized(`collab-store:${documentName}`, STORE_LOCK_MS, async () => {
      const json = yDocToJSON(document);
      const { restore } = await this.access.bodyChanged(
        proposalId,
        { json, text: plainText(json), suggestions: documentSuggestions(json) },
        null,
      );
      if (restore.length > 0) await this.restoreSuggestions(documentName, document, restore);
    });
    if ((await this.store.pendingUpdateCount(documentName)) >= this.config.collaboration.compactAfterUpdates) {
      await this.compact(documentName);
    }
  }

  /** Puts back suggestion blocks that were deleted although their outcome is on record. */
  private async restoreSuggestions(documentName: string, document: Document, suggestions: { id: string; text: string }[]) {
    const before = Y.encodeStateVector(document);
    document.transact(() => {
      const fragment = document.getXmlFragment(BODY_FIELD);
      for (const suggestion of suggestions) {
        const block = new Y.XmlElement('suggestion');
        block.setAttribute('id', suggestion.id);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(suggestion.text)]);
        block.insert(0, [paragraph]);
        fragment.push([block]);
      }
    }, 'server:restore-suggestions');
    await this.store.append(documentName, Y.encodeStateAsUpdate(document, before), null);
    this.logger.warn(`restored ${suggestions.length} adopted suggestion(s) deleted from ${documentName}`);
  }

  /**
   * Drops the connections to a proposal's document (of one user, or everyone's when its status
   * changed); a client that reconnects has its access checked again, and may come back read-only.
   */
  private reconnect(proposalId: string, userId?: string): void {
    const document = this.hocuspocus.documents.get(`${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`);
    document?.getConnections().forEach((connection) => {
      if (!userId || (connection.context as Partial<ConnectionContext>).actor?.userId === userId) connection.close();
    });
  }

  /** Tells every instance (this one at once) to drop the affected connections. */
  private reconnectEverywhere(proposalId: string, userId?: string): void {
    this.reconnect(proposalId, userId);
    const request: ReconnectRequest = { from: this.instanceId, proposalId, ...(userId ? { userId } : {}) };
    this.pubsub.publish(RECONNECT_CHANNEL, request).catch((error: Error) => {
      this.logger.error(`could not ask other instances to reconnect ${proposalId}: ${error.message}`);
    });
  }

  /**
   * Derives the body now, instead of waiting for the debounced store. The document may be open
   * on another instance only: every acknowledged update is stored, so it is opened here from the
   * database (and, with Redis, synced with the live copies) for the moment of the flush.
   */
  private async flush(proposalId: string): Promise<void> {
    const documentName = `${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`;
    const document = this.hocuspocus.documents.get(documentName);
    if (document) return this.documentStored(documentName, document);
    if (!this.config.redisUrl || !(await this.store.exists(documentName))) return;
    const connection = await this.hocuspocus.openDirectConnection(documentName, {});
    try {
      await this.documentStored(documentName, connection.document!);
    } finally {
      await connection.disconnect();
    }
  }

  /**
   * Changes a document on the server as one new, stored change that every connected client
   * receives. With `onlyIfStored`, a document nobody has opened yet is left alone: it will start
   * from the proposal's rows anyway.
   */
  private async changeDocument(
    proposalId: string,
    actorId: string,
    change: (document: Y.Doc) => unknown,
    options: { onlyIfStored?: boolean } = {},
  ): Promise<void> {
    const documentName = `${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`;
    if (options.onlyIfStored && !this.hocuspocus.documents.has(documentName) && !(await this.store.exists(documentName))) return;
    const connection = await this.hocuspocus.openDirectConnection(documentName, { actorId });
    try {
      let update: Uint8Array | null = null;
      await connection.transact((document) => {
        const before = Y.encodeStateVector(document);
        change(document);
        update = Y.encodeStateAsUpdate(document, before);
      });
      if (update) await this.store.append(documentName, update, actorId);
    } finally {
      await connection.disconnect();
    }
  }

  /** Compacts a document's stored updates; skipped while another run (on any instance) compacts it. */
  async compact(documentName: string): Promise<{ merged: number }> {
    const run = await this.locks.runExclusive(`collab-compact:${documentName}`, COMPACT_LOCK_MS, () => this.store.compact(documentName));
    if (!run.ran) return { merged: 0 };
    if (run.result.merged > 0) this.logger.log(`compacted ${documentName}: ${run.result.merged} updates merged`);
    return run.result;
  }
}
