import { useMutation } from '@apollo/client';
import { DELETABLE_SUGGESTION_STATUSES } from '@jianyan/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { DELETE_SUGGESTION_MUTATION, REORDER_SUGGESTIONS_MUTATION } from '../graphql/proposals';
import type { Suggestion } from '../graphql/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState } from '../ui/Status';
import { CommentThreads } from './Comments';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';
import { SuggestionStatusBadge } from './StatusBadge';
import { SuggestionForm } from './SuggestionForm';
import { SuggestionStatusDialog } from './SuggestionStatusDialog';
import { SuggestionAdoptions } from '../adoption/SuggestionAdoptions';
import { StatusTimeline } from './Timeline';
import { FollowButton } from '../notifications/FollowButton';

/** Which form is open: none, the new-suggestion form, or the edit form of one suggestion. */
type Editing = null | 'new' | string;

/** The numbered suggestions: add, edit, reorder, delete while editable; record outcomes; history; discussion. */
export function SuggestionsSection(props: SectionProps) {
  const { proposal, permissions, notify } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Suggestion | null>(null);
  const [deciding, setDeciding] = useState<Suggestion | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [reorder, reordering] = useMutation(REORDER_SUGGESTIONS_MUTATION);
  const [deleteSuggestion, deletion] = useMutation(DELETE_SUGGESTION_MUTATION);
  const suggestions = proposal.suggestions;

  async function move(index: number, by: -1 | 1) {
    const ids = suggestions.map((s) => s.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target], ids[index]];
    setError(null);
    try {
      await reorder({ variables: { input: { proposalId: proposal.id, suggestionIds: ids } } });
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  async function onDelete() {
    if (!deleting) return;
    setDeleteError(null);
    try {
      await deleteSuggestion({ variables: { suggestionId: deleting.id } });
      setDeleting(null);
      notify(t('suggestions.deleted'));
    } catch (caught) {
      setDeleteError(toAppError(caught));
    }
  }

  const errorMessage = (appError: AppError | null) =>
    appError ? fieldErrorOf(t, appError, ['suggestionIds', 'suggestionId', 'proposalId'] as const)?.message : undefined;

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('suggestions.title')}
          <span className="count">{suggestions.length}</span>
        </h2>
        {permissions.canEdit && editing !== 'new' && (
          <button type="button" className="button button-small" onClick={() => setEditing('new')} data-testid={TEST_IDS.suggestionAdd}>
            {t('suggestions.add')}
          </button>
        )}
      </header>
      <ErrorNotice error={error} message={errorMessage(error)} />
      {suggestions.length === 0 && editing !== 'new' ? (
        <EmptyState>
          <p>{t('suggestions.empty')}</p>
          {permissions.canEdit && <p>{t('suggestions.emptyEditable')}</p>}
        </EmptyState>
      ) : (
        <ol className="suggestion-list" aria-label={t('suggestions.listLabel')} aria-busy={reordering.loading}>
          {suggestions.map((suggestion, index) =>
            editing === suggestion.id ? (
              <li key={suggestion.id} className="suggestion suggestion-editing" data-suggestion-id={suggestion.id}>
                <SuggestionForm
                  proposalId={proposal.id}
                  suggestion={suggestion}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) notify(t('suggestions.saved', { number: saved.number }));
                  }}
                />
              </li>
            ) : (
              <SuggestionItem
                key={suggestion.id}
                {...props}
                suggestion={suggestion}
                first={index === 0}
                last={index === suggestions.length - 1}
                busy={reordering.loading}
                onEdit={() => setEditing(suggestion.id)}
                onMove={(by) => void move(index, by)}
                onDelete={() => setDeleting(suggestion)}
                onDecide={() => setDeciding(suggestion)}
              />
            ),
          )}
        </ol>
      )}
      {editing === 'new' && (
        <div className="suggestion suggestion-editing">
          <SuggestionForm
            proposalId={proposal.id}
            onDone={(saved) => {
              setEditing(null);
              if (saved) notify(t('suggestions.saved', { number: saved.number }));
            }}
          />
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('suggestions.deleteTitle')}
        body={deleting ? t('suggestions.deleteBody', { number: deleting.number, title: deleting.title }) : ''}
        confirmLabel={t('suggestions.delete')}
        tone="danger"
        busy={deletion.loading}
        error={deleteError}
        errorMessage={errorMessage(deleteError)}
        onConfirm={onDelete}
        onCancel={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
      />
      <SuggestionStatusDialog suggestion={deciding} onClose={() => setDeciding(null)} notify={notify} />
    </section>
  );
}

