import { useMutation, useQuery } from '@apollo/client';
import { SUGGESTION_STATUS_LABELS, todayInChina, type SuggestionStatus } from '@jianyan/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { toAppError, type AppError } from '../graphql/errors';
import { useLanguage } from '../i18n/useLanguage';
import { PROGRAM_QUERY } from '../programs/graphql';
import { PROGRAMS_TEST_IDS } from '../programs/testids';
import { useProgramsText } from '../programs/useProgramsText';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import {
  ADOPTION_STATUSES,
  CONFIRM_MATCH_MUTATION,
  PROGRAM_MATCHES_QUERY,
  PROPOSAL_ADOPTIONS_OPERATION,
  REJECT_MATCH_MUTATION,
  SUGGESTION_MATCHES_QUERY,
  type ClauseMatch,
  type NoGoodMatch,
  type SuggestionMatches,
} from './graphql';
import { Highlighted } from './Highlighted';
import '../programs/programs.css';

/** A promulgation date (YYYY-MM or YYYY-MM-DD) as a full date for the adoption record. */
function dateFrom(promulgatedOn: string | null | undefined): string {
  if (!promulgatedOn) return todayInChina();
  return promulgatedOn.length === 7 ? `${promulgatedOn}-01` : promulgatedOn;
}

/** /programs/:id/matches: every suggestion the caller sees that the program's clauses match. */
export function ProgramMatchesPage() {
  const t = useProgramsText();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PROGRAM_MATCHES_QUERY, { variables: { programId: id }, fetchPolicy: 'network-only' });
  usePageTitle(data ? t('matches.titleProgram', { name: data.program.name }) : t('matches.loading'));
  return (
    <MatchReview
      title={data ? t('matches.titleProgram', { name: data.program.name }) : ''}
      back={{ to: `/programs/${encodeURIComponent(id)}`, label: t('program.back') }}
      entries={data?.programMatches ?? null}
      loading={loading}
      error={error ? toAppError(error) : null}
      defaultDate={dateFrom(data?.program.promulgatedOn)}
      onDecided={() => void refetch()}
      refetchProgramId={id}
    />
  );
}

/** /suggestions/:id/matches: the clauses of all programs most similar to one suggestion. */
export function SuggestionMatchesPage() {
  const t = useProgramsText();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(SUGGESTION_MATCHES_QUERY, { variables: { suggestionId: id, first: 5 }, fetchPolicy: 'network-only' });
  usePageTitle(t('matches.titleSuggestion'));
  const entry = data?.suggestionMatches;
  return (
    <MatchReview
      title={t('matches.titleSuggestion')}
      back={entry ? { to: `/proposals/${encodeURIComponent(entry.suggestion.proposalId)}`, label: t('matches.openProposal') } : null}
      entries={entry ? [entry] : null}
      keepEmpty
      loading={loading}
      error={error ? toAppError(error) : null}
      defaultDate={todayInChina()}
      onDecided={() => void refetch()}
    />
  );
}

interface MatchReviewProps {
  title: string;
  back: { to: string; label: string } | null;
  entries: SuggestionMatches[] | null;
  /** Show a suggestion even when nothing is left to propose for it. */
  keepEmpty?: boolean;
  loading: boolean;
  error: AppError | null;
  defaultDate: string;
  onDecided: () => void;
  refetchProgramId?: string;
}

