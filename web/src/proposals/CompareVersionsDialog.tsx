import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SelectField } from '../ui/Field';
import { Loading } from '../ui/Status';
import { DiffLegend, DiffView } from './DiffView';
import type { SectionProps } from './section';
import { useProposalVersions } from './useProposalVersions';
import { useVersionLabels } from './versionLabels';
import { compareContents, type ComparableContent } from './versionText';

/** One side of the comparison: a version (`v3`) or the proposal as it is now. */
type Side = `v${number}` | 'current';

const versionSide = (number: number): Side => `v${number}`;
const numberOf = (side: Side): number | null => (side === 'current' ? null : Number(side.slice(1)));

interface CompareVersionsDialogProps extends SectionProps {
  open: boolean;
  /** The version the comparison starts from; it is compared with the current text at first. */
  number: number;
  onClose: () => void;
}

/** Compares any two versions, or a version with the current text, as a readable diff. */
export function CompareVersionsDialog({ open, number, onClose, ...props }: CompareVersionsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('versions.compareTitle')} onClose={onClose}>
      <Comparison key={number} {...props} number={number} />
    </Dialog>
  );
}

function Comparison({ proposal, number }: SectionProps & { number: number }) {
  const { t } = useTranslation();
  const labels = useVersionLabels();
  const versions = useProposalVersions(proposal);
  const [before, setBefore] = useState<Side>(versionSide(number));
  const [after, setAfter] = useState<Side>('current');

  const options = [
    { value: 'current' as Side, label: t('versions.current') },
    ...[...proposal.versions].sort((a, b) => b.number - a.number).map((v) => ({ value: versionSide(v.number), label: labels.full(v) })),
  ];
  const labelOf = (side: Side) => options.find((o) => o.value === side)?.label ?? side;

  const content = (side: Side): ComparableContent | undefined => {
    const n = numberOf(side);
    return n === null ? versions.current : versions.version(n);
  };
  const beforeContent = content(before);
  const afterContent = content(after);
  const comparison = useMemo(
    () => (beforeContent && afterContent ? compareContents(beforeContent, afterContent) : null),
    [beforeContent, afterContent],
  );

  let result;
  if (before === after) {
    result = <p className="notice notice-info">{t('versions.sameSide')}</p>;
  } else if (!comparison) {
    if (versions.error) result = <ErrorNotice error={versions.error} title={t('versions.loadFailed')} onRetry={versions.retry} />;
    else if (versions.loading) result = <Loading label={t('versions.loading')} />;
    else result = <p className="notice notice-info">{t('versions.notFound')}</p>;
  } else {
    result = (
      <>
        <p className="compare-source muted small">{comparison.source === 'body' ? t('versions.sourceBody') : t('versions.sourceSuggestions')}</p>
        {comparison.segments.every((s) => s.kind === 'equal') ? (
          <p className="notice notice-success">{t('versions.noChanges')}</p>
        ) : (
          <>
            <DiffLegend {...comparison.stats} />
            <DiffView lines={comparison.lines} label={t('versions.diffLabel', { before: labelOf(before), after: labelOf(after) })} />
          </>
        )}
      </>
    );
  }

  return (
    <div className="compare dialog-wide">
      <div className="compare-controls">
        <SelectField<Side> label={t('versions.before')} value={before} onChange={setBefore} options={options} />
        <button
          type="button"
          className="button button-small compare-swap"
          onClick={() => {
            setBefore(after);
            setAfter(before);
          }}
        >
          <span aria-hidden="true">⇄</span> {t('versions.swap')}
        </button>
        <SelectField<Side> label={t('versions.after')} value={after} onChange={setAfter} options={options} />
      </div>
      {result}
    </div>
  );
}
