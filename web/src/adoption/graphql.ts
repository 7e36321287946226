import { gql, type TypedDocumentNode } from '@apollo/client';
import type { NoMatchReason, SuggestionStatus } from '@jianyan/shared';

export type AdoptionTargetKind = 'clause' | 'official_reply' | 'policy_document';
export const ADOPTION_TARGET_KINDS: readonly AdoptionTargetKind[] = ['clause', 'official_reply', 'policy_document'];
/** The outcomes an adoption record may carry (the API's ADOPTION_STATUSES). */
export const ADOPTION_STATUSES: readonly SuggestionStatus[] = [
  'adopted',
  'partially_adopted',
  'included_in_plan',
  'under_consideration',
  'not_adopted',
  'implemented',
];

export interface Adoption {
  id: string;
  targetKind: AdoptionTargetKind;
  status: SuggestionStatus;
  decidedOn: string;
  quotedText: string | null;
  source: string | null;
  note: string | null;
  documentTitle: string | null;
  programId: string | null;
  programName: string | null;
  clause: { id: string; number: string; text: string } | null;
}

const ADOPTION_FIELDS = `id targetKind status decidedOn quotedText source note documentTitle programId programName clause { id number text }`;

/** The adoption records of a proposal's suggestions (merged into the cached Suggestion objects). */
export const PROPOSAL_ADOPTIONS_QUERY: TypedDocumentNode<
  { proposal: { id: string; suggestions: { id: string; adoptions: Adoption[] }[] } },
  { id: string }
> = gql`
  query ProposalAdoptions($id: ID!) {
    proposal(id: $id) { id suggestions { id adoptions { ${ADOPTION_FIELDS} } } }
  }
`;
export const PROPOSAL_ADOPTIONS_OPERATION = 'ProposalAdoptions';

export interface RecordAdoptionInput {
  suggestionId: string;
  targetKind: AdoptionTargetKind;
  clauseId: string | null;
  documentTitle: string | null;
  status: SuggestionStatus;
  decidedOn: string;
  quotedText: string | null;
  source: string | null;
  note: string | null;
}

export const RECORD_ADOPTION_MUTATION: TypedDocumentNode<{ recordAdoption: Adoption }, { input: RecordAdoptionInput }> = gql`
  mutation RecordAdoption($input: RecordAdoptionInput!) {
    recordAdoption(input: $input) { ${ADOPTION_FIELDS} }
  }
`;

export const DELETE_ADOPTION_MUTATION: TypedDocumentNode<{ deleteAdoption: boolean }, { id: string }> = gql`
  mutation DeleteAdoption($id: ID!) {
    deleteAdoption(id: $id)
  }
`;

export interface ClauseMatch {
  clauseId: string;
  programId: string;
  programName: string;
  number: string;
  text: string;
  area: string | null;
  score: number;
  overlap: string[];
}

export interface MatchedSuggestion {
  id: string;
  proposalId: string;
  number: number;
  title: string;
  text: string;
  status: SuggestionStatus;
}

/** Why matching proposed nothing for a suggestion. */
export interface NoGoodMatch {
  reason: NoMatchReason;
  bestScore: number | null;
  minScore: number;
}

export interface SuggestionMatches {
  suggestion: MatchedSuggestion;
  matches: ClauseMatch[];
  /** Set exactly when `matches` is empty. */
  noMatch: NoGoodMatch | null;
}

const MATCH_FIELDS = `suggestion { id proposalId number title text status } matches { clauseId programId programName number text area score overlap } noMatch { reason bestScore minScore }`;

export const PROGRAM_MATCHES_QUERY: TypedDocumentNode<
  { programMatches: SuggestionMatches[]; program: { id: string; name: string; promulgatedOn: string | null } },
  { programId: string }
> = gql`
  query ProgramMatches($programId: ID!) {
    program(id: $programId) { id name promulgatedOn }
    programMatches(programId: $programId) { ${MATCH_FIELDS} }
  }
`;

export const SUGGESTION_MATCHES_QUERY: TypedDocumentNode<{ suggestionMatches: SuggestionMatches }, { suggestionId: string; first?: number }> = gql`
  query SuggestionMatches($suggestionId: ID!, $first: Int) {
    suggestionMatches(suggestionId: $suggestionId, first: $first) { ${MATCH_FIELDS} }
  }
`;

export const CONFIRM_MATCH_MUTATION: TypedDocumentNode<
  { confirmClauseMatch: Adoption },
  { input: { suggestionId: string; clauseId: string; status: SuggestionStatus; decidedOn: string } }
> = gql`
  mutation ConfirmClauseMatch($input: ConfirmMatchInput!) {
    confirmClauseMatch(input: $input) { ${ADOPTION_FIELDS} }
  }
`;

export const REJECT_MATCH_MUTATION: TypedDocumentNode<{ rejectClauseMatch: boolean }, { suggestionId: string; clauseId: string }> = gql`
  mutation RejectClauseMatch($suggestionId: ID!, $clauseId: ID!) {
    rejectClauseMatch(suggestionId: $suggestionId, clauseId: $clauseId)
  }
`;
