import { useTranslation } from 'react-i18next';
import type { EvidenceFigure } from '../graphql/evidence';
import { useLanguage } from '../i18n/useLanguage';
import { formatFigureValue } from './labels';

/** The figures of a record as a small table: indicator, value, unit, period. */
export function FiguresTable({ figures, caption }: { figures: EvidenceFigure[]; caption: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="table-wrap figures-table">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidenceRecord.figureLabel')}</th>
            <th scope="col" className="num">
              {t('evidenceRecord.figureValue')}
            </th>
            <th scope="col">{t('evidenceRecord.figureUnit')}</th>
            <th scope="col">{t('evidenceRecord.figurePeriod')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure, index) => (
            <tr key={index}>
              <th scope="row" className="figure-label">
                {figure.label}
              </th>
              <td className="num figure-value">{formatFigureValue(figure.value, language)}</td>
              <td>{figure.unit ?? ''}</td>
              <td className="muted">{figure.period ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "2,000 人次以上 · 58 人": the figures in one line, for compact places (the evidence panel). */
export function FiguresInline({ figures, max = 2 }: { figures: EvidenceFigure[]; max?: number }) {
  const { language } = useLanguage();
  if (figures.length === 0) return null;
  return (
    <ul className="figures-inline">
      {figures.slice(0, max).map((figure, index) => (
        <li key={index}>
          <span className="figure-inline-value">
            {formatFigureValue(figure.value, language)}
            {figure.unit ? <span className="figure-inline-unit">{figure.unit}</span> : null}
          </span>
          <span className="figure-inline-label">{figure.label}</span>
        </li>
      ))}
    </ul>
  );
}
