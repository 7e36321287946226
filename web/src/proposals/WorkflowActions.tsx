import { useMutation } from '@apollo/client';
import { STATUS_NOTE_MAX_LENGTH, type ProposalStatus } from '@jianyan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionTestId } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { TRANSITION_PROPOSAL_MUTATION } from '../graphql/proposals';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { TextAreaField, TextField } from '../ui/Field';
import { fieldErrorOf } from './errors';
import { useProposalLabels } from './labels';
import { RecordAnswerDialog } from './RecordAnswerDialog';
import type { SectionProps } from './section';

/** Moves that go back rather than forward get a quieter button. */
const BACKWARD: readonly ProposalStatus[] = ['draft'];

/** The workflow buttons: exactly the moves the API says this user may make now (`allowedTransitions`). */
export function WorkflowActions(props: SectionProps) {
  const { proposal } = props;
  const { t } = useTranslation();
  const [pending, setPending] = useState<ProposalStatus | null>(null);
  if (proposal.allowedTransitions.length === 0) return null;
  return (
    <div className="workflow" role="group" aria-label={t('proposal.actions')}>
      {proposal.allowedTransitions.map((to) => (
        <button
          key={to}
          type="button"
          className={`button ${BACKWARD.includes(to) ? '' : 'button-primary'}`}
          onClick={() => setPending(to)}
          data-testid={transitionTestId(to)}
        >
          {t(`transitions.${to}`)}
        </button>
      ))}
      <RecordAnswerDialog {...props} open={pending === 'answered'} onClose={() => setPending(null)} />
      <TransitionDialog {...props} to={pending === 'answered' ? null : pending} onClose={() => setPending(null)} />
    </div>
  );
}

function TransitionDialog({ proposal, notify, reload, to, onClose }: SectionProps & { to: ProposalStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProposalLabels();
  const [transition, { loading }] = useMutation(TRANSITION_PROPOSAL_MUTATION);
  const [note, setNote] = useState('');
  const [submittedOn, setSubmittedOn] = useState('');
  const [submittedOnError, setSubmittedOnError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const close = () => {
    setNote('');
    setSubmittedOn('');
    setSubmittedOnError(null);
    setError(null);
    onClose();
  };

  async function onConfirm() {
    if (!to) return;
    setError(null);
    setSubmittedOnError(null);
    try {
      await transition({
        variables: {
          input: {
            proposalId: proposal.id,
            to,
            note: note.trim() || null,
            expectedVersion: proposal.version,
            ...(to === 'submitted' && submittedOn ? { submittedOn } : {}),
          },
        },
      });
      close();
      notify(t('proposal.transitioned', { status: labels.proposalStatus(to) }));
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'CONFLICT') {
        close();
        await reload();
        notify(t('proposal.conflict'), 'warning');
        return;
      }
      setSubmittedOnError(fieldErrorOf(t, appError, ['submittedOn'] as const)?.message ?? null);
      setError(appError);
    }
  }

  return (
    <ConfirmDialog
      open={to !== null}
      title={to ? t(`transitions.${to}`) : ''}
      body={to ? t(`transitionBodies.${to}`) : ''}
      confirmLabel={to ? t(`transitions.${to}`) : ''}
      busy={loading}
      error={error}
      onConfirm={onConfirm}
      onCancel={close}
    >
      <TextAreaField
        label={t('proposal.transitionNote')}
        hint={t('proposal.transitionNoteHint')}
        value={note}
        onChange={setNote}
        maxLength={STATUS_NOTE_MAX_LENGTH}
        rows={3}
        optional
      />
      {to === 'submitted' && (
        <TextField
          label={t('proposal.submittedOn')}
          hint={t('proposal.submittedOnHint')}
          type="date"
          value={submittedOn}
          onChange={setSubmittedOn}
          error={submittedOnError}
          testId="transition-submitted-on"
          optional
        />
      )}
    </ConfirmDialog>
  );
}
