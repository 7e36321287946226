import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { toAppError } from '../graphql/errors';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { PROGRAMS_QUERY, type ProgramSummary } from './graphql';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';
import './programs.css';

/** /programs: every development program, for everyone signed in; administrators import new ones. */
export function ProgramsPage() {
  const t = useProgramsText();
  usePageTitle(t('list.title'));
  const me = useCurrentUser();
  const { data, loading, error, refetch, fetchMore } = useQuery(PROGRAMS_QUERY, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const connection = data?.programs;

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.intro')}</p>
        </div>
        {me.role === 'admin' && (
          <Link to="/programs/import" className="button button-primary" data-testid={PROGRAMS_TEST_IDS.import}>
            {t('list.import')}
          </Link>
        )}
      </div>
      {error && !connection && <ErrorNotice error={toAppError(error)} title={t('list.failed')} onRetry={() => void refetch()} />}
      {loading && !connection && <Loading label={t('list.loading')} />}
      {connection && connection.nodes.length === 0 && (
        <EmptyState>
          <p>{t('list.empty')}</p>
        </EmptyState>
      )}
      {connection && connection.nodes.length > 0 && (
        <ul className="program-list" data-testid={PROGRAMS_TEST_IDS.list}>
          {connection.nodes.map((program) => (
            <ProgramRow key={program.id} program={program} />
          ))}
        </ul>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() =>
            void fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                programs: { ...fetchMoreResult.programs, nodes: [...previous.programs.nodes, ...fetchMoreResult.programs.nodes] },
              }),
            })
          }
        >
          {t('list.more')}
        </button>
      )}
    </div>
  );
}

function ProgramRow({ program }: { program: ProgramSummary }) {
  return (
    <li className="card program-row" data-testid={PROGRAMS_TEST_IDS.row} data-program-id={program.id}>
      <h2 className="program-row-title">
        <Link to={`/programs/${encodeURIComponent(program.id)}`}>{program.name}</Link>
      </h2>
      <ProgramMeta program={program} />
    </li>
  );
}

/** Issuer, period, promulgation, district and clause count on one line. */
export function ProgramMeta({ program }: { program: ProgramSummary }) {
  const t = useProgramsText();
  const parts = [
    `${t('list.issuer')}：${program.issuingBody}`,
    t('list.period', { start: program.periodStart, end: program.periodEnd }),
    program.promulgatedOn ? t('list.promulgated', { date: program.promulgatedOn }) : null,
    program.district?.name ?? null,
    t('list.clauses', { count: program.clauseCount }),
  ].filter((part): part is string => Boolean(part));
  return (
    <p className="meta program-meta">
      {parts.map((part) => (
        <span key={part}>{part}</span>
      ))}
    </p>
  );
}
