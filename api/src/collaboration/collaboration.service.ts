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
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
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
import { DocumentSizeGuard } from './document-size';
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
/** A body that could not be derived (the database away) is derived again this much later. */
const DERIVE_RETRY_MS = 5_000;

/**
 * The Yjs collaboration server (Hocuspocus). Every connection is checked against the session
 * cookie and the caller's proposal membership; every accepted update is stored before the
 * server acknowledges it; the derived body is handed back to the proposals domain.
 */
@Injectable()
export class CollaborationService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CollaborationService.name);
  readonly hocuspocus: Hocuspocus;
  private readonly subscriptions;
  private readonly instanceId = randomUUID();
  private stopRelay?: () => Promise<void>;
  private startupDerivation?: Promise<void>;
  private readonly sizes: DocumentSizeGuard;
  private readonly deriveRetries = new Map<string, NodeJS.Timeout>();

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
    this.sizes = new DocumentSizeGuard(config.collaboration.maxDocumentBytes);
    this.hocuspocus = new Hocuspocus({
      name: 'jianyan',
      quiet: true,
      // several instances: live updates and awareness travel between them through Redis
      extensions: [
        new SessionCheckOnWrite<Partial<ConnectionContext>>({
          sessionIsValid: async (token) => (await auth.actorForToken(token)) !== null,
          mayStillWrite: async ({ actor, proposalId }) => Boolean(actor && proposalId && (await access.accessFor(actor, proposalId)) === 'write'),
        }),
        ...(config.redisUrl ? [new CollaborationRedis(config.redisUrl, (name, document) => this.mergeStored(name, document))] : []),
      ],
      debounce: 1_000,
      maxDebounce: 5_000,
      onAuthenticate: (data) => this.authenticate(data.requestHeaders, data.documentName, data.connectionConfig),
      onLoadDocument: (data) => this.loadDocument(data.documentName, data.document),
      beforeHandleMessage: (data) => this.persistIncoming(data.documentName, data.document, data.update, data.connection, data.context),
      onStoreDocument: (data) => this.deriveOrRetry(data.documentName, data.document),
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

  onApplicationBootstrap(): void {
    this.startupDerivation = this.deriveStaleDocuments().catch((error: Error) =>
      this.logger.error(`could not derive stale documents: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.startupDerivation;
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.deriveRetries.forEach((timer) => clearTimeout(timer));
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
    const lastUpdateId = await this.store.load(documentName, document);
    // updates stored after the last derivation (a crash within the debounce): derive them now
    if (lastUpdateId > (await this.store.derivedThrough(documentName))) this.deriveInBackground(documentName);
    return document;
  }

  /**
   * Runs before Hocuspocus applies and acknowledges a message: the update is durable first. An
   * update that would take the document past its size limit throws: Hocuspocus then closes the
   * connection with the refusal, and the update is neither stored, applied nor broadcast.
   */
  private async persistIncoming(
    documentName: string,
    document: Document,
    message: Uint8Array,
    connection: { readOnly: boolean },
    context: Partial<ConnectionContext>,
  ): Promise<void> {
    if (connection.readOnly) return;
    const update = documentUpdateIn(message);
    if (update) this.sizes.check(document, update);
    if (update) await this.store.append(documentName, update, context.actor?.userId ?? null);
  }

  /**
   * Hocuspocus does not catch a store hook that fails after an edit: the rejection would end the
   * process. Every update is already stored (persistIncoming); only the derived body waits, and is
   * derived again from the stored state until the database answers.
   */
  private async deriveOrRetry(documentName: string, document: Document): Promise<void> {
    try {
      await this.documentStored(documentName, document);
    } catch (error) {
      this.logger.warn(`body of ${documentName} not derived, retrying in ${DERIVE_RETRY_MS / 1000} s: ${(error as Error).message}`);
      this.deriveLater(documentName);
    }
  }

  private deriveLater(documentName: string): void {
    if (this.deriveRetries.has(documentName)) return;
    const timer = setTimeout(() => {
      this.deriveRetries.delete(documentName);
      this.derive(documentName).catch(() => this.deriveLater(documentName));
    }, DERIVE_RETRY_MS);
    timer.unref();
    this.deriveRetries.set(documentName, timer);
  }

  /** Applies what is stored to a live document (what other instances stored and did not relay). */
  private async mergeStored(documentName: string, document: Document): Promise<void> {
    await this.store.load(documentName, document);
  }

  /**
   * Hocuspocus' debounced store: the document changed, so its body is derived again. With several
   * instances the live document first takes in what others stored and did not relay (Redis away,
   * or still in flight), so its clients see it too.
   */
  private async documentStored(documentName: string, document: Document): Promise<void> {
    if (this.config.redisUrl) await this.mergeStored(documentName, document);
    await this.derive(documentName);
    if ((await this.store.pendingUpdateCount(documentName)) >= this.config.collaboration.compactAfterUpdates) {
      await this.compact(documentName);
    }
  }

  /**
   * Derives the proposal's body (text, suggestion rows, anchors) from the document as STORED,
   * snapshot plus updates, never from a live copy waiting for its debounce: every acknowledged
   * update is stored, so the result has every keystroke a client was told was saved. One
   * instance at a time derives a document; the update it reflects is recorded, so documents
   * left behind (a crash within the debounce) are found and derived at start and on load.
   */
  async derive(documentName: string): Promise<void> {
    const proposalId = proposalIdFromDocumentName(documentName);
    if (!proposalId) return;
    const restore = await this.locks.runSerialized(`collab-store:${documentName}`, STORE_LOCK_MS, async () => {
      const { doc, lastUpdateId } = await this.store.loadStored(documentName);
      try {
        const json = yDocToJSON(doc);
        const derived = await this.access.bodyChanged(proposalId, { json, text: plainText(json), suggestions: documentSuggestions(json) }, null);
        await this.store.markDerived(documentName, lastUpdateId);
        return derived.restore;
      } finally {
        doc.destroy();
      }
    });
    if (restore.length > 0) await this.restoreSuggestions(proposalId, restore);
  }

  private deriveInBackground(documentName: string): void {
    this.derive(documentName).catch((error: Error) => this.logger.error(`could not derive ${documentName}: ${error.message}`));
  }

  /** At start: derives every document whose stored updates are newer than its derived body. */
  private async deriveStaleDocuments(): Promise<void> {
    const stale = await this.store.documentsToDerive();
    for (const documentName of stale) {
      await this.derive(documentName).catch((error: Error) => this.logger.error(`could not derive ${documentName}: ${error.message}`));
    }
    if (stale.length > 0) this.logger.warn(`derived ${stale.length} document(s) whose body was behind their stored updates`);
  }

  /** Puts back suggestion blocks that were deleted although their outcome is on record. */
  private async restoreSuggestions(proposalId: string, suggestions: { id: string; text: string }[]): Promise<void> {
    await this.changeDocument(proposalId, null, (document) => {
      const fragment = document.getXmlFragment(BODY_FIELD);
      for (const suggestion of suggestions) {
        const block = new Y.XmlElement('suggestion');
        block.setAttribute('id', suggestion.id);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(suggestion.text)]);
        block.insert(0, [paragraph]);
        fragment.push([block]);
      }
    });
    this.logger.warn(`restored ${suggestions.length} adopted suggestion(s) deleted from proposal ${proposalId}`);
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
   * Derives the body now, instead of waiting for the debounced store, from the stored document
   * (every acknowledged update, whichever instance has it open). Before a version is saved or
   * frozen, the DOCX export, and a change through the forms.
   */
  private async flush(proposalId: string): Promise<void> {
    const documentName = `${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`;
    if (await this.store.exists(documentName)) await this.derive(documentName);
  }

  /**
   * Changes a document on the server as one new, stored change that every connected client
   * receives. With `onlyIfStored`, a document nobody has opened yet is left alone: it will start
   * from the proposal's rows anyway.
   */
  private async changeDocument(
    proposalId: string,
    actorId: string | null,
    change: (document: Y.Doc) => unknown,
    options: { onlyIfStored?: boolean } = {},
  ): Promise<void> {
    const documentName = `${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`;
    if (options.onlyIfStored && !this.hocuspocus.documents.has(documentName) && !(await this.store.exists(documentName))) return;
    const connection = await this.hocuspocus.openDirectConnection(documentName, { actorId });
    try {
      // Stored before the live document (and its clients) see it, as every client update is:
      // Hocuspocus runs the store hook inside transact, and it derives from the stored state.
      const live = connection.document!;
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(scratch);
      change(scratch);
      const update = Y.encodeStateAsUpdate(scratch, before);
      scratch.destroy();
      if (!hasChanges(update)) return;
      await this.store.append(documentName, update, actorId);
      await connection.transact((document) => Y.applyUpdate(document, update));
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

/** Whether an update carries anything (an empty one is two zero bytes: no structs, no deletions). */
function hasChanges(update: Uint8Array): boolean {
  return update.length > 2;
}
