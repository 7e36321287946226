import type { PiiKind } from '@jianyan/shared';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvidenceLabels } from './labels';

/** A piece of personal data in a text: [start, end) in UTF-16 code units, and its masked form. */
export interface Highlight {
  kind: PiiKind;
  start: number;
  end: number;
  masked: string;
}

/** The text cut into plain runs and highlighted runs (findings sorted, overlaps dropped). */
export function segments(text: string, highlights: readonly Highlight[]): ({ text: string } | { text: string; highlight: Highlight })[] {
  const out: ({ text: string } | { text: string; highlight: Highlight })[] = [];
  let cursor = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < cursor || h.end > text.length || h.end <= h.start) continue;
    if (h.start > cursor) out.push({ text: text.slice(cursor, h.start) });
    out.push({ text: text.slice(h.start, h.end), highlight: h });
    cursor = h.end;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

interface PiiTextProps {
  text: string;
  highlights: readonly Highlight[];
}

/**
 * Text with its personal data highlighted (<mark>, with the kind and the masked form others see
 * as a tooltip and for screen readers). Whitespace and line breaks are kept (the parent sets
 * `white-space: pre-wrap`).
 */
export function PiiText({ text, highlights }: PiiTextProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  return (
    <>
      {segments(text, highlights).map((part, index) =>
        'highlight' in part ? (
          <mark
            key={index}
            className={`pii pii-${part.highlight.kind}`}
            title={t('evidenceRecord.piiFindingTitle', { kind: labels.piiKind(part.highlight.kind), masked: part.highlight.masked })}
            data-kind={part.highlight.kind}
            data-masked={part.highlight.masked}
          >
            {part.text}
            <span className="visually-hidden">
              {' '}
              ({t('evidenceRecord.piiFindingTitle', { kind: labels.piiKind(part.highlight.kind), masked: part.highlight.masked })})
            </span>
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * Text as served masked (3501**********1232, 139****5678, 王**): the runs of asterisks are set
 * off, with a tooltip saying they hide personal data.
 */
export function MaskedText({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = text.split(/(\*{2,})/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} className="masked-run" title={t('evidenceRecord.maskedRun')}>
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
