import { detectPii, maskText, maskValue, type PiiKind } from '@jianyan/shared';
import { EvidenceEntity, EvidenceFigure, PiiField, StoredPiiFinding } from './evidence.entity';

export interface EvidenceContent {
  title: string;
  narrative: string;
  figures: EvidenceFigure[];
  markedNames: string[];
}

export interface MaskedContent {
  piiFindings: StoredPiiFinding[];
  titleMasked: string;
  narrativeMasked: string;
}

function findingsIn(field: PiiField, text: string, names: string[]): StoredPiiFinding[] {
  return detectPii(text, names).map((f) => ({ field, ...f }));
}

/** Detects personal data in the title, narrative and figure labels: run on every save. */
export function detectEvidencePii(content: EvidenceContent): MaskedContent {
  const title = findingsIn('title', content.title, content.markedNames);
  const narrative = findingsIn('narrative', content.narrative, content.markedNames);
  const figures = content.figures.flatMap((figure, i) => findingsIn(`figures.${i}.label`, figure.label, content.markedNames));
  return {
    piiFindings: [...title, ...narrative, ...figures],
    titleMasked: maskText(content.title, title),
    narrativeMasked: maskText(content.narrative, narrative),
  };
}

function findingsOf(record: EvidenceEntity, field: PiiField): StoredPiiFinding[] {
  return record.piiFindings.filter((f) => f.field === field);
}

/** The figures with personal data in their labels masked. */
export function maskedFigures(record: EvidenceEntity): EvidenceFigure[] {
  return record.figures.map((figure, i) => ({ ...figure, label: maskText(figure.label, findingsOf(record, `figures.${i}.label`)) }));
}

/**
 * Everything searchable in a record, masked: what every path serves to someone not cleared for raw
 * content (GraphQL fields, exports, search snippets).
 */
export function maskedText(record: EvidenceEntity): string {
  return [record.titleMasked, record.narrativeMasked, ...maskedFigures(record).map((f) => f.label)].filter(Boolean).join('\n');
}

export interface PiiFindingView {
  field: string;
  kind: PiiKind;
  start: number;
  end: number;
  masked: string;
}

/** The findings with the masked form of each, for the contributor's review. */
export function findingViews(record: EvidenceEntity): PiiFindingView[] {
  const textOf = (field: PiiField): string => {
    if (field === 'title') return record.title;
    if (field === 'narrative') return record.narrative;
    return record.figures[Number(field.split('.')[1])]?.label ?? '';
  };
  return record.piiFindings.map((f) => ({ ...f, masked: maskValue(f.kind, textOf(f.field).slice(f.start, f.end)) }));
}
