import { ERROR_CODES, FEDERATION_VISIBLE_PROPOSAL_STATUSES, SUGGESTION_STATUS_LABELS, canDecideSuggestions } from '@jianyan/shared';
import { GraphQLError } from 'graphql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { z } from 'zod';
import { DomainEvents } from '../../common/domain-events';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { ProgramsService } from '../programs/programs.service';
import { ProposalWorkflowService, RecordingActor } from '../proposals/proposal-workflow.service';
import { ProposalsService } from '../proposals/proposals.service';
import { SuggestionEntity } from '../proposals/suggestion.entity';
import { SuggestionsService } from '../proposals/suggestions.service';
import { AdoptionEntity, MatchDecisionEntity } from './adoption.entity';
import {
  ADOPTING_STATUSES,
  AdoptionStatus,
  confirmMatchSchema,
  outcomeStrength,
  recordAdoptionSchema,
  strongestOutcome,
  updateAdoptionSchema,
} from './adoption.validation';

/** Inputs as callers give them; the status is checked against ADOPTION_STATUSES on validation. */
type WithAnyStatus<T> = Omit<T, 'status'> & { status?: string | null };
export type NewAdoption = WithAnyStatus<z.input<typeof recordAdoptionSchema>>;
export type AdoptionChanges = Omit<WithAnyStatus<z.input<typeof updateAdoptionSchema>>, 'decidedOn'> & { decidedOn?: string | null };
export type MatchConfirmation = WithAnyStatus<z.input<typeof confirmMatchSchema>>;

interface Recorded {
  adoption: AdoptionEntity;
  move: { from: string; to: string };
  /** Whether the record's own outcome is new (recorded, or changed by an update): then `adoption.recorded` is emitted. */
  outcomeChanged: boolean;
}

interface Authorised {
  suggestion: SuggestionEntity;
  who: RecordingActor;
}

/** Clause kinds that can take a suggestion up (areas and section headings cannot). */
const ADOPTING_CLAUSE_KINDS = ['goal', 'measure'];

/**
 * Adoption records: who took a suggestion up, where and when. Who may record them is the shared
 * SUGGESTION_DECIDERS rule (owners, co-authors, leaders, admins), enforced by the workflow service.
 *
 * Status and records agree: the suggestion's status is the strongest outcome of its records
 * (OUTCOME_STRENGTH). Recording a stronger outcome walks the fewest moves of the shared table to it
 * (submitted → adopted → implemented: one history event per move); a weaker or equal one keeps the
 * status and appends one event. Changing a record's outcome or deleting a record recomputes the
 * status from the remaining records — none left: back to under consideration if it had been decided —
 * through one explicit correction event (采纳记录更正).
 */
@Injectable()
export class AdoptionService implements OnModuleInit {
  constructor(
    @InjectRepository(AdoptionEntity) private readonly adoptions: Repository<AdoptionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suggestions: SuggestionsService,
    private readonly workflow: ProposalWorkflowService,
    private readonly programs: ProgramsService,
    private readonly proposals: ProposalsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.programs.onDelete(async (manager, programId) => {
      const count = await manager.countBy(AdoptionEntity, { programId });
      if (count > 0) throw AppErrors.conflict(`This program has ${count} adoption record(s); delete them before deleting the program`);
    });
  }

  async record(actor: Actor, input: NewAdoption): Promise<AdoptionEntity> {
    const data = validateInput(recordAdoptionSchema, input);
    const result = await this.transaction(async (manager) => {
      const recorded = await this.recordIn(manager, actor, data);
      await this.announce(manager, actor, recorded);
      return recorded;
    });
    return result.adoption;
  }

  /** Confirms a proposed clause: records the adoption with the clause quoted, and remembers the pair as decided. */
  async confirmMatch(actor: Actor, input: MatchConfirmation): Promise<AdoptionEntity> {
    const data = validateInput(confirmMatchSchema, input);
    const result = await this.transaction(async (manager) => {
      const recorded = await this.recordIn(manager, actor, { ...data, targetKind: 'clause', documentTitle: null, quotedText: null });
      await this.decide(manager, actor, data.suggestionId, data.clauseId, 'confirmed');
      await this.announce(manager, actor, recorded);
      return recorded;
    });
    return result.adoption;
  }

