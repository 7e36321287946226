import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../graphql/evidence';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { useEvidenceLabels } from './labels';

/** 基本信息: date, place, source, populations, themes, who recorded it and when. */
export function DetailsSection({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const headingId = useId();
  const place = [evidence.district ? orgLabels.organization(evidence.district) : null, evidence.town, evidence.community].filter(Boolean).join(' · ');
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.details')}
        </h2>
      </header>
      <dl className="details-grid details-grid-single">
        <div>
          <dt>{t('evidenceRecord.date')}</dt>
          <dd>{labels.period(evidence.dateFrom, evidence.dateTo)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.place')}</dt>
          <dd>{place || <span className="muted">{t('evidenceRecord.noPlace')}</span>}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.sourceType')}</dt>
          <dd>{labels.sourceType(evidence.sourceType)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.populations')}</dt>
          <dd>
            {evidence.populations.length === 0 ? (
              <span className="muted">{t('evidenceRecord.none')}</span>
            ) : (
              <ul className="tags tags-small">
                {evidence.populations.map((p) => (
                  <li key={p} className="tag tag-population">
                    {labels.population(p)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.themes')}</dt>
          <dd>
            {evidence.themes.length === 0 ? (
              <span className="muted">{t('evidenceRecord.none')}</span>
            ) : (
              <ul className="tags tags-small">
                {evidence.themes.map((theme) => (
                  <li key={theme} className="tag">
                    {labels.theme(theme)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.contributor')}</dt>
          <dd>{evidence.contributor.displayName}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.organization')}</dt>
          <dd>{orgLabels.organization(evidence.organization)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.createdAt')}</dt>
          <dd>{format.dateTime(evidence.createdAt)}</dd>
        </div>
        {evidence.publishedAt && (
          <div>
            <dt>{t('evidenceRecord.publishedAt')}</dt>
            <dd>{format.dateTime(evidence.publishedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('evidenceRecord.updatedAt')}</dt>
          <dd>
            {format.dateTime(evidence.updatedAt)} · {t('evidenceRecord.version')} {evidence.version}
          </dd>
        </div>
      </dl>
    </section>
  );
}
