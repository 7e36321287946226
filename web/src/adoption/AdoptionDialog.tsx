import { useMutation, useQuery } from '@apollo/client';
import { SUGGESTION_STATUS_LABELS, todayInChina, type SuggestionStatus } from '@jianyan/shared';
import { useState } from 'react';
import { toAppError, type AppError } from '../graphql/errors';
import { PROPOSAL_OPERATION } from '../graphql/proposals';
import { useLanguage } from '../i18n/useLanguage';
import { PROGRAM_CLAUSES_QUERY, PROGRAMS_QUERY } from '../programs/graphql';
import { PROGRAMS_TEST_IDS } from '../programs/testids';
import { useProgramsText } from '../programs/useProgramsText';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { ADOPTION_STATUSES, ADOPTION_TARGET_KINDS, PROPOSAL_ADOPTIONS_OPERATION, RECORD_ADOPTION_MUTATION, type AdoptionTargetKind } from './graphql';

interface AdoptionDialogProps {
  suggestion: { id: string; number: number } | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}

const clip = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** Records where a suggestion was taken up: a program clause (chosen from the tree), an official reply or a policy document. */
export function AdoptionDialog({ suggestion, onClose, onSaved }: AdoptionDialogProps) {
  const t = useProgramsText();
  const { isEnglish } = useLanguage();
  const [targetKind, setTargetKind] = useState<AdoptionTargetKind>('clause');
  const [programId, setProgramId] = useState('');
  const [clauseId, setClauseId] = useState('');
  const [documentTitle, setDocumentTitle] = useState('');
  const [status, setStatus] = useState<SuggestionStatus>('adopted');
  const [decidedOn, setDecidedOn] = useState(todayInChina());
  const [quotedText, setQuotedText] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const open = suggestion !== null;
  const programs = useQuery(PROGRAMS_QUERY, { variables: { first: 100 }, skip: !open || targetKind !== 'clause' });
  const clauses = useQuery(PROGRAM_CLAUSES_QUERY, { variables: { id: programId }, skip: !open || !programId });
  const [record, { loading }] = useMutation(RECORD_ADOPTION_MUTATION, {
    refetchQueries: [PROPOSAL_OPERATION, PROPOSAL_ADOPTIONS_OPERATION],
    awaitRefetchQueries: true,
  });
  const clauseOptions = (clauses.data?.program.clauses ?? [])
    .filter((c) => c.kind === 'goal' || c.kind === 'measure')
    .map((c) => ({ value: c.id, label: clip(`${c.number} ${c.text}`.trim()) }));

  const close = () => {
    setTargetKind('clause');
    setProgramId('');
    setClauseId('');
    setDocumentTitle('');
    setStatus('adopted');
    setDecidedOn(todayInChina());
    setQuotedText('');
    setSource('');
    setNote('');
    setError(null);
    onClose();
  };

  async function onConfirm() {
    if (!suggestion) return;
    setError(null);
    try {
      await record({
        variables: {
          input: {
            suggestionId: suggestion.id,
            targetKind,
            clauseId: targetKind === 'clause' ? clauseId || null : null,
            documentTitle: targetKind === 'clause' ? null : documentTitle.trim() || null,
            status,
            decidedOn,
            quotedText: quotedText.trim() || null,
            source: source.trim() || null,
            note: note.trim() || null,
          },
        },
      });
      const number = suggestion.number;
      close();
      onSaved(t('adoption.saved', { number }));
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <ConfirmDialog
      open={open}
      title={suggestion ? t('adoption.title', { number: suggestion.number }) : ''}
      body=""
      confirmLabel={t('adoption.submit')}
      busy={loading}
      error={error}
      onConfirm={onConfirm}
      onCancel={close}
      confirmDisabled={targetKind === 'clause' ? !clauseId : !documentTitle.trim()}
    >
      <div className="form">
        <SelectField<AdoptionTargetKind>
          label={t('adoption.targetKind')}
          value={targetKind}
          onChange={setTargetKind}
          options={ADOPTION_TARGET_KINDS.map((kind) => ({ value: kind, label: t(`adoption.targets.${kind}`) }))}
          testId={PROGRAMS_TEST_IDS.adoptionTargetKind}
        />
        {targetKind === 'clause' ? (
          <>
            <SelectField
              label={t('adoption.program')}
              value={programId}
              onChange={(value) => {
                setProgramId(value);
                setClauseId('');
              }}
              placeholder={t('adoption.chooseProgram')}
              options={(programs.data?.programs.nodes ?? []).map((p) => ({ value: p.id, label: p.name }))}
              required
              testId={PROGRAMS_TEST_IDS.adoptionProgram}
            />
            <SelectField
              label={t('adoption.clause')}
              value={clauseId}
              onChange={setClauseId}
              placeholder={t('adoption.chooseClause')}
              options={clauseOptions}
              disabled={!programId}
              required
              testId={PROGRAMS_TEST_IDS.adoptionClause}
            />
          </>
        ) : (
          <TextField
            label={t('adoption.documentTitle')}
            value={documentTitle}
            onChange={setDocumentTitle}
            maxLength={300}
            required
            testId={PROGRAMS_TEST_IDS.adoptionDocumentTitle}
          />
        )}
        <div className="form-row">
          <SelectField<SuggestionStatus>
            label={t('adoption.status')}
            value={status}
            onChange={setStatus}
            options={ADOPTION_STATUSES.map((s) => ({ value: s, label: SUGGESTION_STATUS_LABELS[s][isEnglish ? 'en' : 'zh'] }))}
            testId={PROGRAMS_TEST_IDS.adoptionStatus}
          />
          <TextField label={t('adoption.decidedOn')} type="date" value={decidedOn} onChange={setDecidedOn} required testId={PROGRAMS_TEST_IDS.adoptionDecidedOn} />
        </div>
        <TextAreaField
          label={t('adoption.quotedText')}
          hint={targetKind === 'clause' ? t('adoption.quotedHint') : undefined}
          value={quotedText}
          onChange={setQuotedText}
          maxLength={5000}
          rows={3}
          optional
        />
        <TextField
          label={t('adoption.source')}
          hint={targetKind === 'clause' ? t('adoption.sourceHint') : undefined}
          value={source}
          onChange={setSource}
          maxLength={500}
          optional
        />
        <TextAreaField
          label={t('adoption.note')}
          hint={status === 'not_adopted' ? t('adoption.noteRequired') : undefined}
          value={note}
          onChange={setNote}
          maxLength={2000}
          rows={2}
          required={status === 'not_adopted'}
          optional={status !== 'not_adopted'}
          testId={PROGRAMS_TEST_IDS.adoptionNote}
        />
      </div>
    </ConfirmDialog>
  );
}
