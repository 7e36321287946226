import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { TextParagraphs } from './TextParagraphs';
import { paragraphsOf } from './versionText';

/**
 * 正文 / Body: the slot where the collaborative editor (tiptap + Yjs over /collab) will be mounted.
 * Until it is, the slot shows the body's plain text read-only (`Proposal.bodyText`, one paragraph
 * per line) when someone has written one, and a placeholder otherwise. The editor replaces the
 * content below the header; keep the section element and its test id as its container.
 */
export function BodySlot({ bodyText }: { bodyText?: string | null }) {
  const { t } = useTranslation();
  const headingId = useId();
  const hasText = paragraphsOf(bodyText).length > 0;
  return (
    <section
      className={`card section body-slot${hasText ? ' body-slot-text' : ''}`}
      aria-labelledby={headingId}
      data-testid={TEST_IDS.proposalBodySlot}
    >
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('proposal.body')}
        </h2>
        {hasText && <span className="badge badge-muted badge-small">{t('proposal.bodyReadOnly')}</span>}
      </header>
      {/* Collaborative editor mounts here. */}
      {hasText ? (
        <TextParagraphs text={bodyText} className="text-paragraphs body-text" />
      ) : (
        <p className="body-placeholder muted">{t('proposal.bodyPlaceholder')}</p>
      )}
    </section>
  );
}
