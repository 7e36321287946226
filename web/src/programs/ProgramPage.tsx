import { useMutation, useQuery } from '@apollo/client';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { toAppError, type AppError } from '../graphql/errors';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { ClauseItem } from './ClauseItem';
import { EditProgramDialog } from './EditProgramDialog';
import { DELETE_PROGRAM_MUTATION, PROGRAM_QUERY, PROGRAMS_QUERY } from './graphql';
import { ProgramMeta } from './ProgramsPage';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';
import './programs.css';
import { FollowButton } from '../notifications/FollowButton';

/** Roles that review matches for a whole program (they see every submitted proposal of the federation). */
const MATCH_REVIEWERS = ['admin', 'leader'];

/** /programs/:id: the clause tree, each clause with a badge counting the suggestions it took up; corrections for those who may. */
export function ProgramPage() {
  const t = useProgramsText();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(PROGRAM_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [deleteProgram, deletion] = useMutation(DELETE_PROGRAM_MUTATION, { refetchQueries: [PROGRAMS_QUERY] });
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const program = data?.program;
  usePageTitle(program?.name ?? t('list.title'));
  const { hash } = useLocation();
  const loaded = !!program;
  // /programs/:id#clause-<id> (links from the dashboard): scroll there once the tree is shown
  useEffect(() => {
    if (loaded && hash.startsWith('#clause-')) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'center' });
  }, [loaded, hash]);

  if (!program) {
    if (error) return <ErrorNotice error={toAppError(error)} title={t('list.failed')} onRetry={() => void refetch()} />;
    return loading ? <Loading label={t('list.loading')} /> : null;
  }

  async function onDelete() {
    setDeleteError(null);
    try {
      await deleteProgram({ variables: { id } });
      navigate('/programs', { replace: true });
    } catch (caught) {
      setDeleteError(toAppError(caught));
    }
  }

  return (
    <div className="stack">
      <nav className="breadcrumb" aria-label={t('program.back')}>
        <Link to="/programs">{t('program.back')}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1 data-testid={PROGRAMS_TEST_IDS.title}>{program.name}</h1>
          <ProgramMeta program={program} />
          {program.sourceDocument && (
            <p className="muted small">
              {t('program.source')}：{program.sourceDocument}
            </p>
          )}
        </div>
        <div className="program-actions">
          <FollowButton targetType="program" targetId={program.id} />
          {MATCH_REVIEWERS.includes(me.role) && (
            <Link to={`/programs/${encodeURIComponent(program.id)}/matches`} className="button" data-testid={PROGRAMS_TEST_IDS.matches}>
              {t('program.matches')}
            </Link>
          )}
          {program.canEdit && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setNotice(null);
                setEditingDetails(true);
              }}
              data-testid={PROGRAMS_TEST_IDS.edit}
            >
              {t('edit.details')}
            </button>
          )}
          {program.canEdit && (
            <button type="button" className="button button-danger-outline" onClick={() => setDeleting(true)} data-testid={PROGRAMS_TEST_IDS.delete}>
              {t('program.delete')}
            </button>
          )}
        </div>
      </div>
      <SuccessNotice message={notice} />
      <section className="card" aria-label={t('program.tree')}>
        <ol className="program-tree">
          {program.clauses.map((clause) => (
            <ClauseItem key={clause.id} clause={clause} canEdit={program.canEdit} onSaved={setNotice} />
          ))}
        </ol>
      </section>
      <EditProgramDialog
        program={program}
        open={editingDetails}
        onClose={() => setEditingDetails(false)}
        onSaved={() => {
          setEditingDetails(false);
          setNotice(t('edit.saved'));
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t('program.deleteTitle')}
        body={t('program.deleteBody', { name: program.name })}
        confirmLabel={t('program.delete')}
        tone="danger"
        busy={deletion.loading}
        error={deleteError}
        onConfirm={onDelete}
        onCancel={() => {
          setDeleting(false);
          setDeleteError(null);
        }}
      />
    </div>
  );
}
