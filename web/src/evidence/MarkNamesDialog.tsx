import type { TFunction } from 'i18next';
import { useMutation } from '@apollo/client';
import {
  EVIDENCE_MARKED_NAMES_MAX,
  EVIDENCE_MARKED_NAME_MAX_LENGTH,
  EVIDENCE_MARKED_NAME_MIN_LENGTH,
  normalizeMarkedNames,
} from '@jianyan/shared';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MARK_EVIDENCE_NAMES_MUTATION } from '../graphql/evidence';
import type { AppError } from '../graphql/errors';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { evidenceFieldError, fieldHead, runChange, type RecordSectionProps } from './recordContext';

/** Why a name cannot be marked, or null. */
export function markedNameProblem(t: TFunction, name: string, count: number): string | null {
  const length = Array.from(name.trim()).length;
  if (length < EVIDENCE_MARKED_NAME_MIN_LENGTH) return t('evidenceRecord.markNameTooShort', { min: EVIDENCE_MARKED_NAME_MIN_LENGTH });
  if (length > EVIDENCE_MARKED_NAME_MAX_LENGTH) return t('evidenceRecord.markNameTooLong', { max: EVIDENCE_MARKED_NAME_MAX_LENGTH });
  if (count >= EVIDENCE_MARKED_NAMES_MAX) return t('evidenceRecord.markNameTooMany', { max: EVIDENCE_MARKED_NAMES_MAX });
  return null;
}

interface MarkNamesDialogProps extends RecordSectionProps {
  open: boolean;
  /** Text selected in the narrative when the dialog was opened (proposed as the name to add). */
  selection: string;
  onClose: () => void;
}

/** 标记姓名: the names masked wherever they appear; saving replaces the list and detects again. */
export function MarkNamesDialog(props: MarkNamesDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('evidenceRecord.markNameTitle')} onClose={props.onClose}>
      <MarkNamesForm {...props} />
    </Dialog>
  );
}

function MarkNamesForm({ evidence, notify, reload, selection, onClose }: MarkNamesDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [names, setNames] = useState<string[]>(() => evidence.markedNames ?? []);
  const [draft, setDraft] = useState(() => selection.trim().slice(0, EVIDENCE_MARKED_NAME_MAX_LENGTH));
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [mark, { loading }] = useMutation(MARK_EVIDENCE_NAMES_MUTATION);

  function add(): string[] {
    const name = draft.trim();
    if (!name) return names;
    const found = markedNameProblem(t, name, names.length);
    if (found) {
      setProblem(found);
      return names;
    }
    const next = normalizeMarkedNames([...names, name]);
    setNames(next);
    setDraft('');
    setProblem(null);
    return next;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter while an input method is composing picks a candidate; it must not add the name.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const list = draft.trim() ? add() : names;
    if (draft.trim() && list === names) return;
    const failure = await runChange(t, { notify, reload }, async () => {
      await mark({ variables: { input: { id: evidence.id, names: list, expectedVersion: evidence.version } } });
      notify(t('evidenceRecord.markNameSaved'));
    });
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <p>{t('evidenceRecord.markNameBody')}</p>
      <div className={`field${problem ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-name`} className="field-label">
          {t('evidenceRecord.markNameInput')}
        </label>
        <div className="inline-input">
          <input
            id={`${id}-name`}
            className="input"
            value={draft}
            maxLength={EVIDENCE_MARKED_NAME_MAX_LENGTH}
            aria-describedby={`${id}-hint`}
            aria-invalid={problem ? true : undefined}
            autoFocus
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button" onClick={() => add()} disabled={!draft.trim()}>
            {t('evidenceRecord.markNameAdd')}
          </button>
        </div>
        <p id={`${id}-hint`} className="field-hint">
          {t('evidenceRecord.markNameHint', { min: EVIDENCE_MARKED_NAME_MIN_LENGTH, max: EVIDENCE_MARKED_NAME_MAX_LENGTH })}
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      {names.length === 0 ? (
        <p className="muted small">{t('evidenceRecord.markNameEmpty')}</p>
      ) : (
        <ul className="tags">
          {names.map((name) => (
            <li key={name} className="tag tag-name">
              <span>{name}</span>
              <button type="button" className="tag-remove" aria-label={t('evidenceRecord.markNameRemove', { name })} onClick={() => setNames(names.filter((n) => n !== name))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNotice error={error} message={error && fieldHead(error) ? evidenceFieldError(t, error.field) : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading}>
          {loading ? t('common.working') : t('evidenceRecord.markNameSave')}
        </button>
      </div>
    </form>
  );
}
