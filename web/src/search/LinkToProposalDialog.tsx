import { useMutation, useQuery } from '@apollo/client';
import { EVIDENCE_LINK_NOTE_MAX_LENGTH, capabilitiesOf } from '@jianyan/shared';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { toAppError, type AppError } from '../graphql/errors';
import { useLabels } from '../i18n/labels';
import { ProposalStatusBadge } from '../proposals/StatusBadge';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextAreaField } from '../ui/Field';
import { Loading } from '../ui/Status';
import {
  LINK_EVIDENCE_MUTATION,
  LINK_TARGETS_QUERY,
  LINK_TARGET_SUGGESTIONS_QUERY,
  type LinkTargetProposal,
  type LinkTargetSuggestion,
} from './graphql';
import { SEARCH_TEST_IDS } from './testids';
import { useSearchText, type SearchText } from './useSearchText';

export interface LinkedNotice {
  proposal: { id: string; title: string };
  suggestion: LinkTargetSuggestion | null;
}

interface LinkToProposalDialogProps {
  /** The evidence hit to link; the dialog is open while it is set. */
  evidence: { id: string; title: string } | null;
  onClose: () => void;
  onLinked: (linked: LinkedNotice) => void;
}

/** A refused link, in words (the API answers BAD_USER_INPUT on a field, FORBIDDEN or NOT_FOUND). */
function linkErrorMessage(t: SearchText, error: AppError): string | undefined {
  if (error.code === 'FORBIDDEN') return t('link.errors.forbidden');
  if (error.code === 'NOT_FOUND') return t('link.errors.notFound');
  if (error.code !== 'BAD_USER_INPUT') return undefined;
  if (error.field === 'suggestionId') return t('link.errors.suggestion');
  if (error.field === 'evidenceId') return /already linked/i.test(error.message ?? '') ? t('link.errors.alreadyLinked') : t('link.errors.notPublished');
  return undefined;
}

/**
 * "Link to proposal" from a search hit: one of the caller's proposals she may change (owner or
 * co-author), optionally one of its suggestions, and a note; then `linkEvidence`.
 */
export function LinkToProposalDialog({ evidence, onClose, onLinked }: LinkToProposalDialogProps) {
  const t = useSearchText();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={evidence !== null} title={t('link.title')} onClose={onClose} busy={busy}>
      {evidence && <LinkForm evidence={evidence} onClose={onClose} onLinked={onLinked} onBusy={setBusy} />}
    </Dialog>
  );
}

interface LinkFormProps {
  evidence: { id: string; title: string };
  onClose: () => void;
  onLinked: (linked: LinkedNotice) => void;
  onBusy: (busy: boolean) => void;
}