  /** Rejects a proposed clause: the pair is not proposed again. */
  async rejectMatch(actor: Actor, suggestionId: string, clauseId: string): Promise<void> {
    await this.transaction(async (manager) => {
      await this.mayRecord(manager, actor, suggestionId);
      const [clause] = await this.programs.clausesByIds([clauseId], manager);
      if (!clause) throw AppErrors.notFound('Clause');
      await this.decide(manager, actor, suggestionId, clauseId, 'rejected');
    });
  }

  /** Changes only the fields given (null clears an optional one); a changed outcome recomputes the suggestion's status. */
  async update(actor: Actor, input: AdoptionChanges): Promise<AdoptionEntity> {
    const data = validateInput(updateAdoptionSchema, input);
    const result = await this.transaction(async (manager) => {
      const { adoption, suggestion, who } = await this.loadAdoption(manager, actor, data.adoptionId);
      const previousStatus = adoption.status;
      const { adoptionId: _id, ...given } = data;
      const changes = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<AdoptionEntity>;
      if (adoption.targetKind === 'clause') delete changes.documentTitle;
      Object.assign(adoption, changes, { updatedAt: new Date() });
      if (adoption.targetKind !== 'clause' && !adoption.documentTitle) throw AppErrors.badInput('documentTitle', 'is required for an official reply or policy document');
      if (adoption.status === 'not_adopted' && !adoption.note) throw AppErrors.badInput('note', 'is required when not adopted: give the reason');
      await manager.save(adoption);
      const note = [`修改采纳记录：${await this.describe(adoption, manager)}`, adoption.note].filter(Boolean).join('；');
      const outcomeChanged = adoption.status !== previousStatus;
      const move = outcomeChanged
        ? await this.recompute(manager, who, suggestion, note, adoption.source)
        : await this.workflow.applyRecordedOutcome(manager, who, suggestion, suggestion.status, note, adoption.source);
      const updated = { adoption, move, outcomeChanged };
      await this.announce(manager, actor, updated);
      return updated;
    });
    return result.adoption;
  }

  /** Deletes a record and recomputes the suggestion's status from the records left. */
  async delete(actor: Actor, adoptionId: string): Promise<void> {
    await this.transaction(async (manager) => {
      const { adoption, suggestion, who } = await this.loadAdoption(manager, actor, adoptionId);
      await manager.delete(AdoptionEntity, { id: adoption.id });
      const note = `删除采纳记录：${await this.describe(adoption, manager)}`;
      const move = await this.recompute(manager, who, suggestion, note, adoption.source);
      await this.events.record(manager, {
        type: 'adoption.deleted',
        proposalId: adoption.proposalId,
        suggestionId: adoption.suggestionId,
        adoptionId: adoption.id,
        status: adoption.status,
        actorId: actor.userId,
        programId: adoption.programId,
      });
      await this.announceMove(manager, actor, adoption, move, false);
    });
  }

  async bySuggestionIds(suggestionIds: readonly string[]): Promise<AdoptionEntity[][]> {
    const rows = await this.adoptions.find({ where: { suggestionId: In([...suggestionIds]) }, order: { decidedOn: 'ASC', createdAt: 'ASC' } });
    return suggestionIds.map((id) => rows.filter((r) => r.suggestionId === id));
  }

  /**
   * Per clause, the records of proposals the caller sees (programs are public, proposals are not),
   * oldest decision first: one query for the records and one for the visibility.
   */
  async visibleByClauseIds(actor: Actor, clauseIds: readonly string[]): Promise<AdoptionEntity[][]> {
    const rows = await this.adoptions.find({ where: { clauseId: In([...clauseIds]) }, order: { decidedOn: 'ASC', createdAt: 'ASC' } });
    const visible = new Set((await this.proposals.visibleByIds(actor, [...new Set(rows.map((r) => r.proposalId))])).map((p) => p.id));
    return clauseIds.map((id) => rows.filter((r) => r.clauseId === id && visible.has(r.proposalId)));
  }

