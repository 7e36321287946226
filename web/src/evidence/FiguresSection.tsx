import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceDetail } from '../graphql/evidence';
import { FiguresTable } from './FiguresTable';

/** 数据: the record's figures as a table. */
export function FiguresSection({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.figures')}
          <span className="count">{evidence.figures.length}</span>
        </h2>
      </header>
      {evidence.figures.length === 0 ? <p className="muted section-empty">{t('evidenceRecord.noFigures')}</p> : <FiguresTable figures={evidence.figures} caption={t('evidenceRecord.figures')} />}
    </section>
  );
}
