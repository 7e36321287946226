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
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import { signedCookie } from 'cookie-parser';
import type { IncomingHttpHeaders } from 'node:http';
import * as Y from 'yjs';
import { DomainEvents } from '../common/domain-events';
import type { Actor } from '../common/graphql-context';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { AuthService } from '../core/auth/auth.service';
import { ProposalBodyBridge } from '../core/proposals/proposal-body-bridge';
import { SESSION_COOKIE } from '../core/auth/session.middleware';
import { DocumentStore } from './document-store';
import {
  PROPOSAL_DOCUMENT_ACCESS,
  PROPOSAL_DOCUMENT_PREFIX,
  ProposalDocumentAccess,
  proposalIdFromDocumentName,
} from './proposal-document-access';
import { documentUpdateIn } from './sync-messages';

interface ConnectionContext {
  actor: Actor;
  proposalId: string;
}

/**
 * The Yjs collaboration server (Hocuspocus). Every connection is checked against the session
 * cookie and the caller's proposal membership; every accepted update is stored before the
 * server acknowledges it; the derived body is handed back to the proposals domain.
 */
@Injectable()
export class CollaborationService implements OnApplicationShutdown {
  private readonly logger = new Logger(CollaborationService.name);
  readonly hocuspocus: Hocuspocus;
  private readonly subscriptions;

  constructor(
    private readonly auth: AuthService,
    private readonly store: DocumentStore,
    @Inject(PROPOSAL_DOCUMENT_ACCESS) private readonly access: ProposalDocumentAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    events: DomainEvents,
    bodies: ProposalBodyBridge,
  ) {
    this.hocuspocus = new Hocuspocus({
      name: 'jianyan',
      quiet: true,
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
      events.on('proposal.membership.changed', ({ proposalId, userId }) => this.reconnect(proposalId, userId)),
      events.on('proposal.status.changed', ({ proposalId }) => this.reconnect(proposalId)),
    ];
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.hocuspocus.closeConnections();
  }

  private async authenticate(
    headers: IncomingHttpHeaders,
    documentName: string,
    connectionConfig: { readOnly: boolean },
  ): Promise<ConnectionContext> {
    const actor = await this.actorFrom(headers);
    if (!actor) throw new Error('unauthenticated');
    const proposalId = proposalIdFromDocumentName(documentName);
    const access = proposalId ? await this.access.accessFor(actor, proposalId) : null;
    if (!proposalId || !access) throw new Error('forbidden');
    if (access === 'read') connectionConfig.readOnly = true;
    return { actor, proposalId };
  }

  private async actorFrom(headers: IncomingHttpHeaders): Promise<Actor | null> {
    const raw = parseCookies(headers.cookie ?? '')[SESSION_COOKIE];
    if (!raw) return null;
    const token = signedCookie(raw, this.config.sessionSecret);
    return typeof token === 'string' && token ? this.auth.actorForToken(token) : null;
  }

  private async loadDocument(documentName: string, document: Document): Promise<Document> {
    if (await this.store.exists(documentName)) {
      await this.store.load(documentName, document);
      return document;
    }
    const proposalId = proposalIdFromDocumentName(documentName);
    const initial = proposalId ? await this.access.initialBody(proposalId) : null;
    if (initial) {
      const update = Y.encodeStateAsUpdate(jsonToYDoc(initial));
      await this.store.append(documentName, update, null);
      Y.applyUpdate(document, update);
    }
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

  private async documentStored(documentName: string, document: Document): Promise<void> {
    const proposalId = proposalIdFromDocumentName(documentName);
    if (!proposalId) return;
    const json = yDocToJSON(document);
    const { restore } = await this.access.bodyChanged(
      proposalId,
      { json, text: plainText(json), suggestions: documentSuggestions(json) },
      null,
    );
    if (restore.length > 0) await this.restoreSuggestions(documentName, document, restore);
    if ((await this.store.pendingUpdateCount(documentName)) >= this.config.collaboration.compactAfterUpdates) {
      await this.store.compact(documentName);
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

  /** Derives the body of a loaded document now, instead of waiting for the debounced store. */
  private async flush(proposalId: string): Promise<void> {
    const documentName = `${PROPOSAL_DOCUMENT_PREFIX}${proposalId}`;
    const document = this.hocuspocus.documents.get(documentName);
    if (document) await this.documentStored(documentName, document);
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

  /** Forces pending compaction (used by the benchmark and the background sweep). */
  compact(documentName: string) {
    return this.store.compact(documentName);
  }
}
