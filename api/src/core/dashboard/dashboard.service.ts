import { PROGRAM_AREAS, PROPOSAL_YEAR_MAX, PROPOSAL_YEAR_MIN, todayInChina } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Actor } from '../../common/graphql-context';
import { calendarDate, validateInput } from '../../common/validation';
import { AdoptionQueryService } from '../adoption/adoption-query.service';
import { EvidenceLinksService } from '../evidence/evidence-links.service';
import { EvidenceQueryService } from '../evidence/evidence-query.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProposalDashboardReads } from '../proposals/proposal-dashboard.reads';
import { ProposalEntity } from '../proposals/proposal.entity';
import { SuggestionModel } from '../proposals/suggestion.model';
import { SuggestionsService } from '../proposals/suggestions.service';
import { UsersService } from '../users/users.service';
import { AdoptionChains, ChainInput, chainSuggestion } from './adoption-chains';
import { DashboardFigures, RateRow, computeDashboardFigures } from './dashboard-figures';
import {
  AdoptionChainModel,
  AdoptionRateModel,
  AwaitingSuggestionModel,
  ChainEvidenceModel,
  DashboardModel,
  EvidenceChainModel,
} from './dashboard.model';

export const dashboardFilterSchema = z.object({
  year: z.number().int().min(PROPOSAL_YEAR_MIN).max(PROPOSAL_YEAR_MAX).nullish(),
  districtId: z.string().max(36).nullish(),
  asOf: calendarDate.nullish(),
});
export type DashboardFilter = z.input<typeof dashboardFilterSchema>;

/** The dashboard with the figures it was built from (the exports reuse both). */
export interface DashboardResult {
  model: DashboardModel;
  figures: DashboardFigures;
}


