import { DELETABLE_SUGGESTION_STATUSES } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { ProposalAccess, ProposalAccessService } from './proposal-access.service';
import { ProposalBodyBridge } from './proposal-body-bridge';
import { touchProposal } from './proposal-rows';
import { ProposalEntity } from './proposal.entity';
import { assertEditable } from './proposals.service';
import { SuggestionModel } from './suggestion.model';
import { SuggestionEntity } from './suggestion.entity';
import { addSuggestionSchema, reorderSchema, updateSuggestionSchema } from './proposal.validation';
import { StatusHistoryService } from './status-history.service';

export type NewSuggestion = z.input<typeof addSuggestionSchema>;
export type SuggestionChanges = z.input<typeof updateSuggestionSchema>;

/** A proposal's numbered suggestions: numbers follow `position`, ids never change. */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectRepository(SuggestionEntity) private readonly suggestions: Repository<SuggestionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly history: StatusHistoryService,
    private readonly bodies: ProposalBodyBridge,
  ) {}

  /** The suggestions of each proposal in order, numbered from 1. */
  async byProposalIds(proposalIds: readonly string[]): Promise<SuggestionModel[][]> {
    const rows = await this.suggestions.find({
      where: { proposalId: In([...proposalIds]) },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return proposalIds.map((id) => rows.filter((s) => s.proposalId === id).map((s, i) => SuggestionModel.from(s, i + 1)));
  }

  async countByProposalIds(proposalIds: readonly string[]): Promise<number[]> {
    const rows = await this.suggestions
      .createQueryBuilder('s')
      .select('s.proposalId', 'proposalId')
      .addSelect('COUNT(*)', 'count')
      .where('s.proposalId IN (:...proposalIds)', { proposalIds })
      .groupBy('s.proposalId')
      .getRawMany<{ proposalId: string; count: string | number }>();
    const counts = new Map(rows.map((r) => [r.proposalId, Number(r.count)]));
    return proposalIds.map((id) => counts.get(id) ?? 0);
  }

  /** The suggestion and its proposal if the caller sees the proposal; NOT_FOUND otherwise. */
  async load(actor: Actor, suggestionId: string, manager?: EntityManager): Promise<ProposalAccess & { suggestion: SuggestionEntity }> {
    const repository = manager ? manager.getRepository(SuggestionEntity) : this.suggestions;
    const suggestion = await repository.findOneBy({ id: suggestionId });
    if (!suggestion) throw AppErrors.notFound('Suggestion');
    const access = await this.access.load(actor, suggestion.proposalId, manager).catch(() => {
      throw AppErrors.notFound('Suggestion');
    });
    return { ...access, suggestion };
  }

  /** Adds a suggestion at the end (owners and co-authors, while the proposal is editable). */
  async add(actor: Actor, input: NewSuggestion): Promise<SuggestionModel> {
    const data = validateInput(addSuggestionSchema, input);
    return this.throughDocument(actor, data.proposalId, () => this.addRow(actor, data));
  }

  private addRow(actor: Actor, data: z.output<typeof addSuggestionSchema>): Promise<SuggestionModel> {
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.editable(actor, data.proposalId, manager, 'proposalId');
      const repository = manager.getRepository(SuggestionEntity);
      const { max } = (await repository
        .createQueryBuilder('s')
        .select('MAX(s.position)', 'max')
        .where('s.proposalId = :proposalId', { proposalId: proposal.id })
        .getRawOne<{ max: number | string | null }>()) ?? { max: null };
      const now = new Date();
      const suggestion = await repository.save(
        repository.create({ ...data, position: Number(max ?? 0) + 1, status: 'drafted', createdAt: now, updatedAt: now }),
      );
      await this.history.append(manager, [
        { entityType: 'suggestion', entityId: suggestion.id, proposalId: proposal.id, fromStatus: null, toStatus: 'drafted', actorId: actor.userId },
      ]);
      await touchProposal(manager, proposal.id);
      return this.numbered(manager, suggestion);
    });
  }

  async update(actor: Actor, input: SuggestionChanges): Promise<SuggestionModel> {
    const { id, ...fields } = validateInput(updateSuggestionSchema, input);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    return this.throughDocument(actor, await this.proposalOf(id), () => this.updateRow(actor, id, changes));
  }

  private updateRow(actor: Actor, id: string, changes: Partial<SuggestionEntity>): Promise<SuggestionModel> {
    return runTransaction(this.dataSource, async (manager) => {
      const { suggestion } = await this.editableSuggestion(actor, id, manager, 'id');
      const updated = Object.assign(suggestion, changes, { updatedAt: new Date() });
      await manager.update(SuggestionEntity, { id }, { ...changes, updatedAt: updated.updatedAt });
      await touchProposal(manager, suggestion.proposalId);
      return this.numbered(manager, updated);
    });
  }

  /** Puts the proposal's suggestions in the given order; the list must name each of them once. */
  async reorder(actor: Actor, input: { proposalId: string; suggestionIds: string[] }): Promise<ProposalEntity> {
    const data = validateInput(reorderSchema, input);
    return this.throughDocument(actor, data.proposalId, () => this.reorderRows(actor, data));
  }

  private reorderRows(actor: Actor, data: { proposalId: string; suggestionIds: string[] }): Promise<ProposalEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal } = await this.editable(actor, data.proposalId, manager, 'proposalId');
      const current = await manager.getRepository(SuggestionEntity).find({ where: { proposalId: proposal.id }, select: { id: true } });
      const known = new Set(current.map((s) => s.id));
      if (data.suggestionIds.length !== known.size || data.suggestionIds.some((sid) => !known.has(sid))) {
        throw AppErrors.badInput('suggestionIds', 'must list every suggestion of the proposal exactly once');
      }
      for (const [index, sid] of data.suggestionIds.entries()) {
        await manager.update(SuggestionEntity, { id: sid }, { position: index + 1 });
      }
      await touchProposal(manager, proposal.id);
      return proposal;
    });
  }

  /** Deletes a suggestion of an editable proposal that has not gone beyond submitted. Its history stays. */
  async delete(actor: Actor, suggestionId: string): Promise<ProposalEntity> {
    return this.throughDocument(actor, await this.proposalOf(suggestionId), () => this.deleteRow(actor, suggestionId));
  }

  private deleteRow(actor: Actor, suggestionId: string): Promise<ProposalEntity> {
    return runTransaction(this.dataSource, async (manager) => {
      const { suggestion, proposal } = await this.editableSuggestion(actor, suggestionId, manager, 'suggestionId');
      if (!DELETABLE_SUGGESTION_STATUSES.includes(suggestion.status)) {
        throw AppErrors.badInput('suggestionId', `is ${suggestion.status}; a suggestion beyond submitted cannot be deleted`);
      }
      await manager.delete(SuggestionEntity, { id: suggestion.id });
      await touchProposal(manager, proposal.id);
      return proposal;
    });
  }

  private async proposalOf(suggestionId: string): Promise<string | null> {
    return (await this.suggestions.findOne({ where: { id: suggestionId }, select: { proposalId: true } }))?.proposalId ?? null;
  }

  /**
   * A change made through the forms also goes into the collaborative document: the document's
   * pending edits are written to the rows first (so none is lost), then the rows are changed, then
   * the document's suggestion blocks follow the rows.
   */
  private async throughDocument<T>(actor: Actor, proposalId: string | null, change: () => Promise<T>): Promise<T> {
    if (proposalId) await this.bodies.flush(proposalId);
    const result = await change();
    if (proposalId) {
      const rows = await this.suggestions.find({ where: { proposalId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      await this.bodies.syncSuggestions(proposalId, rows.map((r) => ({ id: r.id, text: r.text })), actor.userId);
    }
    return result;
  }

  private async editable(actor: Actor, proposalId: string, manager: EntityManager, field: string): Promise<ProposalAccess> {
    const access = await this.access.require(actor, proposalId, 'canEdit', manager);
    assertEditable(access.proposal, field);
    return access;
  }

  private async editableSuggestion(actor: Actor, suggestionId: string, manager: EntityManager, field: string) {
    const loaded = this.access.assertCapability(await this.load(actor, suggestionId, manager), 'canEdit');
    assertEditable(loaded.proposal, field);
    return loaded;
  }

  /** The suggestion with its number: 1 + the number of suggestions before it. */
  async numbered(manager: EntityManager, suggestion: SuggestionEntity): Promise<SuggestionModel> {
    const siblings = await manager
      .getRepository(SuggestionEntity)
      .find({ where: { proposalId: suggestion.proposalId }, select: { id: true, position: true, createdAt: true }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    return SuggestionModel.from(suggestion, siblings.findIndex((s) => s.id === suggestion.id) + 1);
  }
}
