import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import type { EvidenceSupport } from '../graphql/evidence';
import { useFormat } from '../i18n/format';
import { ProposalStatusBadge } from '../proposals/StatusBadge';
import { useEvidenceLabels } from './labels';

/**
 * 支持的建议: every proposal and suggestion the record is linked to, among those the viewer may
 * see (the API leaves the others out), each linking to the proposal page.
 */
export function SupportsSection({ links }: { links: EvidenceSupport[] }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId} data-testid={TEST_IDS.evidenceLinks} data-count={links.length}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.supports')}
          <span className="count">{links.length}</span>
        </h2>
      </header>
      {links.length === 0 ? (
        <p className="muted section-empty">{t('evidenceRecord.supportsEmpty')}</p>
      ) : (
        <>
          <p className="muted small section-intro">{t('evidenceRecord.supportsIntro')}</p>
          <ul className="support-list">
            {links.map((link) => (
              <li key={link.id} className="support" data-testid={TEST_IDS.evidenceSupportItem} data-proposal-id={link.proposalId} data-suggestion-id={link.suggestion?.id ?? ''}>
                <div className="support-head">
                  {link.proposal ? (
                    <Link to={`/proposals/${link.proposal.id}`} className="support-proposal">
                      {link.proposal.title}
                    </Link>
                  ) : null}
                  {link.proposal && <ProposalStatusBadge status={link.proposal.status} />}
                </div>
                <p className="support-target">
                  <span className={`badge badge-outline link-kind link-kind-${link.kind}`}>{labels.linkKind(link.kind)}</span>
                  {link.suggestion && <span className="support-suggestion">{t('evidence.suggestionRef', { number: link.suggestion.number, title: link.suggestion.title })}</span>}
                </p>
                {link.quote && (
                  <blockquote className="link-quote" aria-label={t('evidenceRecord.quote')}>
                    {link.quote}
                  </blockquote>
                )}
                {link.note && <p className="link-note">{t('evidenceRecord.note', { note: link.note })}</p>}
                <p className="muted small">{t('evidenceRecord.supportsBy', { name: link.createdBy.displayName, date: format.date(link.createdAt) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
