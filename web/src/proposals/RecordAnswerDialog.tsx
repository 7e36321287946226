import { useMutation } from '@apollo/client';
import {
  ANSWER_CLASSES,
  ANSWER_REPLYING_UNIT_MAX_LENGTH,
  ANSWER_TEXT_MAX_LENGTH,
  STATUS_SOURCE_MAX_LENGTH,
  type AnswerClass,
} from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { RECORD_ANSWER_MUTATION } from '../graphql/proposals';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextAreaField, TextField } from '../ui/Field';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import type { SectionProps } from './section';

const FIELDS = ['answeredOn', 'replyingUnit', 'answerClass', 'text', 'documentRef'] as const;
type AnswerField = (typeof FIELDS)[number];

/** Today in the user's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Record official reply": the only way to mark a proposal answered. */
export function RecordAnswerDialog(props: SectionProps & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={props.open} title={t('answer.formTitle')} onClose={props.onClose}>
      <RecordAnswerForm {...props} />
    </Dialog>
  );
}

function RecordAnswerForm({ proposal, notify, reload, onClose }: SectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const classId = useId();
  const [recordAnswer, { loading }] = useMutation(RECORD_ANSWER_MUTATION);
  const [answeredOn, setAnsweredOn] = useState(today);
  const [replyingUnit, setReplyingUnit] = useState('');
  const [answerClass, setAnswerClass] = useState<AnswerClass>('A');
  const [text, setText] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AnswerField, string>>>({});
  const [error, setError] = useState<AppError | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors: Partial<Record<AnswerField, string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(answeredOn)) errors.answeredOn = t('answer.answeredOnRequired');
    if (!replyingUnit.trim()) errors.replyingUnit = t('answer.replyingUnitRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      await recordAnswer({
        variables: {
          input: {
            proposalId: proposal.id,
            answeredOn,
            replyingUnit: replyingUnit.trim(),
            answerClass,
            text: text.trim() || null,
            documentRef: documentRef.trim() || null,
            expectedVersion: proposal.version,
          },
        },
      });
      onClose();
      notify(t('answer.recorded'));
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'CONFLICT') {
        onClose();
        await reload();
        notify(t('proposal.conflict'), 'warning');
        return;
      }
      const field = fieldErrorOf(t, appError, FIELDS);
      if (field) setFieldErrors({ [field.field]: field.message });
      setError(appError);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form-row">
        <TextField
          label={t('answer.answeredOn')}
          type="date"
          value={answeredOn}
          onChange={setAnsweredOn}
          error={fieldErrors.answeredOn}
          required
        />
        <TextField
          label={t('answer.replyingUnit')}
          value={replyingUnit}
          onChange={setReplyingUnit}
          hint={t('answer.replyingUnitHint')}
          error={fieldErrors.replyingUnit}
          maxLength={ANSWER_REPLYING_UNIT_MAX_LENGTH}
          required
          autoFocus
        />
      </div>
      <fieldset className={`fieldset${fieldErrors.answerClass ? ' field-invalid' : ''}`}>
        <legend className="field-label" id={classId}>
          {t('answer.answerClass')}
          <span className="field-mark" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        <div className="radio-list">
          {ANSWER_CLASSES.map((code) => (
            <label key={code} className="check">
              <input type="radio" name={classId} value={code} checked={answerClass === code} onChange={() => setAnswerClass(code)} />
              <span>{t('answer.classOption', { code, label: labels.answerClass(code) })}</span>
            </label>
          ))}
        </div>
        {fieldErrors.answerClass && (
          <p className="field-error" role="alert">
            {fieldErrors.answerClass}
          </p>
        )}
      </fieldset>
      <TextAreaField
        label={t('answer.text')}
        value={text}
        onChange={setText}
        error={fieldErrors.text}
        maxLength={ANSWER_TEXT_MAX_LENGTH}
        rows={5}
        optional
      />
      <TextField
        label={t('answer.documentRef')}
        value={documentRef}
        onChange={setDocumentRef}
        error={fieldErrors.documentRef}
        maxLength={STATUS_SOURCE_MAX_LENGTH}
        optional
      />
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.answerSubmit}>
          {loading ? t('answer.submitting') : t('answer.submit')}
        </button>
      </div>
    </form>
  );
}
