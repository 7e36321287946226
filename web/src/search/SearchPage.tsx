import { PROPOSAL_AUTHOR_ROLES } from '@jianyan/shared';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { FacetPanel } from './FacetPanel';
import type { SearchHit } from './graphql';
import { useSearchLabels } from './labels';
import { LinkToProposalDialog, type LinkedNotice } from './LinkToProposalDialog';
import {
  parseSearchState,
  serializeSearchState,
  toggleFilter,
  withIndex,
  withText,
  withoutFilters,
  type FacetField,
  type SearchIndex,
  type SearchState,
} from './params';
import { SearchBox } from './SearchBox';
import { hitTitle } from './SearchHitItem';
import { SearchResults } from './SearchResults';
import { SEARCH_TEST_IDS } from './testids';
import { useSearch } from './useSearch';
import { useSearchText } from './useSearchText';
import './search.css';

/**
 * 检索 /search: words and facets over the evidence or the proposals the caller is cleared to see
 * (the API applies her permissions inside the engine), or over the development program clauses. The state lives in the address, so a
 * search can be shared, bookmarked and revisited with "back".
 */
export function SearchPage() {
  const t = useSearchText();
  usePageTitle(t('title'));
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearchState(params), [params]);
  const search = useSearch(state);
  const labels = useSearchLabels(state.index, search.result?.hits);
  const resultsRef = useRef<HTMLDivElement>(null);

  /** Moves to the next state; typing replaces the history entry, choices add one. */
  const update = useCallback(
    (next: (current: SearchState) => SearchState, replace = false) =>
      setParams((current) => serializeSearchState(next(parseSearchState(current))), { replace }),
    [setParams],
  );

  const onSearch = useCallback((text: string) => update((s) => withText(s, text), true), [update]);
  const onText = useCallback((text: string) => update((s) => withText(s, text)), [update]);
  const onIndex = useCallback((index: SearchIndex) => update((s) => withIndex(s, index)), [update]);
  const onToggle = useCallback((field: FacetField, value: string) => update((s) => toggleFilter(s, field, value)), [update]);
  const onClearFilters = useCallback(() => update(withoutFilters), [update]);
  const onPage = useCallback(
    (page: number) => {
      update((s) => ({ ...s, page: Math.max(1, page) }));
      resultsRef.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    },
    [update],
  );

  const canLink = (PROPOSAL_AUTHOR_ROLES as readonly string[]).includes(user.role);
  const [linking, setLinking] = useState<{ id: string; title: string } | null>(null);
  const [linked, setLinked] = useState<LinkedNotice | null>(null);
  const onLink = useCallback((hit: SearchHit) => setLinking({ id: hit.id, title: hitTitle(hit) }), []);

  return (
    <div className="stack search-page">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted search-intro">{t('intro')}</p>
        </div>
      </div>

      <SearchBox value={state.q} index={state.index} onSearch={onSearch} onIndexChange={onIndex} />

      {linked && (
        <div className="notice notice-success search-link-notice" role="status" data-testid={SEARCH_TEST_IDS.linkNotice}>
          <p className="notice-message">
            {linked.suggestion
              ? t('link.successSuggestion', { title: linked.proposal.title, number: linked.suggestion.number })
              : t('link.success', { title: linked.proposal.title })}
          </p>
          <div className="search-link-notice-actions">
            <Link to={`/proposals/${encodeURIComponent(linked.proposal.id)}`} className="button button-small">
              {t('link.open')}
            </Link>
            <button type="button" className="button button-ghost button-small" onClick={() => setLinked(null)}>
              {t('link.dismiss')}
            </button>
          </div>
        </div>
      )}

      <div className="search-layout" ref={resultsRef}>
        <aside className="search-aside">
          <FacetPanel state={state} facets={search.facets} labels={labels} ready={search.result !== null} busy={search.loading} onToggle={onToggle} onClear={onClearFilters} />
        </aside>
        <div className="search-main">
          <ActiveFilters state={state} labels={labels} onToggle={onToggle} />
          <SearchResults
            state={state}
            result={search.result}
            loading={search.loading}
            stale={search.stale}
            error={search.error}
            labels={labels}
            onRetry={search.retry}
            onPage={onPage}
            onText={onText}
            onIndex={onIndex}
            onClearFilters={onClearFilters}
            onLink={canLink ? onLink : undefined}
          />
        </div>
      </div>

      <LinkToProposalDialog
        evidence={linking}
        onClose={() => setLinking(null)}
        onLinked={(notice) => {
          setLinking(null);
          setLinked(notice);
        }}
      />
    </div>
  );
}

interface ActiveFiltersProps {
  state: SearchState;
  labels: ReturnType<typeof useSearchLabels>;
  onToggle: (field: FacetField, value: string) => void;
}

/** The chosen filters as removable chips above the results. */
function ActiveFilters({ state, labels, onToggle }: ActiveFiltersProps) {
  const t = useSearchText();
  const chips = (Object.entries(state.filters) as [FacetField, string[]][]).flatMap(([field, values]) => values.map((value) => ({ field, value })));
  if (chips.length === 0) return null;
  return (
    <div className="search-active">
      <span className="search-active-label">{t('facets.active')}</span>
      <ul className="search-active-list">
        {chips.map(({ field, value }) => {
          const label = labels.value(field, value);
          return (
            <li key={`${field}:${value}`} className="search-chip">
              <span className="search-chip-field">{t(`facets.fields.${field}`)}</span>
              <span>{label}</span>
              <button type="button" className="search-chip-remove" aria-label={t('facets.remove', { label })} onClick={() => onToggle(field, value)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
