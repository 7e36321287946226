import { useMutation } from '@apollo/client';
import { PROGRAM_AREAS, SUGGESTION_TEXT_MAX_LENGTH, SUGGESTION_TITLE_MAX_LENGTH, type ProgramAreaCode } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { ADD_SUGGESTION_MUTATION, PROPOSAL_OPERATION, UPDATE_SUGGESTION_MUTATION } from '../graphql/proposals';
import type { Suggestion } from '../graphql/types';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';

const FIELDS = ['title', 'text', 'programArea'] as const;
type SuggestionField = (typeof FIELDS)[number];

interface SuggestionFormProps {
  proposalId: string;
  /** The suggestion being edited; a new one is added at the end when left out. */
  suggestion?: Suggestion;
  onDone: (saved: Suggestion | null) => void;
}

/** Adds a suggestion or edits one in place: title, text, program area. */
export function SuggestionForm({ proposalId, suggestion, onDone }: SuggestionFormProps) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const headingId = useId();
  const refetch = { refetchQueries: [PROPOSAL_OPERATION], awaitRefetchQueries: true };
  const [addSuggestion, adding] = useMutation(ADD_SUGGESTION_MUTATION, refetch);
  const [updateSuggestion, updating] = useMutation(UPDATE_SUGGESTION_MUTATION);
  const loading = adding.loading || updating.loading;
  const [title, setTitle] = useState(suggestion?.title ?? '');
  const [text, setText] = useState(suggestion?.text ?? '');
  const [programArea, setProgramArea] = useState<ProgramAreaCode | ''>(suggestion?.programArea ?? '');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SuggestionField, string>>>({});
  const [error, setError] = useState<AppError | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Partial<Record<SuggestionField, string>> = {};
    if (!title.trim()) errors.title = t('suggestions.titleRequired');
    else if (title.trim().length > SUGGESTION_TITLE_MAX_LENGTH) errors.title = t('suggestions.titleTooLong', { max: SUGGESTION_TITLE_MAX_LENGTH });
    if (text.trim().length > SUGGESTION_TEXT_MAX_LENGTH) errors.text = t('suggestions.textTooLong', { max: SUGGESTION_TEXT_MAX_LENGTH });
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const fields = { title: title.trim(), text: text.trim(), programArea: programArea || null };
    try {
      if (suggestion) {
        const result = await updateSuggestion({ variables: { input: { id: suggestion.id, ...fields } } });
        onDone(result.data?.updateSuggestion ?? null);
      } else {
        const result = await addSuggestion({ variables: { input: { proposalId, ...fields } } });
        onDone(result.data?.addSuggestion ?? null);
      }
    } catch (caught) {
      const appError = toAppError(caught);
      const field = fieldErrorOf(t, appError, FIELDS);
      if (field) setFieldErrors({ [field.field]: field.message });
      setError(appError);
    }
  }

  return (
    <form className="form suggestion-form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className="form-title">
        {suggestion ? t('suggestions.editTitle', { number: suggestion.number }) : t('suggestions.newTitle')}
      </h3>
      <TextField
        label={t('suggestions.titleLabel')}
        value={title}
        onChange={setTitle}
        hint={t('suggestions.titleHint')}
        error={fieldErrors.title}
        maxLength={SUGGESTION_TITLE_MAX_LENGTH}
        testId={TEST_IDS.suggestionTitleInput}
        autoComplete="off"
        autoFocus
        required
      />
      <TextAreaField
        label={t('suggestions.textLabel')}
        value={text}
        onChange={setText}
        error={fieldErrors.text}
        maxLength={SUGGESTION_TEXT_MAX_LENGTH}
        rows={4}
        testId={TEST_IDS.suggestionTextInput}
        optional
      />
      <SelectField<ProgramAreaCode | ''>
        label={t('suggestions.programArea')}
        value={programArea}
        onChange={setProgramArea}
        options={[
          { value: '', label: t('suggestions.noProgramArea') },
          ...PROGRAM_AREAS.map((area) => ({ value: area.code, label: labels.programArea(area.code) })),
        ]}
        error={fieldErrors.programArea}
      />
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onDone(null)} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.suggestionSave}>
          {loading ? t('suggestions.saving') : t('suggestions.save')}
        </button>
      </div>
    </form>
  );
}
