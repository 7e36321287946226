import type { AppError } from '../graphql/errors';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import type { SearchHit, SearchResult } from './graphql';
import type { SearchLabels } from './labels';
import { PAGE_MAX, PAGE_SIZE, SEARCH_INDEXES, hasFilters, type SearchIndex, type SearchState } from './params';
import { SearchHitItem } from './SearchHitItem';
import { SEARCH_TEST_IDS } from './testids';
import { useSearchText } from './useSearchText';

/** Words to try, per index, shown when nothing is found. */
const EXAMPLES: Record<SearchIndex, readonly string[]> = {
  evidence: ['流动妇女', '职业技能培训', '校园社工', '课后托管', '晋安区'],
  proposals: ['政府购买服务', '流动妇女', '流动儿童', '校园社工站'],
  clauses: ['政府购买服务', '流动妇女', '职业技能培训', '家长学校', '儿童之家'],
};

const BROWSE_NOTES = { evidence: 'results.browseEvidence', proposals: 'results.browseProposals', clauses: 'results.browseClauses' } as const;

interface SearchResultsProps {
  state: SearchState;
  result: SearchResult | null;
  loading: boolean;
  stale: boolean;
  error: AppError | null;
  labels: SearchLabels;
  onRetry: () => void;
  onPage: (page: number) => void;
  onText: (text: string) => void;
  onIndex: (index: SearchIndex) => void;
  onClearFilters: () => void;
  onLink?: (hit: SearchHit) => void;
}

export function SearchResults(props: SearchResultsProps) {
  const { state, result, loading, stale, error, labels, onRetry, onPage, onLink } = props;
  const t = useSearchText();

  if (error) {
    return (
      <div data-testid={SEARCH_TEST_IDS.error}>
        <ErrorNotice error={error} title={t('results.failed')} onRetry={onRetry} />
      </div>
    );
  }
  if (!result) return <Loading label={t('results.loading')} />;

  const words = state.q.trim();
  const pages = Math.min(PAGE_MAX, Math.max(1, Math.ceil(result.total / PAGE_SIZE)));
  const count = words
    ? t(result.total === 1 ? 'results.one' : 'results.other', { count: result.total })
    : t(result.total === 1 ? 'results.allOne' : 'results.allOther', { count: result.total });

  return (
    <div className="search-results-region">
      <div className="search-results-bar">
        <p className="search-total" data-testid={SEARCH_TEST_IDS.total} data-total={result.total} aria-live="polite" aria-atomic="true">
          <strong>{count}</strong>
        </p>
        {loading && (
          <span className="search-updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {stale ? t('results.updating') : t('results.loading')}
          </span>
        )}
      </div>
      {!words && result.total > 0 && state.page === 1 && (
        <p className="search-browse-note">{t(BROWSE_NOTES[state.index])}</p>
      )}

      {result.hits.length === 0 ? (
        result.total > 0 ? (
          <div className="empty-state search-empty" data-testid={SEARCH_TEST_IDS.empty}>
            <p className="empty-title">{t('empty.pageOut')}</p>
            <button type="button" className="button" onClick={() => onPage(1)}>
              {t('empty.firstPage')}
            </button>
          </div>
        ) : (
          <EmptyState {...props} />
        )
      ) : (
        <>
          <h2 className="visually-hidden">{t('results.label')}</h2>
          <ul className="search-results" data-testid={SEARCH_TEST_IDS.results} data-count={result.hits.length} aria-label={t('results.label')} aria-busy={loading}>
            {result.hits.map((hit) => (
              <SearchHitItem key={hit.id} hit={hit} index={state.index} labels={labels} onLink={state.index === 'evidence' ? onLink : undefined} />
            ))}
          </ul>
        </>
      )}

      {pages > 1 && result.hits.length > 0 && (
        <nav className="search-pagination" aria-label={t('pagination.label')}>
          <button type="button" className="button button-small" onClick={() => onPage(state.page - 1)} disabled={state.page <= 1} data-testid={SEARCH_TEST_IDS.pagePrevious}>
            {t('pagination.previous')}
          </button>
          <span className="search-pagination-info">{t('pagination.page', { page: state.page, pages })}</span>
          <button type="button" className="button button-small" onClick={() => onPage(state.page + 1)} disabled={state.page >= pages} data-testid={SEARCH_TEST_IDS.pageNext}>
            {t('pagination.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

/** Nothing found: what to try next. */
function EmptyState({ state, onText, onIndex, onClearFilters }: SearchResultsProps) {
  const t = useSearchText();
  const words = state.q.trim();
  const scope = t(`box.${state.index}`);
  const others = SEARCH_INDEXES.filter((index) => index !== state.index);
  const otherScopes = others.map((index) => t(`box.${index}`));
  const otherScope = otherScopes.length === 2 ? t('empty.scopeOr', { first: otherScopes[0], second: otherScopes[1] }) : otherScopes.join('、');
  const filtered = hasFilters(state);
  return (
    <div className="empty-state search-empty" data-testid={SEARCH_TEST_IDS.empty}>
      <p className="empty-title">{words ? t('empty.title', { q: words, scope }) : t('empty.titleNoQuery', { scope })}</p>
      <p>{t('empty.tips')}</p>
      <ul className="search-empty-tips">
        {words && <li>{t('empty.tipShorter')}</li>}
        {filtered && <li>{t('empty.tipFilters')}</li>}
        {words && <li>{t('empty.tipOtherIndex', { scope: otherScope })}</li>}
        {state.index === 'evidence' && <li>{t('empty.tipRestricted')}</li>}
      </ul>
      <div className="search-empty-actions">
        {filtered && (
          <button type="button" className="button" onClick={onClearFilters}>
            {t('empty.clearFilters')}
          </button>
        )}
        {words &&
          others.map((other, i) => (
            <button key={other} type="button" className="button" onClick={() => onIndex(other)}>
              {t('empty.switchTo', { scope: otherScopes[i] })}
            </button>
          ))}
      </div>
      <p className="search-examples">
        <span>{t('empty.examples')}</span>
        {EXAMPLES[state.index].map((example) => (
          <button key={example} type="button" className="search-example" onClick={() => onText(example)}>
            {example}
          </button>
        ))}
      </p>
    </div>
  );
}
