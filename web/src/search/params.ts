import type { SearchFilterInput } from './graphql';

export const SEARCH_INDEXES = ['evidence', 'proposals', 'clauses'] as const;
export type SearchIndex = (typeof SEARCH_INDEXES)[number];

/** The facet fields of each index, in the order the panel shows them (the API's facetFields). */
export const FACET_FIELDS = {
  evidence: ['district', 'population', 'theme', 'sourceType', 'sensitivity', 'year'],
  proposals: ['status', 'year', 'district', 'topic'],
  clauses: ['program', 'kind'],
} as const satisfies Record<SearchIndex, readonly string[]>;
export type FacetField = (typeof FACET_FIELDS)[SearchIndex][number];

export const PAGE_SIZE = 20;
/** The API's limits: text ≤ 200 characters, ≤ 50 values of ≤ 100 characters per filter, offset ≤ 10 000. */
export const TEXT_MAX_LENGTH = 200;
const VALUES_MAX = 50;
const VALUE_MAX_LENGTH = 100;
export const PAGE_MAX = Math.floor(10_000 / PAGE_SIZE) + 1;

/** The state of the page, kept in the address: ?q=培训&index=evidence&district=<id>&district=<id>&page=2 (index: evidence, proposals or clauses) */
export interface SearchState {
  q: string;
  index: SearchIndex;
  /** Chosen values per facet field: OR within a field, AND across fields. */
  filters: Partial<Record<FacetField, string[]>>;
  /** From 1. */
  page: number;
}

export function isSearchIndex(value: unknown): value is SearchIndex {
  return typeof value === 'string' && (SEARCH_INDEXES as readonly string[]).includes(value);
}

export function facetFieldsOf(index: SearchIndex): readonly FacetField[] {
  return FACET_FIELDS[index];
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const indexParam = params.get('index');
  const index: SearchIndex = isSearchIndex(indexParam) ? indexParam : 'evidence';
  const filters: SearchState['filters'] = {};
  for (const field of facetFieldsOf(index)) {
    const values = [...new Set(params.getAll(field).filter((v) => v.length > 0 && v.length <= VALUE_MAX_LENGTH))].slice(0, VALUES_MAX);
    if (values.length > 0) filters[field] = values;
  }
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, TEXT_MAX_LENGTH),
    index,
    filters,
    page: Number.isInteger(page) && page >= 1 && page <= PAGE_MAX ? page : 1,
  };
}

export function serializeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  params.set('index', state.index);
  for (const field of facetFieldsOf(state.index)) {
    for (const value of state.filters[field] ?? []) params.append(field, value);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The filters as the API takes them, in the panel's field order. */
export function filterInput(state: SearchState): SearchFilterInput[] {
  return facetFieldsOf(state.index).flatMap((field) => {
    const values = state.filters[field] ?? [];
    return values.length > 0 ? [{ field, values }] : [];
  });
}

export function hasFilters(state: SearchState): boolean {
  return filterInput(state).length > 0;
}

/** Adds or removes one value of one field; back to the first page. */
export function toggleFilter(state: SearchState, field: FacetField, value: string): SearchState {
  const current = state.filters[field] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [field]: values }, page: 1 };
}

export function withoutFilters(state: SearchState): SearchState {
  return { ...state, filters: {}, page: 1 };
}

/** Another index: its facet fields differ, so the filters are dropped; the words stay. */
export function withIndex(state: SearchState, index: SearchIndex): SearchState {
  return state.index === index ? state : { q: state.q, index, filters: {}, page: 1 };
}

export function withText(state: SearchState, q: string): SearchState {
  return { ...state, q: q.slice(0, TEXT_MAX_LENGTH), page: 1 };
}