function LinkForm({ evidence, onClose, onLinked, onBusy }: LinkFormProps) {
  const t = useSearchText();
  const user = useCurrentUser();
  const { organization } = useLabels();
  const groupId = useId();
  const targets = useQuery(LINK_TARGETS_QUERY, { variables: { memberId: user.id }, fetchPolicy: 'cache-and-network' });
  const editable = useMemo(() => (targets.data?.proposals.nodes ?? []).filter((p) => capabilitiesOf(p.myRole).canEdit), [targets.data]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const proposal: LinkTargetProposal | null = editable.find((p) => p.id === chosenId) ?? editable[0] ?? null;
  const suggestions = useQuery(LINK_TARGET_SUGGESTIONS_QUERY, { variables: { id: proposal?.id ?? '' }, skip: !proposal, fetchPolicy: 'cache-and-network' });
  const suggestionList = proposal && suggestions.data?.proposal.id === proposal.id ? suggestions.data.proposal.suggestions : [];
  const [suggestionId, setSuggestionId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);

  const [link, state] = useMutation(LINK_EVIDENCE_MUTATION, {
    update(cache, { data }) {
      if (!data) return;
      // The proposal's evidence panel and the record's "supports" section load again when opened.
      cache.evict({ id: cache.identify({ __typename: 'Proposal', id: data.linkEvidence.proposalId }), fieldName: 'evidenceLinks' });
      cache.evict({ id: cache.identify({ __typename: 'Evidence', id: evidence.id }), fieldName: 'links' });
      if (data.linkEvidence.suggestionId) {
        cache.evict({ id: cache.identify({ __typename: 'Suggestion', id: data.linkEvidence.suggestionId }), fieldName: 'evidenceLinks' });
      }
      cache.gc();
    },
  });

  const choose = (id: string) => {
    setChosenId(id);
    setSuggestionId('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!proposal || state.loading) return;
    setError(null);
    onBusy(true);
    try {
      const suggestion = suggestionList.find((s) => s.id === suggestionId) ?? null;
      await link({ variables: { input: { evidenceId: evidence.id, proposalId: proposal.id, suggestionId: suggestion?.id ?? null, note: note.trim() || null } } });
      onBusy(false);
      onLinked({ proposal: { id: proposal.id, title: proposal.title }, suggestion });
    } catch (failure) {
      onBusy(false);
      setError(toAppError(failure));
    }
  };

  const loadingTargets = targets.loading && !targets.data;

  return (
    <form className="search-link-form" onSubmit={(event) => void submit(event)}>
      <p className="search-link-evidence">{t('link.evidence', { title: evidence.title })}</p>

      {loadingTargets ? (
        <Loading label={t('link.loadingProposals')} />
      ) : targets.error && !targets.data ? (
        <ErrorNotice error={toAppError(targets.error)} title={t('link.proposalsFailed')} onRetry={() => void targets.refetch().catch(() => undefined)} />
      ) : editable.length === 0 ? (
        <div className="empty-state">
          <p>{t('link.noProposals')}</p>
          <Link to="/proposals/new" className="button">
            {t('link.newProposal')}
          </Link>
        </div>
      ) : (
        <>
          <fieldset className="fieldset" aria-describedby={`${groupId}-hint`}>
            <legend className="field-label">{t('link.proposal')}</legend>
            <p id={`${groupId}-hint`} className="field-hint">
              {t('link.proposalHint')}
            </p>
            <ul className="search-link-options">
              {editable.map((p) => (
                <li key={p.id}>
                  <label className={`search-link-option${proposal?.id === p.id ? ' search-link-option-selected' : ''}`} data-testid={SEARCH_TEST_IDS.linkOption} data-proposal-id={p.id}>
                    <input type="radio" name={`${groupId}-proposal`} value={p.id} checked={proposal?.id === p.id} onChange={() => choose(p.id)} />
                    <span className="search-link-option-text">
                      <span className="search-link-option-title">{p.title}</span>
                      <span className="search-link-option-meta">
                        <ProposalStatusBadge status={p.status} />
                        <span className="meta">
                          <span>{organization(p.district)}</span>
                          <span>{p.year}</span>
                        </span>
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>

          <SelectField
            label={t('link.suggestion')}
            value={suggestionId === '' ? 'proposal' : suggestionId}
            onChange={(value) => setSuggestionId(value === 'proposal' ? '' : value)}
            options={[
              { value: 'proposal', label: t('link.wholeProposal') },
              ...suggestionList.map((s) => ({ value: s.id, label: t('link.suggestionOption', { number: s.number, title: s.title }) })),
            ]}
            hint={suggestions.loading && suggestionList.length === 0 ? t('link.loadingSuggestions') : undefined}
            testId={SEARCH_TEST_IDS.linkSuggestion}
          />

          <TextAreaField
            label={t('link.note')}
            value={note}
            onChange={setNote}
            optional
            rows={3}
            maxLength={EVIDENCE_LINK_NOTE_MAX_LENGTH}
            placeholder={t('link.notePlaceholder')}
            testId={SEARCH_TEST_IDS.linkNote}
          />
        </>
      )}

      {error && <ErrorNotice error={error} title={t('link.failed')} message={linkErrorMessage(t, error)} />}

      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={state.loading}>
          {t('link.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!proposal || state.loading} data-testid={SEARCH_TEST_IDS.linkSubmit}>
          {state.loading ? t('link.submitting') : t('link.submit')}
        </button>
      </div>
    </form>
  );
}
