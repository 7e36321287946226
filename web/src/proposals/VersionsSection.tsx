import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { SectionProps } from './section';

/** The versions frozen at each submission: number, date, who submitted. */
export function VersionsSection({ proposal }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('versions.title')}
        </h2>
      </header>
      {proposal.versions.length === 0 ? (
        <p className="muted">{t('versions.empty')}</p>
      ) : (
        <ol className="plain-list">
          {[...proposal.versions].reverse().map((version) => (
            <li key={version.id} className="version">
              <span className="version-number">{t('versions.item', { number: version.number })}</span>
              <span className="muted small">
                {version.createdBy.displayName} · <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
