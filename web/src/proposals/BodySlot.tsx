import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';

/**
 * 正文 / Body: the slot where the collaborative editor (tiptap + Yjs over /collab) will be mounted.
 * The API exposes no body text on Proposal yet, so until the editor lands this shows the heading
 * and a placeholder. Replace the placeholder paragraph with the editor; keep the section and test id.
 */
export function BodySlot() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card section body-slot" aria-labelledby={headingId} data-testid={TEST_IDS.proposalBodySlot}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('proposal.body')}
        </h2>
      </header>
      {/* Collaborative editor mounts here. */}
      <p className="body-placeholder muted">{t('proposal.bodyPlaceholder')}</p>
    </section>
  );
}