function MatchReview({ title, back, entries, keepEmpty, loading, error, defaultDate, onDecided, refetchProgramId }: MatchReviewProps) {
  const t = useProgramsText();
  const { isEnglish } = useLanguage();
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const [status, setStatus] = useState<SuggestionStatus>('adopted');
  const [notice, setNotice] = useState<string | null>(null);
  const visible = (entries ?? []).filter((e) => keepEmpty || e.matches.length > 0);
  const unmatched = keepEmpty ? [] : (entries ?? []).filter((e) => e.matches.length === 0);

  return (
    <div className="stack">
      {back && (
        <nav className="breadcrumb" aria-label={back.label}>
          <Link to={back.to}>{back.label}</Link>
        </nav>
      )}
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">{t('matches.intro')}</p>
        </div>
      </div>
      <div className="card form-row match-settings">
        <label className="field">
          <span className="field-label">{t('matches.decidedOn')}</span>
          <input
            type="date"
            className="input"
            value={decidedOn ?? defaultDate}
            onChange={(event) => setDecidedOn(event.target.value)}
            data-testid={PROGRAMS_TEST_IDS.matchDecidedOn}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('matches.status')}</span>
          <select className="input" value={status} onChange={(event) => setStatus(event.target.value as SuggestionStatus)}>
            {ADOPTION_STATUSES.filter((s) => s !== 'not_adopted').map((s) => (
              <option key={s} value={s}>
                {SUGGESTION_STATUS_LABELS[s][isEnglish ? 'en' : 'zh']}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notice && (
        <div data-testid={PROGRAMS_TEST_IDS.matchNotice}>
          <SuccessNotice message={notice} />
        </div>
      )}
      <ErrorNotice error={error} title={t('matches.failed')} />
      {loading && !entries && <Loading label={t('matches.loading')} />}
      {entries && visible.length === 0 && (
        <div data-testid={PROGRAMS_TEST_IDS.matchEmpty}>
          <EmptyState>
            <p>{t('matches.empty')}</p>
          </EmptyState>
        </div>
      )}
      {visible.map((entry) => (
        <SuggestionMatchCard
          key={entry.suggestion.id}
          entry={entry}
          decidedOn={decidedOn ?? defaultDate}
          status={status}
          refetchProgramId={refetchProgramId}
          onDecided={(message) => {
            setNotice(message);
            onDecided();
          }}
        />
      ))}
      {unmatched.length > 0 && (
        <details className="card" data-testid={PROGRAMS_TEST_IDS.matchUnmatched}>
          <summary>{t('matches.unmatched', { count: unmatched.length })}</summary>
          <ul>
            {unmatched.map((entry) => (
              <li key={entry.suggestion.id} data-suggestion-id={entry.suggestion.id}>
                <Link to={`/proposals/${encodeURIComponent(entry.suggestion.proposalId)}`}>
                  {t('matches.suggestion')} {entry.suggestion.number}. {entry.suggestion.title}
                </Link>
                {entry.noMatch && <NoMatchReason noMatch={entry.noMatch} />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Why nothing is proposed for a suggestion, in the reader's language. */
function NoMatchReason({ noMatch }: { noMatch: NoGoodMatch }) {
  const t = useProgramsText();
  const percent = (score: number | null) => Math.round((score ?? 0) * 100);
  return (
    <p className="small muted" data-testid={PROGRAMS_TEST_IDS.matchNoMatch} data-reason={noMatch.reason}>
      {t(`matches.noMatch.${noMatch.reason}`, { best: percent(noMatch.bestScore), min: percent(noMatch.minScore) })}
    </p>
  );
}

interface CardProps {
  entry: SuggestionMatches;
  decidedOn: string;
  status: SuggestionStatus;
  refetchProgramId?: string;
  onDecided: (message: string) => void;
}

function SuggestionMatchCard({ entry, decidedOn, status, refetchProgramId, onDecided }: CardProps) {
  const t = useProgramsText();
  const { suggestion, matches, noMatch } = entry;
  const allWords = [...new Set(matches.flatMap((m) => m.overlap))];
  return (
    <section className="card match-suggestion" data-testid={PROGRAMS_TEST_IDS.matchSuggestion} data-suggestion-id={suggestion.id}>
      <div className="match-columns">
        <div className="match-side">
          <h2 className="card-title">
            {t('matches.suggestion')} {suggestion.number}. {suggestion.title}
          </h2>
          <p className="prewrap">
            <Highlighted text={suggestion.text} words={allWords} />
          </p>
          <Link to={`/proposals/${encodeURIComponent(suggestion.proposalId)}`} className="small">
            {t('matches.openProposal')}
          </Link>
        </div>
        <ol className="match-list">
          {matches.length === 0 && (
            <li className="muted">
              <strong>{t('matches.noMatchTitle')}</strong>
              {noMatch ? <NoMatchReason noMatch={noMatch} /> : <p>{t('matches.empty')}</p>}
            </li>
          )}
          {matches.map((match) => (
            <MatchItem
              key={match.clauseId}
              suggestionId={suggestion.id}
              match={match}
              decidedOn={decidedOn}
              status={status}
              refetchProgramId={refetchProgramId}
              onDecided={onDecided}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}

interface MatchItemProps {
  suggestionId: string;
  match: ClauseMatch;
  decidedOn: string;
  status: SuggestionStatus;
  refetchProgramId?: string;
  onDecided: (message: string) => void;
}

function MatchItem({ suggestionId, match, decidedOn, status, refetchProgramId, onDecided }: MatchItemProps) {
  const t = useProgramsText();
  const refetchQueries = [PROPOSAL_ADOPTIONS_OPERATION, ...(refetchProgramId ? [{ query: PROGRAM_QUERY, variables: { id: refetchProgramId } }] : [])];
  const [confirm, confirming] = useMutation(CONFIRM_MATCH_MUTATION, { refetchQueries });
  const [reject, rejecting] = useMutation(REJECT_MATCH_MUTATION);
  const [error, setError] = useState<AppError | null>(null);
  const busy = confirming.loading || rejecting.loading;

  async function decide(kind: 'confirm' | 'reject') {
    setError(null);
    try {
      if (kind === 'confirm') {
        await confirm({ variables: { input: { suggestionId, clauseId: match.clauseId, status, decidedOn } } });
        onDecided(t('matches.confirmed', { program: match.programName, number: match.number }));
      } else {
        await reject({ variables: { suggestionId, clauseId: match.clauseId } });
        onDecided(t('matches.rejected'));
      }
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <li className="match-item" data-testid={PROGRAMS_TEST_IDS.matchItem} data-clause-id={match.clauseId}>
      <p className="meta">
        <span>{match.programName}</span>
        {match.area && <span>{match.area}</span>}
        <span>{t('matches.score', { score: Math.round(match.score * 100) })}</span>
      </p>
      <p className="prewrap">
        {match.number && <strong>{match.number} </strong>}
        <Highlighted text={match.text} words={match.overlap} />
      </p>
      <p className="small muted">
        {t('matches.overlap')}：{match.overlap.join('、')}
      </p>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decide('reject')} data-testid={PROGRAMS_TEST_IDS.matchReject}>
          {t('matches.reject')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('confirm')} data-testid={PROGRAMS_TEST_IDS.matchConfirm}>
          {t('matches.confirm')}
        </button>
      </div>
    </li>
  );
}
