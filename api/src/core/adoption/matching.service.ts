import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../../common/graphql-context';
import { MatchableClause, ProgramsService } from '../programs/programs.service';
import { ProposalDashboardReads } from '../proposals/proposal-dashboard.reads';
import { SuggestionModel } from '../proposals/suggestion.model';
import { SuggestionsService } from '../proposals/suggestions.service';
import { AdoptionEntity, MatchDecisionEntity } from './adoption.entity';
import { ClauseMatchModel, NoGoodMatchModel } from './adoption.model';
import { ClauseIndex, offerableClauses } from './clause-matching';

export interface SuggestionMatches {
  suggestion: SuggestionModel;
  matches: ClauseMatchModel[];
  /** Why nothing is proposed, exactly when `matches` is empty. */
  noMatch: NoGoodMatchModel | null;
}

/**
 * Proposes the program clauses most similar to a suggestion, or says there is no good match and why.
 * Only goals and measures are proposed, never a heading. Pairs someone already confirmed or
 * rejected, and clauses already recorded as adopting it, are never proposed.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectRepository(MatchDecisionEntity) private readonly decisions: Repository<MatchDecisionEntity>,
    @InjectRepository(AdoptionEntity) private readonly adoptions: Repository<AdoptionEntity>,
    private readonly programs: ProgramsService,
    private readonly proposalReads: ProposalDashboardReads,
    private readonly suggestions: SuggestionsService,
  ) {}

  /** Proposals for one suggestion the caller sees, from one program or from all. */
  async forSuggestion(actor: Actor, suggestionId: string, programId?: string | null, limit = 3): Promise<SuggestionMatches> {
    const { suggestion } = await this.suggestions.load(actor, suggestionId);
    if (programId) await this.programs.get(programId);
    const clauses = offerableClauses(await this.programs.matchableClauses(programId ?? undefined));
    const excluded = await this.decided([suggestion.id]);
    const outcome = this.match(new ClauseIndex(clauses), clauses, suggestion.id, `${suggestion.title}\n${suggestion.text}`, excluded, limit);
    const [numbered] = (await this.suggestions.byProposalIds([suggestion.proposalId]))[0].filter((s) => s.id === suggestion.id);
    return { suggestion: numbered, ...outcome };
  }

  /**
   * For a newly imported program: every submitted suggestion the caller sees, those that some clause
   * of it matches first (best first), then those with no good match, with the reason.
   */
  async forProgram(actor: Actor, programId: string, limit = 3): Promise<SuggestionMatches[]> {
    await this.programs.get(programId);
    const clauses = offerableClauses(await this.programs.matchableClauses(programId));
    const suggestions = (await this.visibleSuggestions(actor)).filter((s) => s.status !== 'drafted');
    const excluded = await this.decided(suggestions.map((s) => s.id));
    const index = new ClauseIndex(clauses);
    return suggestions
      .map((suggestion) => ({ suggestion, ...this.match(index, clauses, suggestion.id, `${suggestion.title}\n${suggestion.text}`, excluded, limit) }))
      .sort((a, b) => (b.matches[0]?.score ?? -1) - (a.matches[0]?.score ?? -1));
  }

  private match(
    index: ClauseIndex,
    clauses: MatchableClause[],
    suggestionId: string,
    text: string,
    excluded: Map<string, Set<string>>,
    limit: number,
  ): Omit<SuggestionMatches, 'suggestion'> {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const outcome = index.rank(text, { limit, exclude: excluded.get(suggestionId) });
    const noMatch = outcome.noMatch && Object.assign(new NoGoodMatchModel(), outcome.noMatch);
    const matches = outcome.matches.map((m) => {
      const clause = byId.get(m.clauseId)!;
      return Object.assign(new ClauseMatchModel(), {
        suggestionId,
        clauseId: clause.id,
        programId: clause.programId,
        programName: clause.programName,
        number: clause.number,
        text: clause.text,
        area: clause.area,
        score: m.score,
        overlap: m.overlap,
      });
    });
    return { matches, noMatch };
  }

  /** Per suggestion, the clauses not to propose: decided pairs and recorded adoptions. */
  private async decided(suggestionIds: string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (suggestionIds.length === 0) return out;
    const [decisions, adoptions] = await Promise.all([
      this.decisions.find({ select: { suggestionId: true, clauseId: true }, where: { suggestionId: In(suggestionIds) } }),
      this.adoptions.find({ select: { suggestionId: true, clauseId: true }, where: { suggestionId: In(suggestionIds) } }),
    ]);
    for (const row of [...decisions, ...adoptions]) {
      if (!row.clauseId) continue;
      if (!out.has(row.suggestionId)) out.set(row.suggestionId, new Set());
      out.get(row.suggestionId)!.add(row.clauseId);
    }
    return out;
  }

  /** Suggestions of every submitted, answered or closed proposal the caller sees: one visibility-restricted query, no cap. */
  private async visibleSuggestions(actor: Actor): Promise<SuggestionModel[]> {
    const proposalIds = (await this.proposalReads.submittedProposals(actor)).map((p) => p.id);
    return proposalIds.length === 0 ? [] : (await this.suggestions.byProposalIds(proposalIds)).flat();
  }
}
