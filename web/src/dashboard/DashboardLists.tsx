import { SUGGESTION_STATUS_LABELS, type SuggestionStatus } from '@jianyan/shared';
import { Link } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import type { AdoptionChain, Dashboard } from './graphql';
import { DASHBOARD_TEST_IDS } from './testids';
import type { DashboardText } from './useDashboardText';

/** Where a clause is shown in its program's tree (the programs pages). */
export const clausePath = (programId: string, clauseId: string) => `/programs/${programId}#clause-${clauseId}`;

function statusLabel(status: string, isEnglish: boolean): string {
  const labels = SUGGESTION_STATUS_LABELS[status as SuggestionStatus];
  return labels ? (isEnglish ? labels.en : labels.zh) : status;
}

/** Suggestions waiting more than three months for an answer, longest first, each linking to its proposal. */
export function AwaitingList({ awaiting, t }: { awaiting: Dashboard['awaiting']; t: DashboardText }) {
  const format = useFormat();
  return (
    <section className="card dashboard-section" aria-labelledby="dashboard-awaiting-title">
      <h2 id="dashboard-awaiting-title">{t('awaiting.title')}</h2>
      {awaiting.length === 0 ? (
        <p className="muted">{t('awaiting.empty')}</p>
      ) : (
        <table className="dashboard-table dashboard-table-wide" data-testid={DASHBOARD_TEST_IDS.awaiting}>
          <thead>
            <tr>
              <th scope="col">{t('awaiting.suggestion')}</th>
              <th scope="col">{t('awaiting.proposal')}</th>
              <th scope="col">{t('awaiting.submittedOn')}</th>
              <th scope="col">{t('awaiting.days')}</th>
            </tr>
          </thead>
          <tbody>
            {awaiting.map(({ suggestion, submittedOn, daysWaiting }) => (
              <tr key={suggestion.id} data-testid={DASHBOARD_TEST_IDS.awaitingItem} data-suggestion-id={suggestion.id}>
                <td>{t('adopted.suggestionLabel', { number: suggestion.number, title: suggestion.title })}</td>
                <td>
                  <Link to={`/proposals/${suggestion.proposal.id}`}>{suggestion.proposal.title}</Link>
                  <span className="muted"> · {suggestion.proposal.districtName}</span>
                </td>
                <td>{format.day(submittedOn)}</td>
                <td>{t('awaiting.daysValue', { days: daysWaiting })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Chain({ chain, isEnglish, t }: { chain: AdoptionChain; isEnglish: boolean; t: DashboardText }) {
  const format = useFormat();
  const { suggestion } = chain;
  return (
    <li className="dashboard-chain" data-testid={DASHBOARD_TEST_IDS.adoption} data-suggestion-id={suggestion.id}>
      <div className="dashboard-chain-step">
        <span className="dashboard-chain-label">{t('adopted.evidence')}</span>
        {chain.evidence.length === 0 ? (
          <span className="muted">{t('adopted.noEvidence')}</span>
        ) : (
          <ul className="dashboard-chain-evidence">
            {chain.evidence.map((evidence) => (
              <li key={evidence.id}>
                <Link to={`/evidence/${evidence.id}`} data-testid={DASHBOARD_TEST_IDS.chainEvidence} data-evidence-id={evidence.id}>
                  {evidence.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <span className="dashboard-chain-arrow" aria-hidden="true">
        →
      </span>
      <div className="dashboard-chain-step">
        <span className="dashboard-chain-label">{t('adopted.suggestion')}</span>
        <Link to={`/proposals/${suggestion.proposal.id}`} data-testid={DASHBOARD_TEST_IDS.chainSuggestion}>
          {t('adopted.suggestionLabel', { number: suggestion.number, title: suggestion.title })}
        </Link>
        <span className="muted">
          {suggestion.proposal.title} · {suggestion.proposal.districtName} · {suggestion.proposal.year}
        </span>
      </div>
      <span className="dashboard-chain-arrow" aria-hidden="true">
        →
      </span>
      <div className="dashboard-chain-step">
        <span className="dashboard-chain-label">{t('adopted.clause')}</span>
        <ul className="dashboard-chain-clauses">
          {chain.adoptions.map((adoption) => (
            <li key={adoption.id}>
              <span className="badge">{statusLabel(adoption.status, isEnglish)}</span>{' '}
              {adoption.clause ? (
                <Link to={clausePath(adoption.clause.programId, adoption.clause.id)} data-testid={DASHBOARD_TEST_IDS.chainClause} data-clause-id={adoption.clause.id}>
                  {adoption.clause.programName} {adoption.clause.path ? `${adoption.clause.path} › ` : ''}
                  {adoption.clause.number}
                  {adoption.clause.text}
                </Link>
              ) : (
                <span>{t('adopted.otherTarget')}</span>
              )}{' '}
              <span className="muted">{format.day(adoption.decidedOn)}</span>
            </li>
          ))}
        </ul>
        {chain.firstAdoptedOn && (
          <span className="muted">
            {t('adopted.adoptedOn', { date: format.day(chain.firstAdoptedOn) })}
            {chain.daysToAdoption !== null && ` · ${t('adopted.daysToAdoption', { days: chain.daysToAdoption })}`}
          </span>
        )}
      </div>
    </li>
  );
}

/** Adopted suggestions, latest first, each as evidence → suggestion → clause with every step a link. */
export function AdoptionChains({ adopted, isEnglish, t }: { adopted: AdoptionChain[]; isEnglish: boolean; t: DashboardText }) {
  return (
    <section className="card dashboard-section" aria-labelledby="dashboard-adopted-title">
      <h2 id="dashboard-adopted-title">{t('adopted.title')}</h2>
      <p className="muted">{t('adopted.intro')}</p>
      {adopted.length === 0 ? (
        <p className="muted">{t('adopted.empty')}</p>
      ) : (
        <ul className="dashboard-chains">
          {adopted.map((chain) => (
            <Chain key={chain.suggestion.id} chain={chain} isEnglish={isEnglish} t={t} />
          ))}
        </ul>
      )}
    </section>
  );
}
