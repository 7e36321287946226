import { useMutation } from '@apollo/client';
import { canMoveEvidence } from '@jianyan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { PUBLISH_EVIDENCE_MUTATION, WITHDRAW_EVIDENCE_MUTATION } from '../graphql/evidence';
import type { AppError } from '../graphql/errors';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useEvidenceLabels } from './labels';
import { runChange, type RecordSectionProps } from './recordContext';

/** Edit, publish, withdraw (the contributor and administrators). */
export function RecordActions(props: RecordSectionProps) {
  const { evidence, notify } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const [confirming, setConfirming] = useState<null | 'published' | 'withdrawn'>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [publish, publishing] = useMutation(PUBLISH_EVIDENCE_MUTATION);
  const [withdraw, withdrawing] = useMutation(WITHDRAW_EVIDENCE_MUTATION);
  const busy = publishing.loading || withdrawing.loading;
  const input = { id: evidence.id, expectedVersion: evidence.version };

  async function onConfirm() {
    const to = confirming;
    if (!to) return;
    setError(null);
    const failure = await runChange(t, props, async () => {
      if (to === 'published') await publish({ variables: { input } });
      else await withdraw({ variables: { input } });
      notify(t(to === 'published' ? 'evidenceRecord.published' : 'evidenceRecord.withdrawn'));
    });
    if (failure) setError(failure);
    else setConfirming(null);
  }

  return (
    <div className="proposal-header-side">
      <div className="workflow">
        <Link to={`/evidence/${evidence.id}/edit`} className="button" data-testid={TEST_IDS.evidenceEdit}>
          {t('evidenceRecord.edit')}
        </Link>
        {evidence.status === 'published' && (
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming('withdrawn')} data-testid={TEST_IDS.evidenceWithdraw}>
            {t('evidenceRecord.withdraw')}
          </button>
        )}
        {canMoveEvidence(evidence.status, 'published') && (
          <button type="button" className="button button-primary" onClick={() => setConfirming('published')} data-testid={TEST_IDS.evidencePublish}>
            {evidence.status === 'withdrawn' ? t('evidenceRecord.republish') : t('evidenceRecord.publish')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'withdrawn' ? t('evidenceRecord.withdrawTitle') : t('evidenceRecord.publishTitle')}
        body={
          confirming === 'withdrawn'
            ? t('evidenceRecord.withdrawBody')
            : t('evidenceRecord.publishBody', { level: labels.sensitivity(evidence.effectiveSensitivity), who: labels.sensitivityWho(evidence.effectiveSensitivity) })
        }
        confirmLabel={confirming === 'withdrawn' ? t('evidenceRecord.withdraw') : t('evidenceRecord.publish')}
        tone={confirming === 'withdrawn' ? 'danger' : 'primary'}
        busy={busy}
        error={error}
        onConfirm={() => void onConfirm()}
        onCancel={() => {
          setConfirming(null);
          setError(null);
        }}
      />
    </div>
  );
}
