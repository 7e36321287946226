import {
  PROPOSAL_STATUSES,
  ProposalStatus,
  SUGGESTION_STATUSES,
  SuggestionStatus,
  TransitionActor,
  allowedSuggestionTransitions,
  canDecideSuggestions,
  allowedTransitions,
  checkProposalTransition,
  checkSuggestionTransition,
  suggestionPath,
  todayInChina,
  suggestionTransitionRequiresNote,
} from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { z } from 'zod';
import { DomainEvents } from '../../common/domain-events';
import { ProposalBodyBridge } from './proposal-body-bridge';
import { ProposalVersionsService } from './proposal-versions.service';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { calendarDate, validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { ProposalAccessService } from './proposal-access.service';
import { saveProposalChanges, touchProposal } from './proposal-rows';
import { ProposalAnswerEntity, ProposalEntity, ProposalVersionEntity } from './proposal.entity';
import { changeSuggestionStatusSchema, recordAnswerSchema, transitionSchema } from './proposal.validation';
import { NewStatusEvent, StatusHistoryService } from './status-history.service';
import { SuggestionModel } from './suggestion.model';
import { SuggestionEntity } from './suggestion.entity';
import { SuggestionsService } from './suggestions.service';

const transitionInput = transitionSchema
  .extend({ to: z.enum(PROPOSAL_STATUSES), submittedOn: calendarDate.nullish() })
  .refine((input) => !input.submittedOn || input.to === 'submitted', { path: ['submittedOn'], message: 'is given only when submitting' });
const suggestionStatusInput = changeSuggestionStatusSchema.extend({ to: z.enum(SUGGESTION_STATUSES) });

export type TransitionRequest = z.input<typeof transitionInput>;
export type AnswerRequest = z.input<typeof recordAnswerSchema>;
export type SuggestionStatusRequest = z.input<typeof suggestionStatusInput>;

/** Who records an outcome through another module: the account and its roles (SUGGESTION_DECIDERS decide). */
export interface RecordingActor extends TransitionActor {
  userId: string;
}

function assertDecider(actor: TransitionActor): void {
  if (!canDecideSuggestions(actor)) throw AppErrors.forbidden('Only the proposal’s owners and co-authors, leaders and administrators decide outcomes');
}

/** Moves proposals through their workflow and records what became of each suggestion. */
@Injectable()
export class ProposalWorkflowService {
  constructor(
    @InjectRepository(ProposalVersionEntity) private readonly versions: Repository<ProposalVersionEntity>,
    @InjectRepository(ProposalAnswerEntity) private readonly answers: Repository<ProposalAnswerEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProposalAccessService,
    private readonly suggestions: SuggestionsService,
    private readonly history: StatusHistoryService,
    private readonly events: DomainEvents,
    private readonly versionsService: ProposalVersionsService,
    private readonly bodies: ProposalBodyBridge,
  ) {}

  /**
   * Moves a proposal to `to` per the shared transition table. Submitting freezes a numbered
   * version and moves drafted suggestions to submitted. `answered` goes through recordAnswer.
   */
  async transition(actor: Actor, input: TransitionRequest): Promise<ProposalEntity> {
    const data = validateInput(transitionInput, input);
    if (data.to === 'submitted') await this.bodies.flush(data.proposalId);
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal, role } = await this.access.load(actor, data.proposalId, manager);
      const from = proposal.status;
      assertProposalTransition(proposal.status, data.to, { proposalRole: role, userRole: actor.role });
      if (data.to === 'answered') throw AppErrors.badInput('to', 'record the official reply with recordAnswer to mark it answered');
      const effectiveOn = data.submittedOn ? assertSubmissionDay(data.submittedOn, proposal.year) : null;
      const updated = await saveProposalChanges(manager, proposal, { status: data.to }, data.expectedVersion);
      const events: NewStatusEvent[] = [this.proposalEvent(actor, proposal, data.to, data.note)];
      if (data.to === 'submitted') events.push(...(await this.freezeVersion(manager, actor, proposal)));
      await this.history.append(manager, events.map((event) => ({ ...event, effectiveOn })));
      await this.events.record(manager, { type: 'proposal.status.changed', proposalId: data.proposalId, from, to: data.to, actorId: actor.userId });
      return updated;
    });
  }

  /** Stores the official reply and moves the proposal from submitted to answered. */
  async recordAnswer(actor: Actor, input: AnswerRequest): Promise<ProposalEntity> {
    const data = validateInput(recordAnswerSchema, input);
    return runTransaction(this.dataSource, async (manager) => {
      const { proposal, role } = await this.access.load(actor, data.proposalId, manager);
      const from = proposal.status;
      assertProposalTransition(proposal.status, 'answered', { proposalRole: role, userRole: actor.role }, 'proposalId');
      const updated = await saveProposalChanges(manager, proposal, { status: 'answered' }, data.expectedVersion);
      const { expectedVersion: _unused, ...answer } = data;
      await manager.save(manager.create(ProposalAnswerEntity, { ...answer, recordedById: actor.userId, createdAt: new Date() }));
      const note = `${data.replyingUnit}答复，${data.answerClass}类`;
      await this.history.append(manager, [{ ...this.proposalEvent(actor, proposal, 'answered', note), source: data.documentRef }]);
      await this.events.record(manager, { type: 'proposal.status.changed', proposalId: data.proposalId, from, to: 'answered', actorId: actor.userId });
      return updated;
    });
  }

  /** Records a suggestion's new status (owners and co-authors, and the federation's leaders and admins). */
  async changeSuggestionStatus(actor: Actor, input: SuggestionStatusRequest): Promise<SuggestionModel> {
    const data = validateInput(suggestionStatusInput, input);
    return runTransaction(this.dataSource, async (manager) => {
      const { suggestion, role } = await this.suggestions.load(actor, data.suggestionId, manager);
      const who = { proposalRole: role, userRole: actor.role };
      const verdict = checkSuggestionTransition(suggestion.status, data.to, who);
      if (verdict === 'invalid') {
        const allowed = allowedSuggestionTransitions(suggestion.status, who);
        throw AppErrors.badInput('to', `cannot go from ${suggestion.status} to ${data.to}; allowed: ${allowed.join(', ') || 'none'}`);
      }
      if (verdict === 'forbidden') throw AppErrors.forbidden(`Your role cannot move this suggestion from ${suggestion.status} to ${data.to}`);
      if (suggestionTransitionRequiresNote(suggestion.status, data.to) && !data.note) {
        throw AppErrors.badInput('note', `is required when a suggestion becomes ${data.to}: give the reason`);
      }
      const updatedAt = new Date();
      await manager.update(SuggestionEntity, { id: suggestion.id }, { status: data.to, updatedAt });
      await this.history.append(manager, [
        {
          entityType: 'suggestion',
          entityId: suggestion.id,
          proposalId: suggestion.proposalId,
          fromStatus: suggestion.status,
          toStatus: data.to,
          actorId: actor.userId,
          note: data.note,
          source: data.source,
        },
      ]);
      await touchProposal(manager, suggestion.proposalId);
      await this.events.record(manager, {
        type: 'suggestion.status.changed',
        suggestionId: data.suggestionId,
        proposalId: suggestion.proposalId,
        from: suggestion.status,
        to: data.to,
        actorId: actor.userId,
      });
      return this.suggestions.numbered(manager, Object.assign(suggestion, { status: data.to, updatedAt }));
    });
  }

  /**
   * Moves a suggestion to an outcome decided by another module (an adoption record), inside its
   * transaction, by the fewest moves of the shared table (e.g. submitted → adopted → implemented),
   * one history event per move with the same note and source. Already there: one event with the
   * status unchanged. Each move needs the caller's roles to permit it (FORBIDDEN otherwise); an
   * unreachable outcome is refused (BAD_USER_INPUT on `status`). Returns the status before and after.
   */
  async applyRecordedOutcome(
    manager: EntityManager,
    actor: RecordingActor,
    suggestion: SuggestionEntity,
    to: SuggestionStatus,
    note: string | null,
    source: string | null,
  ): Promise<{ from: SuggestionStatus; to: SuggestionStatus }> {
    const from = suggestion.status;
    assertDecider(actor);
    const path = suggestionPath(from, to);
    if (!path) throw AppErrors.badInput('status', `the suggestion cannot go from ${from} to ${to}`);
    const steps: [SuggestionStatus, SuggestionStatus][] = path.length === 0 ? [[from, from]] : path.map((s, i) => [i === 0 ? from : path[i - 1], s]);
    for (const [stepFrom, stepTo] of steps) {
      if (stepFrom !== stepTo && checkSuggestionTransition(stepFrom, stepTo, actor) === 'forbidden') {
        throw AppErrors.forbidden(`Your role cannot move this suggestion from ${stepFrom} to ${stepTo}`);
      }
    }
    return this.writeOutcome(manager, actor.userId, suggestion, steps, note, source);
  }

  /**
   * Sets a suggestion's status to what its adoption records now say after one was changed or
   * deleted, outside the table's moves (e.g. adopted back to under consideration): one explicit
   * correction event. Only for those who decide outcomes (SUGGESTION_DECIDERS).
   */
  async correctRecordedOutcome(
    manager: EntityManager,
    actor: RecordingActor,
    suggestion: SuggestionEntity,
    to: SuggestionStatus,
    note: string | null,
    source: string | null,
  ): Promise<{ from: SuggestionStatus; to: SuggestionStatus }> {
    assertDecider(actor);
    return this.writeOutcome(manager, actor.userId, suggestion, [[suggestion.status, to]], note, source);
  }

  /**
   * The suggestion row, re-read inside the caller's transaction; on PostgreSQL locked for update,
   * so concurrent outcome records of one suggestion run one after another (SQLite serialises anyway).
   */
  async lockSuggestion(manager: EntityManager, suggestionId: string): Promise<SuggestionEntity> {
    const lock = manager.connection.options.type === 'postgres' ? { lock: { mode: 'pessimistic_write' as const } } : {};
    const suggestion = await manager.findOne(SuggestionEntity, { where: { id: suggestionId }, ...lock });
    if (!suggestion) throw AppErrors.notFound('Suggestion');
    return suggestion;
  }

  private async writeOutcome(
    manager: EntityManager,
    actorId: string,
    suggestion: SuggestionEntity,
    steps: [SuggestionStatus, SuggestionStatus][],
    note: string | null,
    source: string | null,
  ): Promise<{ from: SuggestionStatus; to: SuggestionStatus }> {
    const from = suggestion.status;
    const to = steps[steps.length - 1][1];
    if (to !== from) await manager.update(SuggestionEntity, { id: suggestion.id }, { status: to, updatedAt: new Date() });
    await this.history.append(
      manager,
      steps.map(([fromStatus, toStatus]) => ({
        entityType: 'suggestion' as const,
        entityId: suggestion.id,
        proposalId: suggestion.proposalId,
        fromStatus,
        toStatus,
        actorId,
        note,
        source,
      })),
    );
    await touchProposal(manager, suggestion.proposalId);
    suggestion.status = to;
    return { from, to };
  }

  /** Submitted versions of each proposal, oldest first. */
  async versionsByProposalIds(proposalIds: readonly string[]): Promise<ProposalVersionEntity[][]> {
    const rows = await this.versions.find({ where: { proposalId: In([...proposalIds]) }, order: { number: 'ASC' } });
    return proposalIds.map((id) => rows.filter((v) => v.proposalId === id));
  }

  async answersByProposalIds(proposalIds: readonly string[]): Promise<(ProposalAnswerEntity | null)[]> {
    const rows = await this.answers.findBy({ proposalId: In([...proposalIds]) });
    return proposalIds.map((id) => rows.find((a) => a.proposalId === id) ?? null);
  }

  private proposalEvent(actor: Actor, proposal: ProposalEntity, to: ProposalStatus, note?: string | null): NewStatusEvent {
    return {
      entityType: 'proposal',
      entityId: proposal.id,
      proposalId: proposal.id,
      fromStatus: proposal.status,
      toStatus: to,
      actorId: actor.userId,
      note: note ?? null,
    };
  }

  /** Saves the next numbered version and moves drafted suggestions to submitted; returns their events. */
  private async freezeVersion(manager: EntityManager, actor: Actor, proposal: ProposalEntity): Promise<NewStatusEvent[]> {
    const suggestions = await manager.find(SuggestionEntity, {
      where: { proposalId: proposal.id },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    if (suggestions.length === 0) throw AppErrors.badInput('to', 'add at least one suggestion before submitting');
    await this.versionsService.freeze(manager, actor, proposal, 'submitted', null);
    const now = new Date();
    const drafted = suggestions.filter((s) => s.status === 'drafted');
    if (drafted.length > 0) {
      await manager.update(SuggestionEntity, { id: In(drafted.map((s) => s.id)) }, { status: 'submitted', updatedAt: now });
    }
    return drafted.map((s) => ({
      entityType: 'suggestion' as const,
      entityId: s.id,
      proposalId: proposal.id,
      fromStatus: s.status,
      toStatus: 'submitted',
      actorId: actor.userId,
      note: null,
    }));
  }
}

/** BAD_USER_INPUT naming the caller's possible moves when the workflow has no such move; FORBIDDEN when it is not hers to make. */
export function assertProposalTransition(from: ProposalStatus, to: ProposalStatus, who: TransitionActor, field = 'to'): void {
  const verdict = checkProposalTransition(from, to, who);
  if (verdict === 'invalid') {
    const allowed = allowedTransitions(from, who);
    throw AppErrors.badInput(field, `cannot go from ${from} to ${to}; allowed: ${allowed.join(', ') || 'none'}`);
  }
  if (verdict === 'forbidden') throw AppErrors.forbidden(`Your role cannot move this proposal from ${from} to ${to}`);
}

/**
 * A submission recorded afterwards (handed in on paper, entered later) may be dated back, but not
 * into the future nor before the year preceding the proposal's year.
 */
function assertSubmissionDay(day: string, proposalYear: number): string {
  if (day > todayInChina()) throw AppErrors.badInput('submittedOn', 'cannot be in the future');
  if (day < `${proposalYear - 1}-01-01`) throw AppErrors.badInput('submittedOn', `cannot be before ${proposalYear - 1}-01-01 for a ${proposalYear} proposal`);
  return day;
}
