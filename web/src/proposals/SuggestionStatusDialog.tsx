import { useMutation } from '@apollo/client';
import {
  STATUS_NOTE_MAX_LENGTH,
  STATUS_SOURCE_MAX_LENGTH,
  suggestionTransitionRequiresNote,
  type SuggestionStatus,
} from '@jianyan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../graphql/errors';
import { CHANGE_SUGGESTION_STATUS_MUTATION, PROPOSAL_OPERATION } from '../graphql/proposals';
import type { Suggestion } from '../graphql/types';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import type { Notify } from './useNotice';

interface SuggestionStatusDialogProps {
  suggestion: Suggestion | null;
  onClose: () => void;
  notify: Notify;
}

/** Records what became of a suggestion: one of its allowed next statuses, with note and source. */
export function SuggestionStatusDialog({ suggestion, onClose, notify }: SuggestionStatusDialogProps) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const [changeStatus, { loading }] = useMutation(CHANGE_SUGGESTION_STATUS_MUTATION, {
    refetchQueries: [PROPOSAL_OPERATION],
    awaitRefetchQueries: true,
  });
  const [picked, setPicked] = useState<SuggestionStatus | ''>('');
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const to = picked || suggestion?.allowedTransitions[0] || '';
  const noteRequired = Boolean(suggestion && to && suggestionTransitionRequiresNote(suggestion.status, to));

  const close = () => {
    setPicked('');
    setNote('');
    setSource('');
    setError(null);
    setNoteError(null);
    onClose();
  };

  async function onConfirm() {
    if (!suggestion || !to) return;
    setError(null);
    if (noteRequired && !note.trim()) {
      setNoteError(t('suggestions.noteRequired'));
      return;
    }
    setNoteError(null);
    try {
      await changeStatus({
        variables: { input: { suggestionId: suggestion.id, to, note: note.trim() || null, source: source.trim() || null } },
      });
      close();
      notify(t('suggestions.statusChanged', { number: suggestion.number, status: labels.suggestionStatus(to) }));
    } catch (caught) {
      const appError = toAppError(caught);
      const field = fieldErrorOf(t, appError, ['note'] as const);
      if (field) setNoteError(field.message);
      setError(appError);
    }
  }

  return (
    <ConfirmDialog
      open={suggestion !== null}
      title={suggestion ? t('suggestions.statusTitle', { number: suggestion.number }) : ''}
      body={suggestion ? t('suggestions.statusBody', { status: labels.suggestionStatus(suggestion.status) }) : ''}
      confirmLabel={t('suggestions.changeStatus')}
      busy={loading}
      error={error}
      onConfirm={onConfirm}
      onCancel={close}
    >
      {suggestion && (
        <div className="form">
          <SelectField<SuggestionStatus>
            label={t('suggestions.newStatus')}
            value={to}
            onChange={setPicked}
            options={suggestion.allowedTransitions.map((status) => ({ value: status, label: labels.suggestionStatus(status) }))}
            required
          />
          <TextAreaField
            label={t('suggestions.note')}
            hint={noteRequired ? t('suggestions.noteRequiredHint') : t('suggestions.noteHint')}
            value={note}
            onChange={setNote}
            error={noteError}
            maxLength={STATUS_NOTE_MAX_LENGTH}
            rows={3}
            required={noteRequired}
            optional={!noteRequired}
          />
          <TextField
            label={t('suggestions.source')}
            hint={t('suggestions.sourceHint')}
            value={source}
            onChange={setSource}
            maxLength={STATUS_SOURCE_MAX_LENGTH}
            optional
          />
        </div>
      )}
    </ConfirmDialog>
  );
}
