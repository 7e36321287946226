import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { DiffLine } from './versionText';

/**
 * The differences paragraph by paragraph: insertions in <ins> (green, underlined), deletions in
 * <del> (red, struck through). Screen readers hear where each starts and ends from visually
 * hidden labels (CSS generated content from data-start / data-end, so copied text stays clean).
 */
export function DiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="diff-view" role="region" aria-label={label} tabIndex={0} data-testid={TEST_IDS.diffView}>
      {lines.map((line, index) => (
        <p key={index} className={`diff-line diff-line-${line.kind}`}>
          {line.pieces.map((piece, i) => {
            if (piece.kind === 'insert') {
              return (
                <ins key={i} className="diff-ins" data-start={t('versions.insertStart')} data-end={t('versions.insertEnd')} data-testid={TEST_IDS.diffInsert}>
                  {piece.text}
                </ins>
              );
            }
            if (piece.kind === 'delete') {
              return (
                <del key={i} className="diff-del" data-start={t('versions.deleteStart')} data-end={t('versions.deleteEnd')} data-testid={TEST_IDS.diffDelete}>
                  {piece.text}
                </del>
              );
            }
            return <span key={i}>{piece.text}</span>;
          })}
        </p>
      ))}
    </div>
  );
}

/** What the colours and marks mean. */
export function DiffLegend({ inserted, deleted }: { inserted: number; deleted: number }) {
  const { t } = useTranslation();
  return (
    <div className="diff-legend">
      <span className="diff-legend-title">{t('versions.legend')}</span>
      <span className="diff-sample diff-sample-insert">{t('versions.legendInsert')}</span>
      <span className="diff-sample diff-sample-delete">{t('versions.legendDelete')}</span>
      <span className="diff-stats muted">{t('versions.stats', { inserted, deleted })}</span>
    </div>
  );
}