interface SuggestionItemProps extends SectionProps {
  suggestion: Suggestion;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit: () => void;
  onMove: (by: -1 | 1) => void;
  onDelete: () => void;
  onDecide: () => void;
}

function SuggestionItem(props: SuggestionItemProps) {
  const { suggestion, permissions, first, last, busy, onEdit, onMove, onDelete, onDecide } = props;
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const panelId = useId();
  const [panel, setPanel] = useState<null | 'history' | 'comments'>(null);
  const number = suggestion.number;
  const commentCount = suggestion.comments.reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
  const deletable = DELETABLE_SUGGESTION_STATUSES.includes(suggestion.status);
  const toggle = (which: 'history' | 'comments') => setPanel((open) => (open === which ? null : which));

  return (
    <li className="suggestion" data-testid={TEST_IDS.suggestionItem} data-suggestion-id={suggestion.id}>
      <div className="suggestion-head">
        <span className="suggestion-number" aria-hidden="true">
          {t('suggestions.number', { number })}
        </span>
        <h3 className="suggestion-title">
          <span className="visually-hidden">{t('suggestions.number', { number })} </span>
          {suggestion.title}
        </h3>
        <SuggestionStatusBadge status={suggestion.status} />
      </div>
      <div className="suggestion-body">
        {suggestion.programArea && (
          <ul className="tags tags-small">
            <li className="tag">{labels.programArea(suggestion.programArea)}</li>
          </ul>
        )}
        {suggestion.text && <p className="prewrap suggestion-text">{suggestion.text}</p>}
        <div className="suggestion-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-expanded={panel === 'history'}
            aria-controls={panelId}
            onClick={() => toggle('history')}
          >
            {t('suggestions.history', { count: suggestion.history.length })}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-expanded={panel === 'comments'}
            aria-controls={panelId}
            onClick={() => toggle('comments')}
          >
            {t('suggestions.comments', { count: commentCount })}
          </button>
          <FollowButton targetType="suggestion" targetId={suggestion.id} className="button-ghost" />
          <span className="spacer" />
          {suggestion.allowedTransitions.length > 0 && (
            <button
              type="button"
              className="button button-small"
              aria-label={t('suggestions.changeStatusLabel', { number })}
              onClick={onDecide}
              data-testid={TEST_IDS.suggestionStatusChange}
            >
              {t('suggestions.changeStatus')}
            </button>
          )}
          {permissions.canEdit && (
            <>
              <button type="button" className="button button-small" aria-label={t('suggestions.editLabel', { number })} onClick={onEdit}>
                {t('suggestions.edit')}
              </button>
              <button
                type="button"
                className="button button-small button-icon"
                aria-label={t('suggestions.moveUpLabel', { number })}
                title={t('suggestions.moveUp')}
                disabled={first || busy}
                onClick={() => onMove(-1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small button-icon"
                aria-label={t('suggestions.moveDownLabel', { number })}
                title={t('suggestions.moveDown')}
                disabled={last || busy}
                onClick={() => onMove(1)}
              >
                ↓
              </button>
              {deletable && (
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  aria-label={t('suggestions.deleteLabel', { number })}
                  onClick={onDelete}
                >
                  {t('suggestions.delete')}
                </button>
              )}
            </>
          )}
        </div>
        <SuggestionAdoptions proposalId={props.proposal.id} myRole={props.proposal.myRole} suggestion={suggestion} notify={props.notify} />
        {panel && (
          <div id={panelId} className="suggestion-panel">
            {panel === 'history' ? (
              <StatusTimeline events={suggestion.history} />
            ) : (
              <CommentThreads {...props} threads={suggestion.comments} suggestionId={suggestion.id} />
            )}
          </div>
        )}
      </div>
    </li>
  );
}
