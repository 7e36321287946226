import { useMutation, useQuery } from '@apollo/client';
import { SUGGESTION_STATUS_LABELS } from '@jianyan/shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { useLanguage } from '../i18n/useLanguage';
import { PROGRAMS_TEST_IDS } from '../programs/testids';
import { useProgramsText } from '../programs/useProgramsText';
import { toAppError, type AppError } from '../graphql/errors';
import { PROPOSAL_OPERATION } from '../graphql/proposals';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AdoptionDialog } from './AdoptionDialog';
import { DELETE_ADOPTION_MUTATION, PROPOSAL_ADOPTIONS_OPERATION, PROPOSAL_ADOPTIONS_QUERY } from './graphql';
import '../programs/programs.css';

/** Proposal roles and account roles that record adoptions (the API's rule). */
const RECORDING_PROPOSAL_ROLES = ['owner', 'coauthor'];
const RECORDING_USER_ROLES = ['admin', 'leader'];

interface SuggestionAdoptionsProps {
  proposalId: string;
  myRole: string | null;
  suggestion: { id: string; number: number; status: string };
  notify: (message: string) => void;
}

/**
 * A suggestion's adoption records (where it was taken up, quoted) and, for those who may record
 * them, buttons to record one and to review matching program clauses. Loaded with its own query
 * (one per proposal page, shared by every suggestion), so the proposal's own query stays as it is.
 */
export function SuggestionAdoptions({ proposalId, myRole, suggestion, notify }: SuggestionAdoptionsProps) {
  const t = useProgramsText();
  const { isEnglish } = useLanguage();
  const me = useCurrentUser();
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<AppError | null>(null);
  const [deleteAdoption, deletion] = useMutation(DELETE_ADOPTION_MUTATION, {
    refetchQueries: [PROPOSAL_OPERATION, PROPOSAL_ADOPTIONS_OPERATION],
    awaitRefetchQueries: true,
  });
  const { data } = useQuery(PROPOSAL_ADOPTIONS_QUERY, { variables: { id: proposalId } });
  const adoptions = data?.proposal.suggestions.find((s) => s.id === suggestion.id)?.adoptions ?? [];
  const mayRecord =
    suggestion.status !== 'drafted' && ((myRole !== null && RECORDING_PROPOSAL_ROLES.includes(myRole)) || RECORDING_USER_ROLES.includes(me.role));
  if (adoptions.length === 0 && !mayRecord) return null;

  return (
    <div className="suggestion-adoptions">
      {adoptions.length > 0 && (
        <ul className="adoption-list" aria-label={t('adoption.listLabel')} data-testid={PROGRAMS_TEST_IDS.suggestionAdoptions}>
          {adoptions.map((adoption) => (
            <li key={adoption.id} className="adoption-item" data-testid={PROGRAMS_TEST_IDS.suggestionAdoptionItem}>
              <span className="badge badge-success badge-small">{SUGGESTION_STATUS_LABELS[adoption.status][isEnglish ? 'en' : 'zh']}</span>{' '}
              {adoption.clause && adoption.programId ? (
                <Link to={`/programs/${encodeURIComponent(adoption.programId)}`}>
                  {t('adoption.inProgram', { program: adoption.programName ?? '', number: adoption.clause.number })}
                </Link>
              ) : (
                <span>{adoption.documentTitle}</span>
              )}{' '}
              <span className="muted small">{adoption.decidedOn}</span>
              {mayRecord && (
                <button type="button" className="button button-ghost button-small" onClick={() => setRemoving(adoption.id)}>
                  {t('adoption.remove')}
                </button>
              )}
              {adoption.quotedText && <blockquote className="adoption-quote">{adoption.quotedText}</blockquote>}
            </li>
          ))}
        </ul>
      )}
      {mayRecord && (
        <div className="suggestion-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={t('adoption.recordLabel', { number: suggestion.number })}
            onClick={() => setRecording(true)}
            data-testid={PROGRAMS_TEST_IDS.adoptionRecord}
          >
            {t('adoption.record')}
          </button>
          <Link
            to={`/suggestions/${encodeURIComponent(suggestion.id)}/matches`}
            className="button button-small button-ghost"
            data-testid={PROGRAMS_TEST_IDS.adoptionFindClauses}
          >
            {t('adoption.findClauses')}
          </Link>
        </div>
      )}
      <AdoptionDialog suggestion={recording ? suggestion : null} onClose={() => setRecording(false)} onSaved={notify} />
      <ConfirmDialog
        open={removing !== null}
        title={t('adoption.removeTitle')}
        body={t('adoption.removeBody')}
        confirmLabel={t('adoption.remove')}
        tone="danger"
        busy={deletion.loading}
        error={removeError}
        onConfirm={async () => {
          setRemoveError(null);
          try {
            await deleteAdoption({ variables: { id: removing! } });
            setRemoving(null);
            notify(t('adoption.removed'));
          } catch (caught) {
            setRemoveError(toAppError(caught));
          }
        }}
        onCancel={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      />
    </div>
  );
}
