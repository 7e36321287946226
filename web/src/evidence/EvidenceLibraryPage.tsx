import { NetworkStatus, useQuery } from '@apollo/client';
import { EVIDENCE_STATUSES, type EvidenceStatus } from '@jianyan/shared';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { EVIDENCE_FACETS_QUERY, EVIDENCE_LIST_QUERY, type EvidenceSummary } from '../graphql/evidence';
import { toAppError } from '../graphql/errors';
import { useLabels } from '../i18n/labels';
import { useDistricts } from '../proposals/districts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { LibrarySelectionBar, SelectRecord } from './BulkPublish';
import { ExportButtons } from './ExportButtons';
import { FacetPanel } from './FacetPanel';
import { useEvidenceLabels } from './labels';
import {
  EMPTY_LIBRARY_PARAMS,
  hasLibraryFilters,
  parseLibraryParams,
  toEvidenceFilter,
  toLibrarySearch,
  type LibraryParams,
} from './libraryParams';
import { canRecordEvidence } from './permissions';
import { SensitivityBadges } from './SensitivityBadge';
import { useCursorPages } from './useCursorPages';
import './evidence.css';

export const EVIDENCE_PAGE_SIZE = 20;
/** Typing waits this long before the list reloads. */
const TYPING_DELAY_MS = 300;

