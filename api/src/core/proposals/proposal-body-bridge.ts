import { Injectable } from '@nestjs/common';
import type { JSONContent } from '@tiptap/core';
import { AppErrors } from '../../common/errors';

export interface BodyHandlers {
  /** Derives the current body from the live document into the proposal row now, not after the debounce. */
  flush(proposalId: string): Promise<void>;
  /** Replaces the live document's body with `json` as a new change that every client receives. */
  replace(proposalId: string, json: JSONContent, actorId: string): Promise<void>;
  /** Makes the document's suggestion blocks follow the rows (changed through the forms, not the editor). */
  syncSuggestions(proposalId: string, rows: { id: string; text: string }[], actorId: string): Promise<void>;
}

/**
 * Lets the proposals domain ask the collaboration server (which depends on proposals, not the
 * other way round) to flush or replace a document. The collaboration module connects at start.
 */
@Injectable()
export class ProposalBodyBridge {
  private handlers: BodyHandlers | null = null;

  connect(handlers: BodyHandlers): void {
    this.handlers = handlers;
  }

  async flush(proposalId: string): Promise<void> {
    await this.handlers?.flush(proposalId);
  }

  async syncSuggestions(proposalId: string, rows: { id: string; text: string }[], actorId: string): Promise<void> {
    await this.handlers?.syncSuggestions(proposalId, rows, actorId);
  }

  async replace(proposalId: string, json: JSONContent, actorId: string): Promise<void> {
    if (!this.handlers) throw AppErrors.conflict('The collaboration server is not running; try again in a moment');
    await this.handlers.replace(proposalId, json, actorId);
  }
}