/**
 * The leaders' dashboard: adoption figures over the submitted proposals the caller sees, and the
 * evidence → suggestion → clause chains in both directions. It has no tables: it reads through the
 * services of proposals, adoption, programs, evidence and organisations. Definitions: dashboard-figures.ts.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly proposals: ProposalDashboardReads,
    private readonly suggestions: SuggestionsService,
    private readonly adoptions: AdoptionQueryService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly evidence: EvidenceQueryService,
    private readonly links: EvidenceLinksService,
    private readonly chains: AdoptionChains,
  ) {}

  async dashboard(actor: Actor, filter: DashboardFilter = {}): Promise<DashboardResult> {
    const f = validateInput(dashboardFilterSchema, filter);
    const asOf = f.asOf ?? todayInChina();
    const inDistrict = await this.proposals.submittedProposals(actor, { districtId: f.districtId });
    const years = [...new Set(inDistrict.map((p) => p.year))].sort((a, b) => a - b);
    const proposals = f.year != null ? inDistrict.filter((p) => p.year === f.year) : inDistrict;
    const proposalIds = proposals.map((p) => p.id);
    const [submittedDays, suggestionLists] = await Promise.all([
      this.proposals.firstSubmittedOn(proposalIds),
      this.suggestions.byProposalIds(proposalIds),
    ]);
    const submittedOn = (id: string) => submittedDays.get(id) ?? null;
    const suggestions = suggestionLists.flat().filter((s) => s.status !== 'drafted');
    const facts = await this.adoptions.factsForSuggestions(suggestions.map((s) => s.id));
    const figures = computeDashboardFigures({
      asOf,
      proposals: proposals.map((p) => ({ ...p, submittedOn: submittedOn(p.id) })),
      suggestions,
      adoptions: facts,
    });

    const proposalById = new Map(proposals.map((p) => [p.id, p]));
    const suggestionById = new Map(suggestions.map((s) => [s.id, s]));
    const chainInput = (suggestionId: string): ChainInput => {
      const suggestion = suggestionById.get(suggestionId)!;
      return { suggestion, proposal: proposalById.get(suggestion.proposalId)!, submittedOn: submittedOn(suggestion.proposalId) };
    };
    const [districtRows, authorRows, adopted] = await Promise.all([
      this.organizations.findByIds(figures.byDistrict.map((r) => r.key!)),
      this.users.findByIds(figures.byAuthor.map((r) => r.key!)),
      this.chains.build(actor, figures.adopted.map((a) => chainInput(a.suggestionId)), facts),
    ]);
    const districtNames = new Map(districtRows.flatMap((d) => (d ? [[d.id, d] as const] : [])));
    const authorNames = new Map(authorRows.flatMap((u) => (u ? [[u.id, u.displayName] as const] : [])));

    const model = Object.assign(new DashboardModel(), {
      year: f.year ?? null,
      districtId: f.districtId ?? null,
      asOf,
      years,
      totals: {
        proposals: figures.proposals,
        submittedSuggestions: figures.submittedSuggestions,
        adoptedSuggestions: figures.adoptedSuggestions,
        adoptionRate: figures.adoptionRate,
        medianDaysToAdoption: figures.medianDaysToAdoption,
        meanDaysToAdoption: figures.meanDaysToAdoption,
        timedAdoptions: figures.timedAdoptions,
        awaiting: figures.awaiting.length,
      },
      byDistrict: labelled(figures.byDistrict, (key) => {
        const d = districtNames.get(key!);
        return [d?.name ?? key!, d?.nameEn ?? key!];
      }),
      byProgramArea: labelled(figures.byProgramArea, (key) => {
        const area = PROGRAM_AREAS.find((a) => a.code === key);
        return area ? [area.zh, area.en] : ['未分领域', 'No program area'];
      }),
      byYear: figures.byYear.map((row) => rateModel(row, row.key!, row.key!)),
      byAuthor: labelled(figures.byAuthor, (key) => {
        const name = authorNames.get(key!) ?? '';
        return [name, name];
      }),
      awaiting: figures.awaiting.map((a) => {
        const { suggestion, proposal } = chainInput(a.suggestionId);
        return Object.assign(new AwaitingSuggestionModel(), {
          suggestion: chainSuggestion(suggestion, proposal, districtNames.get(proposal.districtId)?.name ?? ''),
          submittedOn: a.submittedOn,
          daysWaiting: a.daysWaiting,
        });
      }),
      adopted,
    });
    return { model, figures };
  }

  /** One suggestion with its cleared evidence and adoption records; NOT_FOUND when the caller does not see it. */
  async adoptionChain(actor: Actor, suggestionId: string): Promise<AdoptionChainModel> {
    const { suggestion, proposal } = await this.suggestions.load(actor, suggestionId);
    const numbered = (await this.suggestions.byProposalIds([proposal.id]))[0].find((s) => s.id === suggestion.id)!;
    const [chain] = await this.chains.build(actor, [await this.chainInputFor(numbered, proposal)]);
    return chain;
  }

  /**
   * An evidence record, the suggestions it is linked to (of proposals the caller sees) and their
   * adoption records; NOT_FOUND when the caller is not cleared for the record.
   */
  async evidenceChain(actor: Actor, evidenceId: string): Promise<EvidenceChainModel> {
    const view = await this.evidence.get(actor, evidenceId);
    const [links] = await this.links.byEvidence(actor, [view]);
    const proposals = new Map(links.flatMap((l) => (l.proposal ? [[l.proposalId, l.proposal] as const] : [])));
    const linkedSuggestionIds = new Set(links.flatMap((l) => (l.suggestionId ? [l.suggestionId] : [])));
    const proposalIds = [...proposals.keys()];
    const [suggestionLists, submittedDays] = await Promise.all([
      this.suggestions.byProposalIds(proposalIds),
      this.proposals.firstSubmittedOn(proposalIds),
    ]);
    const inputs = suggestionLists
      .flat()
      .filter((s) => linkedSuggestionIds.has(s.id))
      .map((suggestion) => ({
        suggestion,
        proposal: proposals.get(suggestion.proposalId)!,
        submittedOn: submittedDays.get(suggestion.proposalId) ?? null,
      }));
    const { record } = view;
    return Object.assign(new EvidenceChainModel(), {
      evidence: Object.assign(new ChainEvidenceModel(), { id: record.id, title: record.titleMasked, sourceType: record.sourceType, dateFrom: record.dateFrom }),
      suggestions: await this.chains.build(actor, inputs),
    });
  }

  private async chainInputFor(suggestion: SuggestionModel, proposal: ProposalEntity): Promise<ChainInput> {
    const submittedOn = (await this.proposals.firstSubmittedOn([proposal.id])).get(proposal.id) ?? null;
    return { suggestion, proposal, submittedOn };
  }
}

function rateModel(row: RateRow, label: string, labelEn: string): AdoptionRateModel {
  return Object.assign(new AdoptionRateModel(), { ...row, label, labelEn });
}

/** Rows with their labels, sorted by the Chinese label (the year rows keep their order). */
function labelled(rows: RateRow[], labelsOf: (key: string | null) => [string, string]): AdoptionRateModel[] {
  return rows
    .map((row) => {
      const [label, labelEn] = labelsOf(row.key);
      return rateModel(row, label, labelEn);
    })
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'zh-CN')));
}

