import {
  DELETABLE_SUGGESTION_STATUSES,
  SUGGESTION_TITLE_MAX_LENGTH,
  capabilitiesOf,
  documentCommentAnchors,
  isProposalEditable,
} from '@jianyan/shared';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { JSONContent } from '@tiptap/core';
import { DataSource, In, Repository } from 'typeorm';
import { DerivedBody, ProposalDocumentAccess } from '../../collaboration/proposal-document-access';
import { Actor } from '../../common/graphql-context';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { CommentsService } from './comments.service';
import { PROPOSALS_INDEX } from './proposal-search.source';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalEntity } from './proposal.entity';
import { SuggestionEntity } from './suggestion.entity';

/** A suggestion added in the editor gets its first words as title until someone names it. */
function titleFrom(text: string): string {
  const firstSentence = text.split(/[。！？!?\n]/)[0].trim() || text.trim();
  return (firstSentence || '（未命名建议）').slice(0, Math.min(40, SUGGESTION_TITLE_MAX_LENGTH));
}

/**
 * The proposals side of the collaboration port: who may open a proposal's document, what a
 * new document starts from, and keeping the proposal's text and suggestion rows in step with it.
 */
@Injectable()
export class ProposalBodyService implements ProposalDocumentAccess {
  private readonly logger = new Logger(ProposalBodyService.name);

  constructor(
    @InjectRepository(ProposalEntity) private readonly proposals: Repository<ProposalEntity>,
    @InjectRepository(SuggestionEntity) private readonly suggestions: Repository<SuggestionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly comments: CommentsService,
  ) {}

  async accessFor(actor: Actor, proposalId: string): Promise<'write' | 'read' | null> {
    try {
      const { proposal, role } = await this.access.load(actor, proposalId);
      return capabilitiesOf(role).canEdit && isProposalEditable(proposal.status) ? 'write' : 'read';
    } catch {
      return null;
    }
  }

  async initialBody(proposalId: string): Promise<JSONContent | null> {
    const proposal = await this.proposals.findOneBy({ id: proposalId });
    if (!proposal) return null;
    const rows = await this.suggestions.find({ where: { proposalId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
    const content: JSONContent[] = [];
    if (proposal.summary) content.push(...proposal.summary.split('\n').map(paragraph));
    if (rows.length > 0) {
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '建议' }] });
      for (const row of rows) content.push({ type: 'suggestion', attrs: { id: row.id }, content: [paragraph(row.text)] });
    }
    if (content.length === 0) content.push(paragraph(''));
    return { type: 'doc', content };
  }

  async bodyChanged(proposalId: string, body: DerivedBody): Promise<{ restore: { id: string; text: string }[] }> {
    return runTransaction(this.dataSource, async (manager) => {
      const proposal = await manager.findOneBy(ProposalEntity, { id: proposalId });
      if (!proposal) return { restore: [] };
      const now = new Date();
      await manager.update(ProposalEntity, { id: proposalId }, { bodyText: body.text, bodyJson: JSON.stringify(body.json) });
      await enqueueForIndexing(manager, PROPOSALS_INDEX, [proposalId]);
      await this.comments.syncAnchors(manager, proposalId, documentCommentAnchors(body.json));
      if (!isProposalEditable(proposal.status)) return { restore: [] };

      const rows = await manager.find(SuggestionEntity, { where: { proposalId } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const inDocument = new Set(body.suggestions.map((s) => s.id));
      const restore: { id: string; text: string }[] = [];
      const removable: string[] = [];
      for (const row of rows) {
        if (inDocument.has(row.id)) continue;
        if (DELETABLE_SUGGESTION_STATUSES.includes(row.status)) removable.push(row.id);
        else restore.push({ id: row.id, text: row.text });
      }
      if (removable.length > 0) await manager.delete(SuggestionEntity, { id: In(removable) });
      for (const suggestion of body.suggestions) {
        const text = suggestion.text.trim();
        const row = byId.get(suggestion.id);
        if (!row) {
          if (await manager.existsBy(SuggestionEntity, { id: suggestion.id })) {
            this.logger.warn(`suggestion ${suggestion.id} belongs to another proposal; not linked to ${proposalId}`);
            continue;
          }
          await manager.insert(SuggestionEntity, {
            id: suggestion.id,
            proposalId,
            position: suggestion.number,
            title: titleFrom(text),
            text,
            programArea: null,
            status: 'drafted',
            createdAt: now,
            updatedAt: now,
          });
        } else if (row.position !== suggestion.number || row.text !== text) {
          await manager.update(SuggestionEntity, { id: row.id }, { position: suggestion.number, text, updatedAt: now });
        }
      }
      return { restore };
    });
  }
}
