import type { DocumentSuggestion } from '@jianyan/shared';
import type { JSONContent } from '@tiptap/core';
import type { Actor } from '../common/graphql-context';

export const PROPOSAL_DOCUMENT_ACCESS = Symbol('PROPOSAL_DOCUMENT_ACCESS');

export interface DerivedBody {
  json: JSONContent;
  text: string;
  suggestions: DocumentSuggestion[];
}

/**
 * What the collaboration server needs from the proposals domain; the proposals module
 * provides it, so collaboration never reads proposal tables itself.
 */
export interface ProposalDocumentAccess {
  /** 'write' for owners and co-authors of an editable proposal, 'read' for other members, null for everyone else. */
  accessFor(actor: Actor, proposalId: string): Promise<'write' | 'read' | null>;
  /** The body a proposal's document starts from when nothing is stored yet (e.g. its suggestions). */
  initialBody(proposalId: string): Promise<JSONContent | null>;
  /**
   * Keeps the proposal (text, suggestion rows) in step with the document. Returns the
   * suggestions that may not disappear (they have a recorded outcome) but are missing from it.
   */
  bodyChanged(proposalId: string, body: DerivedBody, actorId: string | null): Promise<{ restore: { id: string; text: string }[] }>;
}

export const PROPOSAL_DOCUMENT_PREFIX = 'proposal:';

export function proposalIdFromDocumentName(documentName: string): string | null {
  if (!documentName.startsWith(PROPOSAL_DOCUMENT_PREFIX)) return null;
  const id = documentName.slice(PROPOSAL_DOCUMENT_PREFIX.length);
  return /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
