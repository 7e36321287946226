import { useMutation } from '@apollo/client';
import { VERSION_NAME_MAX_LENGTH } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { PROPOSAL_OPERATION, PROPOSAL_VERSIONS_OPERATION, SAVE_PROPOSAL_VERSION_MUTATION } from '../graphql/proposals';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { fieldErrorOf } from './errors';
import type { SectionProps } from './section';

/** Saves the proposal as it is now as a named version (owners and co-authors, while editable). */
export function SaveVersionDialog(props: SectionProps & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  return (
    <Dialog open={props.open} title={t('versions.saveTitle')} onClose={props.onClose} busy={saving} size="small">
      <SaveVersionForm {...props} onBusy={setSaving} />
    </Dialog>
  );
}

function SaveVersionForm({ proposal, notify, onClose, onBusy }: SectionProps & { onClose: () => void; onBusy: (busy: boolean) => void }) {
  const { t } = useTranslation();
  const [save, { loading }] = useMutation(SAVE_PROPOSAL_VERSION_MUTATION, {
    refetchQueries: [PROPOSAL_OPERATION, PROPOSAL_VERSIONS_OPERATION],
    awaitRefetchQueries: true,
  });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('versions.nameRequired'));
    if ([...trimmed].length > VERSION_NAME_MAX_LENGTH) return setNameError(t('versions.nameTooLong', { max: VERSION_NAME_MAX_LENGTH }));
    setNameError(null);
    onBusy(true);
    try {
      const result = await save({ variables: { input: { proposalId: proposal.id, name: trimmed } } });
      const saved = result.data?.saveProposalVersion;
      onClose();
      if (saved) notify(t('versions.saved', { number: saved.number, name: saved.name ?? trimmed }));
    } catch (caught) {
      const appError = toAppError(caught);
      const field = fieldErrorOf(t, appError, ['name'] as const);
      if (field) setNameError(field.message);
      else setError(appError);
    } finally {
      onBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted small">{t('versions.saveBody')}</p>
      <TextField
        label={t('versions.nameLabel')}
        value={name}
        onChange={setName}
        hint={t('versions.nameHint', { max: VERSION_NAME_MAX_LENGTH })}
        error={nameError}
        maxLength={VERSION_NAME_MAX_LENGTH}
        testId={TEST_IDS.versionNameInput}
        autoComplete="off"
        autoFocus
        required
      />
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.versionSaveSubmit}>
          {loading ? t('versions.saving') : t('versions.saveSubmit')}
        </button>
      </div>
    </form>
  );
}
