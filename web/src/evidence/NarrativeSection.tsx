import type { TFunction } from 'i18next';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { EvidenceDetail, PiiFindingView } from '../graphql/evidence';
import { useEvidenceLabels } from './labels';
import { MarkNamesDialog } from './MarkNamesDialog';
import { MaskedText, PiiText } from './PiiText';
import type { RecordSectionProps } from './recordContext';

/** Which field a finding is in, for the list ("标题", "叙述", "数据第 2 项"). */
function fieldLabel(t: TFunction, field: string): string {
  if (field === 'title') return t('evidenceRecord.piiField.title');
  if (field === 'narrative') return t('evidenceRecord.piiField.narrative');
  const figure = /^figures\.(\d+)\.label$/.exec(field);
  return figure ? t('evidenceRecord.piiField.figure', { number: Number(figure[1]) + 1 }) : field;
}

/** The raw text a finding covers (title, narrative or a figure label). */
function findingText(evidence: EvidenceDetail, finding: PiiFindingView): string {
  const source =
    finding.field === 'title'
      ? evidence.title
      : finding.field === 'narrative'
        ? evidence.narrative
        : (evidence.figures[Number(/^figures\.(\d+)\.label$/.exec(finding.field)?.[1] ?? -1)]?.label ?? '');
  return source.slice(finding.start, finding.end);
}

/**
 * 案例叙述, as the viewer may see it: masked by the API unless she may read it raw; for those who
 * may, the personal data found on save is highlighted and listed with the form others see, and
 * managers can mark names to mask.
 */
export function NarrativeSection(props: RecordSectionProps) {
  const { evidence } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const headingId = useId();
  const narrativeRef = useRef<HTMLDivElement>(null);
  const [marking, setMarking] = useState<string | null>(null);
  const findings = evidence.piiFindings ?? [];
  const inNarrative = findings.filter((f) => f.field === 'narrative');

  /** Opens the dialog with the text selected in the narrative, if any. */
  function openMarking() {
    const selection = window.getSelection();
    const inside = selection && narrativeRef.current && selection.rangeCount > 0 && narrativeRef.current.contains(selection.anchorNode);
    setMarking(inside ? selection.toString() : '');
  }

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.narrative')}
        </h2>
        {evidence.viewerCanManage && evidence.rawContent && (
          // Keep the selection in the narrative when the button is pressed.
          <button type="button" className="button button-small" onMouseDown={(event) => event.preventDefault()} onClick={openMarking} data-testid={TEST_IDS.evidenceMarkName}>
            {t('evidenceRecord.markName')}
          </button>
        )}
      </header>
      {evidence.narrative ? (
        <div ref={narrativeRef} className="narrative prewrap" data-testid={TEST_IDS.evidenceNarrative} data-raw={evidence.rawContent}>
          {evidence.rawContent ? <PiiText text={evidence.narrative} highlights={inNarrative} /> : <MaskedText text={evidence.narrative} />}
        </div>
      ) : (
        <p className="muted section-empty" data-testid={TEST_IDS.evidenceNarrative}>
          {t('evidenceRecord.noNarrative')}
        </p>
      )}
      {findings.length > 0 && (
        <div className="pii-panel">
          <h3 className="pii-panel-title">
            {t('evidenceRecord.piiTitle')}
            <span className="count">{findings.length}</span>
          </h3>
          <p className="muted small">{t('evidenceRecord.piiIntro')}</p>
          <ul className="pii-list">
            {findings.map((finding, index) => (
              <li key={index} className="pii-item" data-testid={TEST_IDS.evidencePiiFinding} data-kind={finding.kind} data-field={finding.field} data-masked={finding.masked}>
                <span className={`pii-kind pii-kind-${finding.kind}`}>{labels.piiKind(finding.kind)}</span>
                <span className="pii-where muted small">{fieldLabel(t, finding.field)}</span>
                <mark className={`pii pii-${finding.kind} pii-raw`}>{findingText(evidence, finding)}</mark>
                <span className="pii-arrow" aria-hidden="true">
                  →
                </span>
                <code className="pii-masked" aria-label={t('evidenceRecord.piiMaskedAs', { masked: finding.masked })}>
                  {finding.masked}
                </code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <MarkNamesDialog {...props} open={marking !== null} selection={marking ?? ''} onClose={() => setMarking(null)} />
    </section>
  );
}
