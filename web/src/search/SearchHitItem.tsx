import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { ProposalStatusBadge } from '../proposals/StatusBadge';
import type { SearchHit } from './graphql';
import { isClauseKind, isProposalStatus, isSensitivityLevel, type SearchLabels } from './labels';
import type { SearchIndex } from './params';
import { sanitizeSnippet } from './snippet';
import { SEARCH_TEST_IDS } from './testids';
import { useSearchText } from './useSearchText';

export function hitField(hit: SearchHit, name: string): string | null {
  return hit.fields.find((f) => f.name === name)?.value ?? null;
}

export function hitTitle(hit: SearchHit): string {
  return hitField(hit, 'title') ?? '';
}

/** Where a hit leads: the record, the proposal, or the clause on its program's page (which scrolls to it). */
export function hitHref(hit: SearchHit, index: SearchIndex): string {
  switch (index) {
    case 'evidence':
      return `/evidence/${encodeURIComponent(hit.id)}`;
    case 'proposals':
      return `/proposals/${encodeURIComponent(hit.id)}`;
    case 'clauses': {
      const programId = hitField(hit, 'programId');
      return programId ? `/programs/${encodeURIComponent(programId)}#clause-${encodeURIComponent(hit.id)}` : '/programs';
    }
  }
}

interface SearchHitItemProps {
  hit: SearchHit;
  index: SearchIndex;
  labels: SearchLabels;
  /** Given for evidence hits when the viewer may author proposals: opens the link dialog. */
  onLink?: (hit: SearchHit) => void;
}

/** One hit: its title (link to the record or proposal), the excerpt with the matched words marked, badges. */
export function SearchHitItem({ hit, index, labels, onLink }: SearchHitItemProps) {
  const t = useSearchText();
  const snippet = useMemo(() => sanitizeSnippet(hit.snippet), [hit.snippet]);
  const title = hitTitle(hit) || t('results.untitled');
  const districtId = hitField(hit, 'districtId');
  const href = hitHref(hit, index);
  if (index === 'clauses') return <ClauseHit hit={hit} snippet={snippet} title={title} href={href} labels={labels} />;

  return (
    <li className="search-hit" data-testid={SEARCH_TEST_IDS.hit} data-id={hit.id} data-index={index}>
      <div className="search-hit-head">
        <h3 className="search-hit-title">
          <Link to={href} data-testid={SEARCH_TEST_IDS.hitTitle}>
            {title}
          </Link>
        </h3>
        {onLink && (
          <button
            type="button"
            className="button button-small search-hit-action"
            onClick={() => onLink(hit)}
            aria-label={t('hit.linkToProposalLabel', { title })}
            data-testid={SEARCH_TEST_IDS.linkProposal}
          >
            <svg viewBox="0 0 20 20" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
              <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L9.8 5.2" />
              <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1.2-1.2" />
            </svg>
            {t('hit.linkToProposal')}
          </button>
        )}
      </div>
      {snippet && (
        // sanitizeSnippet keeps nothing but text and <mark>: see snippet.ts
        <p className="search-snippet" data-testid={SEARCH_TEST_IDS.snippet} dangerouslySetInnerHTML={{ __html: snippet }} />
      )}
      <div className="search-hit-meta">{index === 'evidence' ? <EvidenceBadges hit={hit} labels={labels} districtId={districtId} /> : <ProposalBadges hit={hit} labels={labels} districtId={districtId} />}</div>
    </li>
  );
}

/** A clause is short: its number and marked text are the title, its kind and program below. */
function ClauseHit({ hit, snippet, title, href, labels }: { hit: SearchHit; snippet: string; title: string; href: string; labels: SearchLabels }) {
  const t = useSearchText();
  const number = hitField(hit, 'number');
  const kind = hitField(hit, 'kind');
  const programId = hitField(hit, 'programId');
  const programName = hitField(hit, 'programName') ?? (programId ? labels.program(programId) : null);
  return (
    <li className="search-hit" data-testid={SEARCH_TEST_IDS.hit} data-id={hit.id} data-index="clauses">
      <h3 className="search-hit-title">
        <Link to={href} data-testid={SEARCH_TEST_IDS.hitTitle}>
          {number && <span className="search-hit-clause-number">{number}</span>}
          {snippet ? (
            // sanitizeSnippet keeps nothing but text and <mark>: see snippet.ts
            <span className="search-hit-clause-text" data-testid={SEARCH_TEST_IDS.snippet} dangerouslySetInnerHTML={{ __html: snippet }} />
          ) : (
            <span className="search-hit-clause-text">{number && title.startsWith(number) ? title.slice(number.length) : title}</span>
          )}
        </Link>
      </h3>
      <div className="search-hit-meta">
        {isClauseKind(kind) && (
          <span className="badge badge-outline badge-small" title={t('hit.kind', { kind: labels.value('kind', kind) })}>
            {labels.value('kind', kind)}
          </span>
        )}
        {programName && (
          <span className="meta" title={t('hit.program', { name: programName })} data-testid={SEARCH_TEST_IDS.hitProgram} data-program-id={programId ?? undefined}>
            {programName}
          </span>
        )}
      </div>
    </li>
  );
}

interface BadgesProps {
  hit: SearchHit;
  labels: SearchLabels;
  districtId: string | null;
}

function EvidenceBadges({ hit, labels, districtId }: BadgesProps) {
  const t = useSearchText();
  const sensitivity = hitField(hit, 'sensitivity');
  const sourceType = hitField(hit, 'sourceType');
  const dateFrom = hitField(hit, 'dateFrom');
  return (
    <>
      {isSensitivityLevel(sensitivity) && (
        <span className={`badge search-sens search-sens-${sensitivity}`} data-sensitivity={sensitivity} title={t('hit.sensitivity', { level: labels.value('sensitivity', sensitivity) })}>
          {labels.value('sensitivity', sensitivity)}
        </span>
      )}
      <span className="meta">
        {districtId && <span title={t('hit.district', { name: labels.district(districtId) })}>{labels.district(districtId)}</span>}
        {sourceType && <span title={t('hit.sourceType', { type: labels.value('sourceType', sourceType) })}>{labels.value('sourceType', sourceType)}</span>}
        {dateFrom && (
          <span title={t('hit.date', { date: labels.day(dateFrom) })}>
            <time dateTime={dateFrom}>{labels.day(dateFrom)}</time>
          </span>
        )}
      </span>
    </>
  );
}

function ProposalBadges({ hit, labels, districtId }: BadgesProps) {
  const t = useSearchText();
  const status = hitField(hit, 'status');
  const year = hitField(hit, 'year');
  return (
    <>
      {isProposalStatus(status) && <ProposalStatusBadge status={status} />}
      <span className="meta">
        {districtId && <span title={t('hit.district', { name: labels.district(districtId) })}>{labels.district(districtId)}</span>}
        {year && <span>{t('hit.year', { year })}</span>}
      </span>
    </>
  );
}
