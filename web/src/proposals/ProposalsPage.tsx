import { PROPOSAL_AUTHOR_ROLES } from '@jianyan/shared';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { toAppError } from '../graphql/errors';
import type { ProposalSummary } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { useProposalLabels } from './labels';
import { hasFilters, parseListParams, toFilter, toSearchParams, toSort, type ListParams } from './listParams';
import { ProposalFilters } from './ProposalFilters';
import { ProposalStatusBadge } from './StatusBadge';
import { useProposalList } from './useProposalList';

/** /proposals: the proposals the user may see, filtered, sorted and paged. */
export function ProposalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('proposals.title'));
  const me = useCurrentUser();
  const canCreate = PROPOSAL_AUTHOR_ROLES.includes(me.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const filter = useMemo(() => toFilter(params, me.id), [params, me.id]);
  const sort = useMemo(() => toSort(params), [params]);
  const list = useProposalList(filter, sort);
  const onChange = useCallback((next: ListParams) => setSearchParams(toSearchParams(next), { replace: true }), [setSearchParams]);

  const nodes = list.connection?.nodes ?? [];
  const filtered = hasFilters(params);

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('proposals.title')}</h1>
          <p className="muted">{t('proposals.intro')}</p>
        </div>
        {canCreate && (
          <Link to="/proposals/new" className="button button-primary" data-testid={TEST_IDS.proposalNew}>
            {t('proposals.new')}
          </Link>
        )}
      </div>

      <ProposalFilters params={params} onChange={onChange} />

      {list.error && !list.connection ? (
        <ErrorNotice error={toAppError(list.error)} title={t('proposals.loadFailed')} onRetry={list.refetch} />
      ) : list.initialLoading ? (
        <Loading label={t('proposals.loading')} />
      ) : nodes.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <p>{t('proposals.emptyFiltered')}</p>
          ) : (
            <>
              <p className="empty-title">{t('proposals.empty')}</p>
              <p>{canCreate ? t('proposals.emptyCanCreate') : t('proposals.emptyReadOnly')}</p>
              {canCreate && (
                <Link to="/proposals/new" className="button button-primary">
                  {t('proposals.new')}
                </Link>
              )}
            </>
          )}
        </EmptyState>
      ) : (
        <>
          {list.error && <ErrorNotice error={toAppError(list.error)} onRetry={list.refetch} />}
          <ul className="proposal-list" data-testid={TEST_IDS.proposalList} aria-label={t('proposals.listLabel')} aria-busy={list.busy}>
            {nodes.map((proposal) => (
              <ProposalRow key={proposal.id} proposal={proposal} />
            ))}
          </ul>
          <nav className="pagination" aria-label={t('proposals.paginationLabel')}>
            <span className="muted">
              {t('proposals.total', { count: list.connection?.totalCount ?? 0 })} · {t('proposals.page', { page: list.page })}
            </span>
            <div className="pagination-buttons">
              <button
                type="button"
                className="button button-small"
                onClick={list.previous}
                disabled={!list.hasPrevious || list.busy}
                data-testid={TEST_IDS.proposalsPrevious}
              >
                {t('proposals.previous')}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={list.next}
                disabled={!list.hasNext || list.busy}
                data-testid={TEST_IDS.proposalsNext}
              >
                {t('proposals.next')}
              </button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}

function ProposalRow({ proposal }: { proposal: ProposalSummary }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const format = useFormat();
  const changed = proposal.lastStatusChange?.occurredAt ?? proposal.createdAt;
  return (
    <li className="proposal-row" data-testid={TEST_IDS.proposalRow} data-proposal-id={proposal.id}>
      <div className="proposal-row-main">
        <h2 className="proposal-row-title">
          <Link to={`/proposals/${proposal.id}`}>{proposal.title}</Link>
        </h2>
        <p className="meta">
          <span>{labels.organization(proposal.district)}</span>
          <span>{t('proposals.yearValue', { year: proposal.year })}</span>
          <span>{t('proposals.leadAuthor', { name: proposal.leadAuthor.displayName })}</span>
          <span>{t('proposals.suggestionCount', { count: proposal.suggestionCount })}</span>
        </p>
        {proposal.topics.length > 0 && (
          <ul className="tags tags-small" aria-label={t('proposal.topics')}>
            {proposal.topics.map((topic) => (
              <li key={topic} className="tag">
                {proposalLabels.topic(topic)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="proposal-row-side">
        <ProposalStatusBadge status={proposal.status} />
        <time className="muted small" dateTime={changed}>
          {t('proposals.statusChanged', { date: format.date(changed) })}
        </time>
      </div>
    </li>
  );
}