  /** How many distinct suggestions a clause took up (an adopting outcome), among the records given. */
  static adoptingSuggestionCount(records: readonly AdoptionEntity[]): number {
    return new Set(records.filter((r) => ADOPTING_STATUSES.includes(r.status as AdoptionStatus)).map((r) => r.suggestionId)).size;
  }

  /**
   * The suggestion, locked for this transaction, if the caller may record outcomes for it: FORBIDDEN
   * unless SUGGESTION_DECIDERS allow her; BAD_USER_INPUT until the proposal is submitted.
   */
  async mayRecord(manager: EntityManager, actor: Actor, suggestionId: string): Promise<Authorised> {
    const { proposal, role } = await this.suggestions.load(actor, suggestionId, manager);
    const who: RecordingActor = { userId: actor.userId, proposalRole: role, userRole: actor.role };
    if (!canDecideSuggestions(who)) throw AppErrors.forbidden('Only the proposal’s owners and co-authors, leaders and administrators record adoptions');
    if (!FEDERATION_VISIBLE_PROPOSAL_STATUSES.includes(proposal.status)) throw AppErrors.badInput('suggestionId', 'the proposal has not been submitted yet');
    const suggestion = await this.workflow.lockSuggestion(manager, suggestionId);
    return { suggestion, who };
  }

