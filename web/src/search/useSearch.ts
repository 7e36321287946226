import { useQuery } from '@apollo/client';
import { useEffect, useMemo, useState } from 'react';
import { toAppError, type AppError } from '../graphql/errors';
import {
  facetAlias,
  searchDocument,
  type FacetValue,
  type SearchInput,
  type SearchQuery,
  type SearchQueryVariables,
  type SearchResult,
} from './graphql';
import { PAGE_SIZE, facetFieldsOf, filterInput, type FacetField, type SearchState } from './params';

export interface SearchOutcome {
  /** The latest answer (kept while the next one loads); null before the first. */
  result: SearchResult | null;
  /** Counts per facet field for the current words: a filtered field counts without its own filter. */
  facets: Partial<Record<FacetField, FacetValue[]>>;
  loading: boolean;
  /** True while the shown result belongs to an earlier state. */
  stale: boolean;
  error: AppError | null;
  retry: () => void;
}

/**
 * Runs the search of the page state. Results are not cached (fetchPolicy no-cache): hits are
 * not entities (a hit's snippet depends on the words), and the index changes under us.
 */
export function useSearch(state: SearchState): SearchOutcome {
  const filters = useMemo(() => filterInput(state), [state]);
  const filteredFields = useMemo(() => filters.map((f) => f.field as FacetField), [filters]);
  const document = searchDocument(filteredFields);
  const variables = useMemo(() => {
    const base: SearchInput = { index: state.index, text: state.q.trim(), filters, first: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE };
    const all: SearchQueryVariables = { input: base };
    for (const field of filteredFields) {
      // the same search without this field's filter, for its counts only
      all[facetAlias(field)] = { ...base, filters: filters.filter((f) => f.field !== field), first: 1, offset: 0 };
    }
    return all;
  }, [state.index, state.q, state.page, filters, filteredFields]);

  const query = useQuery(document, { variables, fetchPolicy: 'no-cache', notifyOnNetworkStatusChange: true });
  // The last answer, with the index it is for: while the next one loads it stays on screen, but
  // never as hits of the other index (their links and badges differ).
  const [settled, setSettled] = useState<{ index: SearchState['index']; data: SearchQuery } | null>(null);
  useEffect(() => {
    if (query.data) setSettled({ index: state.index, data: query.data });
  }, [query.data, state.index]);
  const data = query.data ?? (settled?.index === state.index ? settled.data : undefined);
  const result = data?.search ?? null;

  const facets = useMemo(() => {
    const byField: Partial<Record<FacetField, FacetValue[]>> = {};
    if (!data) return byField;
    for (const field of facetFieldsOf(state.index)) {
      // Counts of a field without its own filter: the extra search when the answer has one for it
      // (also while the next answer loads), else the main search, where the field was not filtered.
      const source = data[facetAlias(field)]?.facets ?? data.search?.facets;
      byField[field] = source?.find((f) => f.field === field)?.values ?? [];
    }
    return byField;
  }, [data, state.index]);

  return {
    result,
    facets,
    loading: query.loading,
    stale: query.loading && !!data,
    error: query.error ? toAppError(query.error) : null,
    retry: () => void query.refetch().catch(() => undefined),
  };
}
