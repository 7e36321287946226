import { COMMENT_ANCHOR_TEXT_MAX_LENGTH, capabilitiesOf, isProposalEditable, type DocumentCommentAnchor } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, IsNull, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { CommentEntity } from './comment.entity';
import { ProposalAccessService } from './proposal-access.service';
import { ProposalMemberEntity } from './proposal.entity';
import { addCommentSchema } from './proposal.validation';
import { SuggestionEntity } from './suggestion.entity';

export type NewComment = z.input<typeof addCommentSchema>;

/**
 * Threaded comments on a proposal or one of its suggestions. Owners, co-authors and reviewers
 * comment; viewers read. A reply joins the thread of the comment it answers (threads are one level deep).
 *
 * A thread on the proposal may be anchored to a passage of the body: the client marks the passage
 * with a commentAnchor mark carrying the thread's `threadId` once the thread exists. Only those who
 * may write the body (owners and co-authors of an editable proposal) anchor, since the mark is part
 * of the Yjs document, which reviewers' connections may not change. The anchor's current text and
 * whether it is detached (its text deleted) follow the stored body (`syncAnchors`).
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
  ) {}

  /** Every comment of each proposal, oldest first. */
  async byProposalIds(proposalIds: readonly string[]): Promise<CommentEntity[][]> {
    const rows = await this.comments.find({ where: { proposalId: In([...proposalIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
    return proposalIds.map((id) => rows.filter((c) => c.proposalId === id));
  }

  async add(actor: Actor, input: NewComment): Promise<CommentEntity> {
    const data = validateInput(addCommentSchema, input);
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal, role } = await this.access.require(actor, data.proposalId, 'canComment', manager);
      if (data.anchor) {
        if (data.parentId) throw AppErrors.badInput('anchor', 'only the first comment of a thread is anchored');
        if (data.suggestionId) throw AppErrors.badInput('anchor', 'an anchored thread belongs to the proposal, not a suggestion');
        if (!capabilitiesOf(role).canEdit || !isProposalEditable(proposal.status)) {
          throw AppErrors.forbidden('Only those who may edit the text anchor a comment to it; comment on the proposal instead');
        }
        if (await manager.existsBy(CommentEntity, { proposalId: proposal.id, anchorThreadId: data.anchor.threadId })) {
          throw AppErrors.badInput('anchor.threadId', 'is already used by another thread of this proposal');
        }
      }
      let suggestionId = data.suggestionId;
      if (suggestionId) {
        const suggestion = await manager.findOneBy(SuggestionEntity, { id: suggestionId });
        if (suggestion?.proposalId !== proposal.id) throw AppErrors.badInput('suggestionId', 'is not a suggestion of this proposal');
      }
      let parentId: string | null = null;
      if (data.parentId) {
        const parent = await manager.findOneBy(CommentEntity, { id: data.parentId });
        if (parent?.proposalId !== proposal.id) throw AppErrors.badInput('parentId', 'is not a comment of this proposal');
        if (data.suggestionId && data.suggestionId !== parent.suggestionId) {
          throw AppErrors.badInput('suggestionId', 'must be the suggestion of the thread replied to');
        }
        parentId = parent.parentId ?? parent.id;
        suggestionId = parent.suggestionId;
      }
      if (data.mentions.length > 0) {
        const members = await manager.countBy(ProposalMemberEntity, { proposalId: proposal.id, userId: In(data.mentions) });
        if (members !== data.mentions.length) throw AppErrors.badInput('mentions', 'may name only members of the proposal');
      }
      return manager.save(
        manager.create(CommentEntity, {
          proposalId: proposal.id,
          suggestionId,
          parentId,
          authorId: actor.userId,
          body: data.body,
          mentions: data.mentions,
          resolved: false,
          resolvedById: null,
          resolvedAt: null,
          createdAt: new Date(),
          anchorThreadId: data.anchor?.threadId ?? null,
          anchorQuote: data.anchor?.quote ?? null,
          anchorText: null,
          anchorDetached: false,
        }),
      );
    });
  }

  /** Resolves or reopens the thread the comment belongs to (owners, co-authors, or whoever started it). */
  async setResolved(actor: Actor, commentId: string, resolved: boolean): Promise<CommentEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const root = await this.threadRoot(manager, commentId);
      const { role } = await this.access.load(actor, root.proposalId, manager).catch(() => {
        throw AppErrors.notFound('Comment');
      });
      const allowed = role === 'owner' || role === 'coauthor' || (role !== null && root.authorId === actor.userId);
      if (!allowed) throw AppErrors.forbidden('Only the owners and co-authors of the proposal, or whoever started the thread, may resolve it');
      const changes = { resolved, resolvedById: resolved ? actor.userId : null, resolvedAt: resolved ? new Date() : null };
      await manager.update(CommentEntity, { id: root.id }, changes);
      return Object.assign(root, changes);
    });
  }

  /**
   * Brings the anchored threads of a proposal in line with the anchors found in its stored body
   * (called in the transaction that stores the derived body): an anchor present gets its current
   * text and is attached again; one that was in the body and is gone is detached, keeping the last
   * text seen. A thread whose mark never reached the body yet stays as it is.
   */
  async syncAnchors(manager: EntityManager, proposalId: string, anchors: DocumentCommentAnchor[]): Promise<void> {
    const threads = await manager.find(CommentEntity, {
      where: { proposalId, anchorThreadId: Not(IsNull()) },
      select: ['id', 'anchorThreadId', 'anchorText', 'anchorDetached'],
    });
    if (threads.length === 0) return;
    const current = new Map(anchors.map((a) => [a.threadId, a.text.slice(0, COMMENT_ANCHOR_TEXT_MAX_LENGTH)]));
    for (const thread of threads) {
      const text = current.get(thread.anchorThreadId ?? '');
      if (text !== undefined) {
        if (thread.anchorText !== text || thread.anchorDetached) {
          await manager.update(CommentEntity, { id: thread.id }, { anchorText: text, anchorDetached: false });
        }
      } else if (thread.anchorText !== null && !thread.anchorDetached) {
        await manager.update(CommentEntity, { id: thread.id }, { anchorDetached: true });
      }
    }
  }

  private async threadRoot(manager: EntityManager, commentId: string): Promise<CommentEntity> {
    const comment = await manager.findOneBy(CommentEntity, { id: commentId });
    if (!comment) throw AppErrors.notFound('Comment');
    if (!comment.parentId) return comment;
    const root = await manager.findOneBy(CommentEntity, { id: comment.parentId });
    if (!root) throw AppErrors.notFound('Comment');
    return root;
  }
}
