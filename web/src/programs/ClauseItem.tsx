import { useMutation } from '@apollo/client';
import { SUGGESTION_STATUS_LABELS } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { toAppError, type AppError } from '../graphql/errors';
import { useLanguage } from '../i18n/useLanguage';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { editFieldErrors, type EditFieldErrors } from './editErrors';
import { UPDATE_PROGRAM_CLAUSE_MUTATION, type ProgramClause } from './graphql';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';

/** One node of the tree with its adoption badge; for those who may correct the program, an inline form. */
export function ClauseItem({ clause, canEdit, onSaved }: { clause: ProgramClause; canEdit: boolean; onSaved: (message: string) => void }) {
  const t = useProgramsText();
  const { isEnglish } = useLanguage();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const heading = clause.kind === 'area' || clause.kind === 'section';
  return (
    <li
      id={`clause-${clause.id}`}
      className={`program-clause program-clause-${clause.kind}`}
      style={{ marginInlineStart: `${clause.depth * 1.5}rem` }}
      data-testid={PROGRAMS_TEST_IDS.clause}
      data-clause-id={clause.id}
      data-kind={clause.kind}
      data-depth={clause.depth}
    >
      {editing ? (
        <ClauseForm
          clause={clause}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(t('edit.clauseSaved'));
          }}
        />
      ) : (
        <div className="program-clause-line">
          {clause.number && <span className="program-clause-number">{clause.number}</span>}
          <span className={heading ? 'program-clause-heading' : 'program-clause-text'}>{clause.text}</span>
          {!heading && <span className="badge badge-outline badge-small">{t(`kinds.${clause.kind}`)}</span>}
          {clause.adoptionCount > 0 && (
            <button
              type="button"
              className="badge badge-success program-adoption-badge"
              aria-expanded={open}
              aria-label={t('program.adoptedBadgeLabel', { count: clause.adoptionCount })}
              onClick={() => setOpen((value) => !value)}
              data-testid={PROGRAMS_TEST_IDS.adoptionBadge}
              data-count={clause.adoptionCount}
            >
              {t('program.adoptedBadge', { count: clause.adoptionCount })}
            </button>
          )}
          {canEdit && (
            <button
              type="button"
              className="button button-ghost button-small program-clause-edit"
              aria-label={t('edit.clauseLabel', { label: clause.number || clause.text.slice(0, 20) })}
              onClick={() => setEditing(true)}
              data-testid={PROGRAMS_TEST_IDS.clauseEdit}
            >
              {t('edit.clause')}
            </button>
          )}
        </div>
      )}
      {open && !editing && (
        <ul className="program-clause-adoptions">
          {clause.adoptions.length === 0 && <li className="muted small">{t('program.adoptionsHidden')}</li>}
          {clause.adoptions.map((adoption) => (
            <li key={adoption.id} data-testid={PROGRAMS_TEST_IDS.clauseAdoption}>
              {t('program.adoption', { status: SUGGESTION_STATUS_LABELS[adoption.status][isEnglish ? 'en' : 'zh'], date: adoption.decidedOn })}{' '}
              <Link to={`/proposals/${encodeURIComponent(adoption.proposalId)}`}>{t('program.openProposal')}</Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A node keeps its class: headings stay headings, goals and measures stay goals or measures (what adoptions and matching concern). */
const KINDS_OF_CLASS: Record<ProgramClause['kind'], readonly ProgramClause['kind'][]> = {
  area: ['area', 'section'],
  section: ['area', 'section'],
  goal: ['goal', 'measure'],
  measure: ['goal', 'measure'],
};

/** Number, text and kind of one clause; Escape or Cancel leaves it unchanged. */
function ClauseForm({ clause, onDone }: { clause: ProgramClause; onDone: (saved: boolean) => void }) {
  const t = useProgramsText();
  const [number, setNumber] = useState(clause.number);
  const [text, setText] = useState(clause.text);
  const [kind, setKind] = useState(clause.kind);
  const [fieldErrors, setFieldErrors] = useState<EditFieldErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [update, { loading }] = useMutation(UPDATE_PROGRAM_CLAUSE_MUTATION);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    try {
      await update({ variables: { input: { id: clause.id, number: number.trim(), text: text.trim(), kind } } });
      onDone(true);
    } catch (caught) {
      const appError = toAppError(caught);
      const errors = editFieldErrors(t, appError);
      if (errors) setFieldErrors(errors);
      else setError(appError);
    }
  }

  return (
    <form
      className="form program-clause-form"
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !loading) onDone(false);
      }}
      noValidate
      data-testid={PROGRAMS_TEST_IDS.clauseEditForm}
    >
      <div className="program-clause-form-fields">
        <div className="program-clause-form-number">
          <TextField label={t('edit.clauseNumber')} value={number} onChange={setNumber} error={fieldErrors.number} maxLength={20} optional testId={PROGRAMS_TEST_IDS.clauseEditNumber} />
          <SelectField
            label={t('edit.clauseKind')}
            value={kind}
            onChange={(value) => setKind(value as ProgramClause['kind'])}
            options={KINDS_OF_CLASS[clause.kind].map((value) => ({ value, label: t(`kinds.${value}`) }))}
            error={fieldErrors.kind}
            testId={PROGRAMS_TEST_IDS.clauseEditKind}
          />
        </div>
        <div className="program-clause-form-text">
          <TextAreaField
            label={t('edit.clauseText')}
            value={text}
            onChange={setText}
            error={fieldErrors.text}
            hint={clause.adoptionCount > 0 ? t('edit.clauseHint') : undefined}
            required
            maxLength={5000}
            rows={3}
            autoFocus
            testId={PROGRAMS_TEST_IDS.clauseEditText}
          />
        </div>
      </div>
      <ErrorNotice error={error} title={t('edit.failed')} />
      <div className="form-actions">
        <button type="button" className="button button-small" onClick={() => onDone(false)} disabled={loading} data-testid={PROGRAMS_TEST_IDS.clauseEditCancel}>
          {t('edit.clauseCancel')}
        </button>
        <button type="submit" className="button button-primary button-small" disabled={loading} data-testid={PROGRAMS_TEST_IDS.clauseEditSave}>
          {loading ? t('edit.saving') : t('edit.clauseSave')}
        </button>
      </div>
    </form>
  );
}