  private async recordIn(manager: EntityManager, actor: Actor, data: z.output<typeof recordAdoptionSchema>): Promise<Recorded> {
    const { suggestion, who } = await this.mayRecord(manager, actor, data.suggestionId);
    let programId: string | null = null;
    let quotedText = data.quotedText;
    let source = data.source;
    if (data.targetKind === 'clause') {
      const chain = await this.programs.clauseChain(data.clauseId!, manager);
      if (!chain) throw AppErrors.notFound('Clause');
      const clause = chain.clauses[chain.clauses.length - 1];
      if (!ADOPTING_CLAUSE_KINDS.includes(clause.kind)) throw AppErrors.badInput('clauseId', 'must be a goal or a measure, not a heading');
      programId = chain.program.id;
      quotedText ??= clause.text;
      source ??= chain.program.sourceDocument ?? chain.program.name;
      if (await manager.existsBy(AdoptionEntity, { suggestionId: suggestion.id, clauseId: data.clauseId! })) {
        throw AppErrors.conflict('This clause is already recorded for this suggestion');
      }
    }
    const now = new Date();
    const adoption = manager.create(AdoptionEntity, {
      suggestionId: suggestion.id,
      proposalId: suggestion.proposalId,
      targetKind: data.targetKind,
      clauseId: data.targetKind === 'clause' ? data.clauseId! : null,
      programId,
      documentTitle: data.targetKind === 'clause' ? null : data.documentTitle,
      status: data.status,
      decidedOn: data.decidedOn,
      quotedText,
      source,
      note: data.note,
      recordedById: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(AdoptionEntity, adoption);
    const note = [`${SUGGESTION_STATUS_LABELS[data.status].zh}：${await this.describe(adoption, manager)}`, data.note].filter(Boolean).join('；');
    const target = outcomeStrength(data.status) > outcomeStrength(suggestion.status) ? data.status : suggestion.status;
    const move = await this.workflow.applyRecordedOutcome(manager, who, suggestion, target, note, source);
    return { adoption, move, outcomeChanged: true };
  }

  /**
   * After a record changed or went: the strongest outcome of the records left; none left, back to
   * under consideration if the suggestion had been decided, else unchanged. A change is one
   * correction event (from → to) whatever the table says; no change appends one unchanged event.
   */
  private async recompute(manager: EntityManager, who: RecordingActor, suggestion: SuggestionEntity, note: string, source: string | null) {
    const remaining = await manager.find(AdoptionEntity, { select: { status: true }, where: { suggestionId: suggestion.id } });
    const decided = outcomeStrength(suggestion.status) > outcomeStrength('under_consideration');
    const target = strongestOutcome(remaining.map((r) => r.status)) ?? (decided ? 'under_consideration' : suggestion.status);
    if (target === suggestion.status) return this.workflow.applyRecordedOutcome(manager, who, suggestion, target, note, source);
    return this.workflow.correctRecordedOutcome(manager, who, suggestion, target, `采纳记录更正：${note}`, source);
  }

  private async decide(manager: EntityManager, actor: Actor, suggestionId: string, clauseId: string, decision: 'confirmed' | 'rejected') {
    const existing = await manager.findOneBy(MatchDecisionEntity, { suggestionId, clauseId });
    const fields = { decision, decidedById: actor.userId, decidedAt: new Date() };
    if (existing) await manager.update(MatchDecisionEntity, { id: existing.id }, fields);
    else await manager.insert(MatchDecisionEntity, manager.create(MatchDecisionEntity, { suggestionId, clauseId, ...fields }));
  }

  /** The record and its (locked) suggestion; NOT_FOUND alike for unknown records and records of proposals the caller does not see. */
  private async loadAdoption(manager: EntityManager, actor: Actor, adoptionId: string): Promise<Authorised & { adoption: AdoptionEntity }> {
    const adoption = await manager.findOneBy(AdoptionEntity, { id: adoptionId });
    if (!adoption) throw AppErrors.notFound('Adoption');
    const authorised = await this.mayRecord(manager, actor, adoption.suggestionId).catch((error: GraphQLError) => {
      throw error.extensions?.code === ERROR_CODES.notFound ? AppErrors.notFound('Adoption') : error;
    });
    return { adoption, ...authorised };
  }

  /** "program 一、（三）2." for a clause, the document title otherwise, with the decision date. */
  private async describe(adoption: AdoptionEntity, manager: EntityManager): Promise<string> {
    if (adoption.targetKind !== 'clause' || !adoption.clauseId) return `${adoption.documentTitle ?? ''}（${adoption.decidedOn}）`;
    const chain = await this.programs.clauseChain(adoption.clauseId, manager);
    const numbers = chain?.clauses.map((c) => c.number).filter(Boolean).join('') ?? '';
    return `${chain?.program.name ?? ''} ${numbers}（${adoption.decidedOn}）`.trim();
  }

  /** A transaction whose unique-constraint violations (two people recording the same pair at once) are CONFLICT. */
  private async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await runTransaction(this.dataSource, work);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppErrors.conflict('This clause is already recorded for this suggestion');
      throw error;
    }
  }

  /** Records the events of a recorded or changed adoption in its transaction. */
  private async announce(manager: EntityManager, actor: Actor, { adoption, move, outcomeChanged }: Recorded): Promise<void> {
    if (outcomeChanged) {
      await this.events.record(manager, {
        type: 'adoption.recorded',
        proposalId: adoption.proposalId,
        suggestionId: adoption.suggestionId,
        adoptionId: adoption.id,
        status: adoption.status as AdoptionStatus,
        actorId: actor.userId,
        programId: adoption.programId,
      });
    }
    await this.announceMove(manager, actor, adoption, move, outcomeChanged);
  }

  private async announceMove(manager: EntityManager, actor: Actor, adoption: AdoptionEntity, move: { from: string; to: string }, toldByAdoption: boolean) {
    if (move.from === move.to) return;
    await this.events.record(manager, {
      type: 'suggestion.status.changed',
      proposalId: adoption.proposalId,
      suggestionId: adoption.suggestionId,
      from: move.from,
      to: move.to,
      actorId: actor.userId,
      ...(toldByAdoption ? { toldByAdoptionId: adoption.id } : {}),
    });
  }
}

/** PostgreSQL unique_violation (23505) or SQLite's UNIQUE constraint failure. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as QueryFailedError & { driverError?: { code?: string } }).driverError;
  return driverError?.code === '23505' || /UNIQUE constraint failed/i.test(error.message);
}