/** /evidence: the evidence the user is cleared for, searched and filtered by facets, paged. */
export function EvidenceLibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('evidenceList.title'));
  const me = useCurrentUser();
  const canRecord = canRecordEvidence(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseLibraryParams(searchParams), [searchParams]);
  const filter = useMemo(() => toEvidenceFilter(params), [params]);
  const onChange = useCallback((next: LibraryParams) => setSearchParams(toLibrarySearch(next), { replace: true }), [setSearchParams]);

  const key = JSON.stringify(filter);
  const pages = useCursorPages(key);
  const list = useQuery(EVIDENCE_LIST_QUERY, {
    variables: { first: EVIDENCE_PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  const facets = useQuery(EVIDENCE_FACETS_QUERY, { variables: { filter }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });

  const connection = (list.data ?? list.previousData)?.evidenceList ?? null;
  const nodes = connection?.nodes ?? [];
  const busy = list.loading || list.networkStatus === NetworkStatus.refetch;
  const endCursor = list.data?.evidenceList.pageInfo.endCursor ?? null;
  const hasNext = Boolean(list.data?.evidenceList.pageInfo.hasNextPage && endCursor);
  const filtered = hasLibraryFilters(params);
  // Filtered to drafts, the records the viewer may publish can be selected and published at once.
  const selecting = canRecord && params.status === 'draft';
  const selectable = selecting ? nodes.filter((e) => e.viewerCanManage && e.status === 'draft') : [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => setSelected(new Set()), [key]);
  const toggle = (id: string) => setSelected((current) => new Set(current.has(id) ? [...current].filter((x) => x !== id) : [...current, id]));

  return (
    <div className="stack evidence-library">
      <div className="page-header">
        <div>
          <h1>{t('evidenceList.title')}</h1>
          <p className="muted">{t('evidenceList.intro')}</p>
        </div>
        {canRecord && (
          <div className="page-actions">
            <Link to="/evidence/import" className="button" data-testid={TEST_IDS.evidenceImport}>
              {t('evidenceList.import')}
            </Link>
            <Link to="/evidence/new" className="button button-primary" data-testid={TEST_IDS.evidenceNew}>
              {t('evidenceList.new')}
            </Link>
          </div>
        )}
      </div>

      <div className="library-layout">
        <aside className="library-aside" aria-label={t('evidenceList.facetsLabel')}>
          {facets.error && !facets.data ? (
            <ErrorNotice error={toAppError(facets.error)} title={t('evidenceList.facetsFailed')} onRetry={() => void facets.refetch().catch(() => undefined)} />
          ) : (
            <FacetPanel facets={(facets.data ?? facets.previousData)?.evidenceFacets ?? null} params={params} onChange={onChange} />
          )}
        </aside>

        <div className="library-main">
          <SearchBar params={params} onChange={onChange} />

          <div className="results-bar">
            <p className="muted" aria-live="polite">
              {connection ? t('evidenceList.total', { count: connection.totalCount }) : '\u00a0'}
            </p>
            <div className="page-actions">
              {canRecord && !selecting && (
                <button type="button" className="button button-small" onClick={() => onChange({ ...params, status: 'draft' })} data-testid={TEST_IDS.bulkPublishDrafts}>
                  {t('evidenceBulk.showDrafts')}
                </button>
              )}
              <ExportButtons filter={filter} />
            </div>
          </div>
          {selecting && <LibrarySelectionBar selectable={selectable} selected={selected} onChange={setSelected} />}

          {list.error && !connection ? (
            <ErrorNotice error={toAppError(list.error)} title={t('evidenceList.loadFailed')} onRetry={() => void list.refetch().catch(() => undefined)} />
          ) : !connection ? (
            <Loading label={t('evidenceList.loading')} />
          ) : nodes.length === 0 ? (
            <EmptyState>
              {filtered ? (
                <>
                  <p className="empty-title">{t('evidenceList.emptyFiltered')}</p>
                  <p>{t('evidenceList.emptyFilteredHint')}</p>
                  <button type="button" className="button" onClick={() => onChange(EMPTY_LIBRARY_PARAMS)}>
                    {t('evidenceList.clearFilters')}
                  </button>
                </>
              ) : (
                <>
                  <p className="empty-title">{t('evidenceList.empty')}</p>
                  {canRecord && (
                    <>
                      <p>{t('evidenceList.emptyCanCreate')}</p>
                      <Link to="/evidence/new" className="button button-primary">
                        {t('evidenceList.new')}
                      </Link>
                    </>
                  )}
                </>
              )}
              {/* The (empty) list stays in the page, so that "no results" can be told from "still loading". */}
              <ul className="visually-hidden" data-testid={TEST_IDS.evidenceList} data-count={0} aria-hidden="true" />
            </EmptyState>
          ) : (
            <>
              {list.error && <ErrorNotice error={toAppError(list.error)} onRetry={() => void list.refetch().catch(() => undefined)} />}
              <ul className="evidence-list" data-testid={TEST_IDS.evidenceList} data-count={nodes.length} aria-label={t('evidenceList.listLabel')} aria-busy={busy}>
                {nodes.map((evidence) => (
                  <EvidenceRow
                    key={evidence.id}
                    evidence={evidence}
                    selection={selectable.includes(evidence) ? { checked: selected.has(evidence.id), onToggle: () => toggle(evidence.id) } : undefined}
                  />
                ))}
              </ul>
              {(pages.hasPrevious || hasNext) && (
                <nav className="pagination" aria-label={t('evidenceList.paginationLabel')}>
                  <span className="muted">{t('evidenceList.page', { page: pages.page })}</span>
                  <div className="pagination-buttons">
                    <button type="button" className="button button-small" onClick={pages.previous} disabled={!pages.hasPrevious || busy}>
                      {t('evidenceList.previous')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => pages.next(endCursor)} disabled={!hasNext || busy}>
                      {t('evidenceList.next')}
                    </button>
                  </div>
                </nav>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/** Words, period and status. Words apply after a pause in typing; the rest at once. */
function SearchBar({ params, onChange }: { params: LibraryParams; onChange: (params: LibraryParams) => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const id = useId();
  const [text, setText] = useState(params.text);
  const sent = useRef(params.text);

  // The address changed from elsewhere (back button, "clear filters"): show what it says.
  useEffect(() => {
    if (params.text !== sent.current) {
      sent.current = params.text;
      setText(params.text);
    }
  }, [params.text]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      onChange({ ...params, text });
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, params, onChange]);

  const set =
    <K extends keyof LibraryParams>(field: K) =>
    (value: LibraryParams[K]) =>
      onChange({ ...params, [field]: value });

  return (
    <section role="search" className="card filters library-search" aria-label={t('evidenceList.filtersLabel')}>
      <div className="library-search-grid">
        <div className="field library-search-text">
          <label htmlFor={`${id}-q`} className="field-label">
            {t('evidenceList.searchLabel')}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={text}
            placeholder={t('evidenceList.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
            data-testid={TEST_IDS.evidenceFilterText}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('evidenceList.from')}
          </label>
          <input id={`${id}-from`} type="date" className="input" value={params.from} max={params.to || undefined} onChange={(e) => set('from')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('evidenceList.to')}
          </label>
          <input id={`${id}-to`} type="date" className="input" value={params.to} min={params.from || undefined} onChange={(e) => set('to')(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`} className="field-label">
            {t('evidenceList.status')}
          </label>
          <select id={`${id}-status`} className="input" value={params.status} onChange={(e) => set('status')(e.target.value as EvidenceStatus | '')}>
            <option value="">{t('evidenceList.allStatuses')}</option>
            {EVIDENCE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {labels.status(status)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {hasLibraryFilters(params) && (
        <div className="filters-bar">
          <ActiveFilters params={params} onChange={onChange} />
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => {
              setText('');
              onChange(EMPTY_LIBRARY_PARAMS);
            }}
          >
            {t('evidenceList.clearFilters')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The facet filters in force, each removable. */
function ActiveFilters({ params, onChange }: { params: LibraryParams; onChange: (params: LibraryParams) => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const districtName = useDistrictName();
  const chips: { key: keyof LibraryParams; label: string }[] = [];
  if (params.sensitivity) chips.push({ key: 'sensitivity', label: labels.sensitivity(params.sensitivity) });
  if (params.districtId) chips.push({ key: 'districtId', label: districtName(params.districtId, orgLabels.organization) });
  if (params.population) chips.push({ key: 'population', label: labels.population(params.population) });
  if (params.sourceType) chips.push({ key: 'sourceType', label: labels.sourceType(params.sourceType) });
  if (params.theme) chips.push({ key: 'theme', label: labels.theme(params.theme) });
  if (chips.length === 0) return <span />;
  return (
    <ul className="tags" aria-label={t('evidenceList.facetsLabel')}>
      {chips.map((chip) => (
        <li key={chip.key} className="tag tag-active">
          <span>{chip.label}</span>
          <button type="button" className="tag-remove" aria-label={t('evidenceList.removeFilter', { label: chip.label })} onClick={() => onChange({ ...params, [chip.key]: '' })}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The name of a district from the organisations already loaded (falls back to the id). */
function useDistrictName() {
  const { districts } = useDistricts();
  return (id: string, label: (o: { name: string; nameEn: string }) => string) => {
    const district = districts.find((d) => d.id === id);
    return district ? label(district) : id;
  };
}

/** One record: title (link), badges, where / when / what, an excerpt of the narrative as served, tags. */
function EvidenceRow({ evidence, selection }: { evidence: EvidenceSummary; selection?: { checked: boolean; onToggle: () => void } }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const place = [evidence.district ? orgLabels.organization(evidence.district) : null, evidence.town, evidence.community].filter(Boolean).join(' ');
  return (
    <li className="evidence-row" data-testid={TEST_IDS.evidenceRow} data-evidence-id={evidence.id}>
      <div className="evidence-row-head">
        {selection && <SelectRecord title={evidence.title} checked={selection.checked} onToggle={selection.onToggle} />}
        <h2 className="evidence-row-title">
          <Link to={`/evidence/${evidence.id}`}>{evidence.title}</Link>
        </h2>
        <div className="evidence-row-badges">
          {evidence.status !== 'published' && <span className={`badge status-${evidence.status}`}>{labels.status(evidence.status)}</span>}
          <SensitivityBadges record={evidence} compact />
        </div>
      </div>
      <p className="meta">
        <span>{labels.sourceType(evidence.sourceType)}</span>
        <span>{labels.period(evidence.dateFrom, evidence.dateTo)}</span>
        {place && <span>{place}</span>}
        <span>{t('evidence.contributor', { name: evidence.contributor.displayName })}</span>
      </p>
      {evidence.narrative && <p className="evidence-excerpt">{evidence.narrative}</p>}
      <div className="evidence-row-foot">
        {(evidence.populations.length > 0 || evidence.themes.length > 0) && (
          <ul className="tags tags-small">
            {evidence.populations.map((p) => (
              <li key={`p-${p}`} className="tag tag-population">
                {labels.population(p)}
              </li>
            ))}
            {evidence.themes.map((theme) => (
              <li key={`t-${theme}`} className="tag">
                {labels.theme(theme)}
              </li>
            ))}
          </ul>
        )}
        {evidence.piiCount > 0 && (
          <span className="pii-count small" title={evidence.rawContent ? t('evidence.piiRawHint') : undefined}>
            {evidence.rawContent ? t('evidence.piiRaw', { count: evidence.piiCount }) : t('evidence.piiMasked', { count: evidence.piiCount })}
          </span>
        )}
      </div>
    </li>
  );
}
