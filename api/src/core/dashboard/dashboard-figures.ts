/**
 * The leaders' dashboard figures, computed from plain facts (no database): the definitions live
 * here and in README.md ("Leaders' dashboard"), and the API tests check them against hand-computed
 * numbers.
 *
 * - Counted proposals: those the caller sees that have been submitted (status submitted, answered
 *   or closed), filtered by the proposal's year and district.
 * - A suggestion counts once it is submitted: every suggestion of a counted proposal whose status
 *   is not `drafted`.
 * - Adopted: a counted suggestion with at least one adoption record whose status is adopted,
 *   partially adopted, included in plan or implemented (ADOPTED_STATUSES). A `not_adopted` record
 *   is an answer, not an adoption.
 * - Adoption rate: adopted ÷ counted suggestions (null when nothing is counted), overall and by
 *   the proposal's district, the suggestion's program area (null = none given), the proposal's
 *   year and the proposal's lead author.
 * - Days to adoption: from the proposal's first submission (the day, China time, of its first
 *   status event to `submitted`) to the earliest `decidedOn` of its adopting records. Adoptions
 *   dated before the recorded submission (history entered afterwards) have no time and are left
 *   out of the median and mean.
 * - Awaiting an answer: a counted suggestion still submitted or under consideration, with no
 *   adoption record of any status, whose proposal is still `submitted` (no official reply) and
 *   was submitted more than AWAITING_AFTER_DAYS days before `asOf` (default: today, China time).
 */

export const ADOPTED_STATUSES: readonly string[] = ['adopted', 'partially_adopted', 'included_in_plan', 'implemented'];
export const AWAITING_AFTER_DAYS = 90;
const UNANSWERED_SUGGESTION_STATUSES: readonly string[] = ['submitted', 'under_consideration'];

export interface ProposalFact {
  id: string;
  year: number;
  districtId: string;
  leadAuthorId: string;
  status: string;
  /** YYYY-MM-DD, China time; null when no submission event is recorded. */
  submittedOn: string | null;
}

export interface SuggestionFact {
  id: string;
  proposalId: string;
  programArea: string | null;
  status: string;
}

export interface AdoptionRecordFact {
  adoptionId: string;
  suggestionId: string;
  status: string;
  /** YYYY-MM-DD */
  decidedOn: string;
}

export interface RateRow {
  /** The district id, program area code, year or author id; null for "no program area". */
  key: string | null;
  submitted: number;
  adopted: number;
  rate: number | null;
}

export interface AdoptedFigure {
  suggestionId: string;
  proposalId: string;
  firstAdoptedOn: string;
  daysToAdoption: number | null;
  /** Its adopting records, oldest decision first. */
  adoptionIds: string[];
}

export interface AwaitingFigure {
  suggestionId: string;
  proposalId: string;
  submittedOn: string;
  daysWaiting: number;
}

export interface DashboardFigures {
  asOf: string;
  proposals: number;
  submittedSuggestions: number;
  adoptedSuggestions: number;
  adoptionRate: number | null;
  medianDaysToAdoption: number | null;
  meanDaysToAdoption: number | null;
  /** Adopted suggestions that have a time to adoption (see above). */
  timedAdoptions: number;
  byDistrict: RateRow[];
  byProgramArea: RateRow[];
  byYear: RateRow[];
  byAuthor: RateRow[];
  adopted: AdoptedFigure[];
  awaiting: AwaitingFigure[];
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

const rate = (adopted: number, submitted: number): number | null => (submitted === 0 ? null : adopted / submitted);

function rateRows(suggestions: readonly SuggestionFact[], adopted: ReadonlySet<string>, keyOf: (s: SuggestionFact) => string | null): RateRow[] {
  const rows = new Map<string | null, RateRow>();
  for (const suggestion of suggestions) {
    const key = keyOf(suggestion);
    const row = rows.get(key) ?? { key, submitted: 0, adopted: 0, rate: null };
    row.submitted += 1;
    if (adopted.has(suggestion.id)) row.adopted += 1;
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => ({ ...row, rate: rate(row.adopted, row.submitted) }));
}

export function computeDashboardFigures(input: {
  asOf: string;
  proposals: readonly ProposalFact[];
  suggestions: readonly SuggestionFact[];
  adoptions: readonly AdoptionRecordFact[];
}): DashboardFigures {
  const proposalsById = new Map(input.proposals.map((p) => [p.id, p]));
  const counted = input.suggestions.filter((s) => proposalsById.has(s.proposalId) && s.status !== 'drafted');
  const recordsBySuggestion = new Map<string, AdoptionRecordFact[]>();
  for (const record of [...input.adoptions].sort((a, b) => a.decidedOn.localeCompare(b.decidedOn))) {
    recordsBySuggestion.set(record.suggestionId, [...(recordsBySuggestion.get(record.suggestionId) ?? []), record]);
  }

  const adopted: AdoptedFigure[] = [];
  const awaiting: AwaitingFigure[] = [];
  for (const suggestion of counted) {
    const proposal = proposalsById.get(suggestion.proposalId)!;
    const records = recordsBySuggestion.get(suggestion.id) ?? [];
    const adopting = records.filter((r) => ADOPTED_STATUSES.includes(r.status));
    if (adopting.length > 0) {
      const firstAdoptedOn = adopting[0].decidedOn;
      const days = proposal.submittedOn ? daysBetween(proposal.submittedOn, firstAdoptedOn) : null;
      adopted.push({
        suggestionId: suggestion.id,
        proposalId: proposal.id,
        firstAdoptedOn,
        daysToAdoption: days !== null && days >= 0 ? days : null,
        adoptionIds: adopting.map((r) => r.adoptionId),
      });
      continue;
    }
    const unanswered = records.length === 0 && UNANSWERED_SUGGESTION_STATUSES.includes(suggestion.status) && proposal.status === 'submitted';
    if (unanswered && proposal.submittedOn) {
      const daysWaiting = daysBetween(proposal.submittedOn, input.asOf);
      if (daysWaiting > AWAITING_AFTER_DAYS) {
        awaiting.push({ suggestionId: suggestion.id, proposalId: proposal.id, submittedOn: proposal.submittedOn, daysWaiting });
      }
    }
  }

  const adoptedIds = new Set(adopted.map((a) => a.suggestionId));
  const times = adopted.flatMap((a) => (a.daysToAdoption === null ? [] : [a.daysToAdoption]));
  const proposalOf = (s: SuggestionFact) => proposalsById.get(s.proposalId)!;
  return {
    asOf: input.asOf,
    proposals: input.proposals.length,
    submittedSuggestions: counted.length,
    adoptedSuggestions: adopted.length,
    adoptionRate: rate(adopted.length, counted.length),
    medianDaysToAdoption: median(times),
    meanDaysToAdoption: mean(times),
    timedAdoptions: times.length,
    byDistrict: rateRows(counted, adoptedIds, (s) => proposalOf(s).districtId),
    byProgramArea: rateRows(counted, adoptedIds, (s) => s.programArea),
    byYear: rateRows(counted, adoptedIds, (s) => String(proposalOf(s).year)).sort((a, b) => Number(a.key) - Number(b.key)),
    byAuthor: rateRows(counted, adoptedIds, (s) => proposalOf(s).leadAuthorId),
    adopted: adopted.sort((a, b) => b.firstAdoptedOn.localeCompare(a.firstAdoptedOn) || a.suggestionId.localeCompare(b.suggestionId)),
    awaiting: awaiting.sort((a, b) => b.daysWaiting - a.daysWaiting || a.suggestionId.localeCompare(b.suggestionId)),
  };
}
