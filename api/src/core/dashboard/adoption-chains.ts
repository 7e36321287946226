import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/graphql-context';
import { AdoptionFact, AdoptionQueryService } from '../adoption/adoption-query.service';
import { EvidenceLinksService } from '../evidence/evidence-links.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProgramsService } from '../programs/programs.service';
import { ProposalEntity } from '../proposals/proposal.entity';
import { SuggestionModel } from '../proposals/suggestion.model';
import { ADOPTED_STATUSES, daysBetween } from './dashboard-figures';
import {
  AdoptionChainModel,
  ChainAdoptionModel,
  ChainClauseModel,
  ChainEvidenceModel,
  ChainProposalModel,
  ChainSuggestionModel,
} from './dashboard.model';

export interface ChainInput {
  suggestion: SuggestionModel;
  proposal: ProposalEntity;
  /** YYYY-MM-DD, China time. */
  submittedOn: string | null;
}

/**
 * Builds evidence → suggestion → clause chains in a fixed number of queries, whatever their number.
 * Evidence comes through EvidenceLinksService, so only records the caller is cleared for appear:
 * placeholders of restricted evidence are dropped, not counted. Titles are the masked ones.
 */
@Injectable()
export class AdoptionChains {
  constructor(
    private readonly adoptions: AdoptionQueryService,
    private readonly programs: ProgramsService,
    private readonly links: EvidenceLinksService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** The chain of each suggestion; the caller must already see their proposals. `facts` may be passed when already read. */
  async build(actor: Actor, inputs: readonly ChainInput[], facts?: readonly AdoptionFact[]): Promise<AdoptionChainModel[]> {
    if (inputs.length === 0) return [];
    const suggestionIds = inputs.map((i) => i.suggestion.id);
    const proposalIds = [...new Set(inputs.map((i) => i.proposal.id))];
    const wanted = new Set(suggestionIds);
    const [records, linkLists, districts] = await Promise.all([
      facts ? Promise.resolve(facts.filter((f) => wanted.has(f.suggestionId))) : this.adoptions.factsForSuggestions(suggestionIds),
      this.links.byProposalIds(actor, proposalIds),
      this.organizations.findByIds([...new Set(inputs.map((i) => i.proposal.districtId))]),
    ]);
    const clauses = await this.clauses(records.flatMap((r) => (r.clauseId ? [r.clauseId] : [])));
    const districtNames = new Map(districts.flatMap((d) => (d ? [[d.id, d.name] as const] : [])));

    const evidenceBySuggestion = new Map<string, ChainEvidenceModel[]>();
    for (const link of linkLists.flat()) {
      if (!link.suggestionId || !link.view) continue;
      const list = evidenceBySuggestion.get(link.suggestionId) ?? [];
      if (list.some((e) => e.id === link.evidenceId)) continue;
      const { record } = link.view;
      list.push(Object.assign(new ChainEvidenceModel(), { id: record.id, title: record.titleMasked, sourceType: record.sourceType, dateFrom: record.dateFrom }));
      evidenceBySuggestion.set(link.suggestionId, list);
    }

    const recordsBySuggestion = new Map<string, AdoptionFact[]>();
    for (const record of records) {
      const list = recordsBySuggestion.get(record.suggestionId) ?? [];
      list.push(record);
      recordsBySuggestion.set(record.suggestionId, list);
    }
    const byDecision = (a: AdoptionFact, b: AdoptionFact) =>
      a.decidedOn.localeCompare(b.decidedOn) || a.recordedAt.getTime() - b.recordedAt.getTime();
    return inputs.map(({ suggestion, proposal, submittedOn }) => {
      const own = (recordsBySuggestion.get(suggestion.id) ?? []).sort(byDecision);
      const firstAdoptedOn = own.find((r) => ADOPTED_STATUSES.includes(r.status))?.decidedOn ?? null;
      const days = firstAdoptedOn && submittedOn ? daysBetween(submittedOn, firstAdoptedOn) : null;
      return Object.assign(new AdoptionChainModel(), {
        suggestion: chainSuggestion(suggestion, proposal, districtNames.get(proposal.districtId) ?? ''),
        evidence: evidenceBySuggestion.get(suggestion.id) ?? [],
        adoptions: own.map((r) =>
          Object.assign(new ChainAdoptionModel(), {
            id: r.adoptionId,
            status: r.status,
            decidedOn: r.decidedOn,
            targetKind: r.targetKind,
            clause: r.clauseId ? (clauses.get(r.clauseId) ?? null) : null,
          }),
        ),
        firstAdoptedOn,
        daysToAdoption: days !== null && days >= 0 ? days : null,
      });
    });
  }

  /** Clauses with their program name and the headings above them: two queries for any number. */
  private async clauses(clauseIds: readonly string[]): Promise<Map<string, ChainClauseModel>> {
    const found = (await this.programs.clausesByIds([...new Set(clauseIds)])).flatMap((c) => (c ? [c] : []));
    const programIds = [...new Set(found.map((c) => c.programId))];
    if (programIds.length === 0) return new Map();
    const [programs, trees] = await Promise.all([this.programs.findByIds(programIds), this.programs.treesOf(programIds)]);
    const byId = new Map(trees.flat().map((c) => [c.id, c]));
    const result = new Map<string, ChainClauseModel>();
    for (const clause of found) {
      const program = programs.find((p) => p?.id === clause.programId);
      const headings: string[] = [];
      for (let p = clause.parentId ? byId.get(clause.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
        headings.unshift(`${p.number}${p.text}`);
      }
      result.set(
        clause.id,
        Object.assign(new ChainClauseModel(), {
          id: clause.id,
          number: clause.number,
          text: clause.text,
          programId: clause.programId,
          programName: program?.name ?? '',
          path: headings.join(' › '),
        }),
      );
    }
    return result;
  }
}

export function chainSuggestion(suggestion: SuggestionModel, proposal: ProposalEntity, districtName: string): ChainSuggestionModel {
  return Object.assign(new ChainSuggestionModel(), {
    id: suggestion.id,
    number: suggestion.number,
    title: suggestion.title,
    status: suggestion.status,
    programArea: suggestion.programArea,
    proposal: Object.assign(new ChainProposalModel(), { id: proposal.id, title: proposal.title, year: proposal.year, districtName }),
  });
}
