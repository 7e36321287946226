import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProposalRole, ProposalStatus } from '@jianyan/shared';

// ---------------------------------------------------------------- search

export interface SearchFilterInput {
  field: string;
  values: string[];
}

export interface SearchInput {
  /** 'evidence' | 'proposals' | 'clauses' */
  index: string;
  text: string;
  filters: SearchFilterInput[];
  first: number;
  offset: number;
}

export interface SearchField {
  name: string;
  value: string | null;
}

export interface SearchHit {
  id: string;
  /** HTML-safe by contract (escaped text, matches in <mark>); still sanitised before rendering. */
  snippet: string;
  fields: SearchField[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchFacet {
  field: string;
  values: FacetValue[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: SearchFacet[];
}

/** Alias of the extra search that counts the values of one filtered facet: `facets_district`. */
export type FacetAlias = `facets_${string}`;

export type SearchQuery = { search: SearchResult } & { [alias: FacetAlias]: { facets: SearchFacet[] } };
export type SearchQueryVariables = { input: SearchInput } & { [alias: FacetAlias]: SearchInput };

export function facetAlias(field: string): FacetAlias {
  return `facets_${field}`;
}

const RESULT_FIELDS = `
  total
  hits {
    id
    snippet
    fields {
      name
      value
    }
  }
  facets {
    field
    values {
      value
      count
    }
  }
`;

const documents = new Map<string, TypedDocumentNode<SearchQuery, SearchQueryVariables>>();

/**
 * The search, and for each facet field with a filter on it the same search without that field's
 * filter (only its facet counts): values of a field are OR'ed, so the other values of a filtered
 * field must stay choosable with the count they would add. One request, one consistent answer.
 * Field names are the index's fixed facet fields (letters only), safe as GraphQL names.
 */
export function searchDocument(filteredFields: readonly string[]): TypedDocumentNode<SearchQuery, SearchQueryVariables> {
  const key = filteredFields.join(',');
  let document = documents.get(key);
  if (!document) {
    const variables = ['$input: SearchInput!', ...filteredFields.map((f) => `$${facetAlias(f)}: SearchInput!`)].join(', ');
    const extra = filteredFields
      .map((f) => `${facetAlias(f)}: search(input: $${facetAlias(f)}) { facets { field values { value count } } }`)
      .join('\n');
    document = gql(`query Search(${variables}) {\n  search(input: $input) {${RESULT_FIELDS}}\n${extra}\n}`);
    documents.set(key, document);
  }
  return document;
}

// ---------------------------------------------------------------- link to a proposal

export interface LinkTargetProposal {
  __typename?: 'Proposal';
  id: string;
  title: string;
  status: ProposalStatus;
  year: number;
  myRole: ProposalRole | null;
  district: { __typename?: 'Organization'; id: string; name: string; nameEn: string };
}

export interface LinkTargetsQuery {
  proposals: { nodes: LinkTargetProposal[]; totalCount: number };
}

export const LINK_TARGETS_QUERY: TypedDocumentNode<LinkTargetsQuery, { memberId: string }> = gql`
  query SearchLinkTargets($memberId: ID!) {
    proposals(first: 100, filter: { memberId: $memberId }) {
      nodes {
        id
        title
        status
        year
        myRole
        district {
          id
          name
          nameEn
        }
      }
      totalCount
    }
  }
`;

export interface LinkTargetSuggestion {
  __typename?: 'Suggestion';
  id: string;
  number: number;
  title: string;
}

export interface LinkTargetSuggestionsQuery {
  proposal: { __typename?: 'Proposal'; id: string; suggestions: LinkTargetSuggestion[] };
}

export const LINK_TARGET_SUGGESTIONS_QUERY: TypedDocumentNode<LinkTargetSuggestionsQuery, { id: string }> = gql`
  query SearchLinkTargetSuggestions($id: ID!) {
    proposal(id: $id) {
      id
      suggestions {
        id
        number
        title
      }
    }
  }
`;

export interface LinkEvidenceInput {
  evidenceId: string;
  proposalId: string;
  suggestionId?: string | null;
  note?: string | null;
}

export interface LinkEvidenceMutation {
  linkEvidence: {
    __typename?: 'EvidenceLink';
    id: string;
    proposalId: string;
    suggestionId: string | null;
  };
}

export const LINK_EVIDENCE_MUTATION: TypedDocumentNode<LinkEvidenceMutation, { input: LinkEvidenceInput }> = gql`
  mutation SearchLinkEvidence($input: LinkEvidenceInput!) {
    linkEvidence(input: $input) {
      id
      proposalId
      suggestionId
    }
  }
`;
