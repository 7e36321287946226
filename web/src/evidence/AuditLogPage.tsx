import { NetworkStatus, useQuery } from '@apollo/client';
import { EVIDENCE_AUDIT_ACTIONS } from '@jianyan/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { AUDIT_LOG_QUERY, type AuditEntry, type AuditLogFilter } from '../graphql/evidence';
import { toAppError } from '../graphql/errors';
import type { PersonSummary } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { useEvidenceLabels } from './labels';
import { PersonPicker } from './PersonPicker';
import { useCursorPages } from './useCursorPages';
import './evidence.css';

const PAGE_SIZE = 50;
const TYPING_DELAY_MS = 300;
const ACTIONS = Object.values(EVIDENCE_AUDIT_ACTIONS);
const ENTITY_TYPES = ['evidence', 'evidence_export', 'evidence_import'] as const;
type EntityType = (typeof ENTITY_TYPES)[number];

interface AuditFilters {
  action: string;
  actor: PersonSummary | null;
  entityId: string;
  /** YYYY-MM-DD, days in China time */
  from: string;
  to: string;
}

const EMPTY: AuditFilters = { action: '', actor: null, entityId: '', from: '', to: '' };

/** A day in China (UTC+8) as the moment it starts or ends. */
function chinaDay(day: string, end: boolean): string | null {
  if (!day) return null;
  const moment = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00`);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}

/** /admin/audit: the append-only audit log of the organisations the administrator manages, newest first. */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [filters, setFilters] = useState<AuditFilters>(EMPTY);
  const [entityDraft, setEntityDraft] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.entityId === entityDraft.trim() ? f : { ...f, entityId: entityDraft.trim() })), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [entityDraft]);

  const filter = useMemo<AuditLogFilter>(
    () => ({
      action: filters.action || null,
      actorId: filters.actor?.id ?? null,
      entityId: filters.entityId || null,
      from: chinaDay(filters.from, false),
      to: chinaDay(filters.to, true),
    }),
    [filters],
  );
  const pages = useCursorPages(JSON.stringify(filter));
  const query = useQuery(AUDIT_LOG_QUERY, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  const connection = (query.data ?? query.previousData)?.auditLog ?? null;
  const busy = query.loading || query.networkStatus === NetworkStatus.refetch;
  const endCursor = query.data?.auditLog.pageInfo.endCursor ?? null;
  const hasNext = Boolean(query.data?.auditLog.pageInfo.hasNextPage && endCursor);
  const filtered = Boolean(filters.action || filters.actor || filters.entityId || filters.from || filters.to);

  return (
    <div className="stack audit-page">
      <div className="page-header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="muted">{t('audit.intro')}</p>
        </div>
      </div>

      <AuditFiltersBar
        filters={filters}
        entityDraft={entityDraft}
        onEntityDraft={setEntityDraft}
        onChange={setFilters}
        onClear={
          filtered
            ? () => {
                setFilters(EMPTY);
                setEntityDraft('');
              }
            : undefined
        }
      />

      {query.error && !connection ? (
        <ErrorNotice error={toAppError(query.error)} title={t('audit.loadFailed')} onRetry={() => void query.refetch().catch(() => undefined)} />
      ) : !connection ? (
        <Loading label={t('audit.loading')} />
      ) : connection.nodes.length === 0 ? (
        <EmptyState>
          <p>{t('audit.empty')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table audit-table" data-testid={TEST_IDS.auditTable} aria-busy={busy}>
              <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.colTime')}</th>
                  <th scope="col">{t('audit.colAction')}</th>
                  <th scope="col">{t('audit.colActor')}</th>
                  <th scope="col">{t('audit.colEntity')}</th>
                  <th scope="col">{t('audit.colDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {connection.nodes.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pagination pagination-after-table" aria-label={t('audit.paginationLabel')}>
            <span className="muted">
              {t('audit.total', { count: connection.totalCount })} · {t('audit.page', { page: pages.page })}
            </span>
            <div className="pagination-buttons">
              <button type="button" className="button button-small" onClick={pages.previous} disabled={!pages.hasPrevious || busy}>
                {t('audit.previous')}
              </button>
              <button type="button" className="button button-small" onClick={() => pages.next(endCursor)} disabled={!hasNext || busy}>
                {t('audit.next')}
              </button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}

interface AuditFiltersBarProps {
  filters: AuditFilters;
  entityDraft: string;
  onEntityDraft: (value: string) => void;
  onChange: (filters: AuditFilters) => void;
  onClear?: () => void;
}

function AuditFiltersBar({ filters, entityDraft, onEntityDraft, onChange, onClear }: AuditFiltersBarProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const id = useId();
  return (
    <section role="search" className="card filters" aria-label={t('audit.filtersLabel')}>
      <div className="audit-filters-grid">
        <div className="field">
          <label htmlFor={`${id}-action`} className="field-label">
            {t('audit.action')}
          </label>
          <select id={`${id}-action`} className="input" value={filters.action} onChange={(event) => onChange({ ...filters, action: event.target.value })}>
            <option value="">{t('audit.allActions')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {labels.auditAction(action)}
              </option>
            ))}
          </select>
        </div>
        <PersonPicker
          label={t('audit.actor')}
          placeholder={t('audit.actorSearchPlaceholder')}
          value={filters.actor}
          onChange={(actor) => onChange({ ...filters, actor })}
          noResults={t('audit.actorNoResults')}
          clearLabel={t('audit.actorClear')}
          compact
        />
        <div className="field">
          <label htmlFor={`${id}-entity`} className="field-label">
            {t('audit.entityId')}
          </label>
          <input
            id={`${id}-entity`}
            type="search"
            className="input"
            value={entityDraft}
            placeholder={t('audit.entityIdPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onEntityDraft(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('audit.from')}
          </label>
          <input id={`${id}-from`} type="date" className="input" value={filters.from} max={filters.to || undefined} onChange={(event) => onChange({ ...filters, from: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('audit.to')}
          </label>
          <input id={`${id}-to`} type="date" className="input" value={filters.to} min={filters.from || undefined} onChange={(event) => onChange({ ...filters, to: event.target.value })} />
        </div>
      </div>
      {onClear && (
        <div className="filters-bar filters-bar-end">
          <button type="button" className="button button-ghost button-small" onClick={onClear}>
            {t('audit.clearFilters')}
          </button>
        </div>
      )}
    </section>
  );
}

/** "via: graphql", "from: public", "to: internal": the details, one level deep. */
function detailPairs(details: string): [string, string][] {
  try {
    const parsed = JSON.parse(details) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed as Record<string, unknown>)
      .filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([key, value]) => [key, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)]);
  } catch {
    return [];
  }
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const pairs = detailPairs(entry.details);
  const entityType = ENTITY_TYPES.includes(entry.entityType as EntityType) ? t(`audit.entityTypes.${entry.entityType as EntityType}`) : entry.entityType;
  return (
    <tr data-testid={TEST_IDS.auditRow} data-action={entry.action}>
      <td className="cell-ltr">
        <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
      </td>
      <td>
        <span className={`badge audit-action audit-action-${entry.action.replace(/\W/g, '-')}`}>{labels.auditAction(entry.action)}</span>
      </td>
      <td>
        <span className="audit-actor">{entry.actor.displayName}</span>
        <span className="muted small"> · {orgLabels.role(entry.actor.role)}</span>
      </td>
      <td className="audit-entity">
        <span className="muted small">{entityType}</span>
        {entry.entityId &&
          (entry.entityType === 'evidence' ? (
            <Link to={`/evidence/${entry.entityId}`} className="audit-entity-id">
              {entry.entityId.slice(0, 8)}
            </Link>
          ) : (
            <code className="audit-entity-id">{entry.entityId.slice(0, 8)}</code>
          ))}
      </td>
      <td className="audit-details">
        {pairs.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <details>
            <summary>{pairs.slice(0, 2).map(([key, value]) => `${key}: ${value.length > 24 ? `${value.slice(0, 24)}…` : value}`).join(' · ')}</summary>
            <dl className="audit-detail-list">
              {pairs.map(([key, value]) => (
                <div key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </td>
    </tr>
  );
}
