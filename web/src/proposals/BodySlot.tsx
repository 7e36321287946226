import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { ProposalEditorLazy } from '../editor/lazy';

/**
 * 正文 / Body: the collaborative editor (tiptap + Yjs over /collab). Owners and co-authors write
 * while the proposal is a draft or in review; everyone else who may read the proposal sees the
 * live text read-only (the server enforces both).
 */
export function BodySlot({ proposalId, canEdit }: { proposalId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card section body-slot" aria-labelledby={headingId} data-testid={TEST_IDS.proposalBodySlot}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('proposal.body')}
        </h2>
      </header>
      <ProposalEditorLazy proposalId={proposalId} canEdit={canEdit} embedded />
    </section>
  );
}
