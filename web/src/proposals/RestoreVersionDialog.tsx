import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { PROPOSAL_VERSIONS_OPERATION, RESTORE_PROPOSAL_VERSION_MUTATION } from '../graphql/proposals';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { fieldErrorOf } from './errors';
import type { SectionProps } from './section';
import { useProposalVersions } from './useProposalVersions';

interface RestoreVersionDialogProps extends SectionProps {
  open: boolean;
  number: number;
  onClose: () => void;
}

/**
 * Confirms putting a version's body back. The API applies it as a new change that every connected
 * editor receives and records the result as a new version (kind `restored`); nothing is rewritten.
 */
export function RestoreVersionDialog({ open, number, onClose, ...props }: RestoreVersionDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} title={t('versions.restoreTitle', { number })} onClose={onClose} busy={busy} size="small">
      <RestoreConfirmation {...props} number={number} onClose={onClose} onBusy={setBusy} />
    </Dialog>
  );
}

function RestoreConfirmation({
  proposal,
  notify,
  reload,
  number,
  onClose,
  onBusy,
}: SectionProps & { number: number; onClose: () => void; onBusy: (busy: boolean) => void }) {
  const { t } = useTranslation();
  const versions = useProposalVersions(proposal);
  const version = versions.version(number);
  const [restore] = useMutation(RESTORE_PROPOSAL_VERSION_MUTATION, {
    refetchQueries: [PROPOSAL_VERSIONS_OPERATION],
  });
  const [error, setError] = useState<AppError | null>(null);
  /** From the request until the proposal is reloaded. */
  const [loading, setLoading] = useState(false);
  /** Known only once the version's content is loaded: a version saved before anyone wrote the body has none. */
  const noBody = version !== undefined && version.bodyText === null;

  async function onConfirm() {
    setError(null);
    setLoading(true);
    onBusy(true);
    try {
      const result = await restore({ variables: { input: { proposalId: proposal.id, number } } });
      const created = result.data?.restoreProposalVersion;
      await reload();
      onClose();
      if (created) notify(t('versions.restored', { number, newNumber: created.number }));
    } catch (caught) {
      setError(toAppError(caught));
      setLoading(false);
    } finally {
      onBusy(false);
    }
  }

  const errorMessage = error?.field === 'number' ? t('versions.restoreNoBody', { number }) : error ? fieldErrorOf(t, error, ['proposalId'] as const)?.message : undefined;

  return (
    <>
      <p>{t('versions.restoreBody', { number })}</p>
      {versions.loading && !version && <Loading label={t('versions.loading')} />}
      {noBody && <p className="notice notice-info">{t('versions.restoreNoBody', { number })}</p>}
      <ErrorNotice error={error} message={errorMessage} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void onConfirm()}
          disabled={loading || noBody}
          data-testid={TEST_IDS.confirmDialogConfirm}
        >
          {loading ? t('common.working') : t('versions.restoreConfirm')}
        </button>
      </div>
    </>
  );
}
