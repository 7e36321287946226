import {
  EVIDENCE_FIGURES_MAX,
  EVIDENCE_FIGURE_LABEL_MAX_LENGTH,
  EVIDENCE_FIGURE_PERIOD_MAX_LENGTH,
  EVIDENCE_FIGURE_UNIT_MAX_LENGTH,
  EVIDENCE_NARRATIVE_MAX_LENGTH,
  EVIDENCE_PLACE_MAX_LENGTH,
  EVIDENCE_TAG_MAX_LENGTH,
  EVIDENCE_THEMES_MAX,
  EVIDENCE_TITLE_MAX_LENGTH,
  detectPii,
  isCalendarDate,
  maskValue,
  type EvidenceSourceType,
  type PiiKind,
  type PopulationGroup,
  type SensitivityLevel,
} from '@jianyan/shared';
import type { TFunction } from 'i18next';
import type { CreateEvidenceInput, EvidenceDetail, EvidenceFigureInput, UpdateEvidenceInput } from '../graphql/evidence';
import { NO_CONSENT, consentErrors, consentInput, type ConsentValues } from './ProtectionFields';

/** One figure as edited (the value as typed). */
export interface FigureRow {
  key: number;
  label: string;
  value: string;
  unit: string;
  period: string;
}

/** The create / edit form's values, as typed. */
export interface EvidenceFormValues {
  title: string;
  narrative: string;
  sourceType: EvidenceSourceType | '';
  /** YYYY-MM-DD */
  dateFrom: string;
  dateTo: string;
  districtId: string;
  town: string;
  community: string;
  populations: PopulationGroup[];
  themes: string[];
  figures: FigureRow[];
  sensitivity: SensitivityLevel;
  aboutIdentifiablePeople: boolean;
  consent: ConsentValues;
  markedNames: string[];
  /** Edit only: why the sensitivity changes (audited). */
  sensitivityReason: string;
}

/** Field → message: `title`, `figures.0.label`, `consent.obtainedBy`… */
export type FormErrors = Record<string, string>;

let figureKeys = 0;
export const newFigureKey = (): number => ++figureKeys;

export function emptyFigure(): FigureRow {
  return { key: newFigureKey(), label: '', value: '', unit: '', period: '' };
}

/** A new record: restricted and about identifiable people until the contributor says otherwise (the API's defaults). */
export function emptyValues(districtId: string | null): EvidenceFormValues {
  return {
    title: '',
    narrative: '',
    sourceType: '',
    dateFrom: '',
    dateTo: '',
    districtId: districtId ?? '',
    town: '',
    community: '',
    populations: [],
    themes: [],
    figures: [],
    sensitivity: 'restricted',
    aboutIdentifiablePeople: true,
    consent: NO_CONSENT,
    markedNames: [],
    sensitivityReason: '',
  };
}

/** The form's values for a record as its manager sees it (raw). */
export function valuesOf(evidence: EvidenceDetail): EvidenceFormValues {
  const c = evidence.consent;
  return {
    title: evidence.title,
    narrative: evidence.narrative,
    sourceType: evidence.sourceType,
    dateFrom: evidence.dateFrom,
    dateTo: evidence.dateTo ?? '',
    districtId: evidence.districtId ?? '',
    town: evidence.town ?? '',
    community: evidence.community ?? '',
    populations: [...evidence.populations],
    themes: [...evidence.themes],
    figures: evidence.figures.map((f) => ({ key: newFigureKey(), label: f.label, value: String(f.value), unit: f.unit ?? '', period: f.period ?? '' })),
    sensitivity: evidence.sensitivity,
    aboutIdentifiablePeople: evidence.aboutIdentifiablePeople,
    consent: c
      ? { obtained: c.obtained, obtainedBy: c.obtainedBy ?? '', obtainedOn: c.obtainedOn ?? '', scope: c.scope ?? '', expiresOn: c.expiresOn ?? '' }
      : { ...NO_CONSENT, obtained: evidence.consentObtained },
    markedNames: [...(evidence.markedNames ?? [])],
    sensitivityReason: '',
  };
}

/** "2,000" / "2000" / "58.5" → a number; anything else → null. */
export function parseFigureValue(value: string): number | null {
  const cleaned = value.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const number = Number(cleaned);
  return Number.isFinite(number) ? number : null;
}

/** The same checks as the API, with localized messages, keyed by the API's field paths. */
export function validate(t: TFunction, v: EvidenceFormValues): FormErrors {
  const errors: FormErrors = {};
  const title = v.title.trim();
  if (!title) errors.title = t('evidenceForm.errors.titleRequired');
  else if (title.length > EVIDENCE_TITLE_MAX_LENGTH) errors.title = t('evidenceForm.errors.titleTooLong', { max: EVIDENCE_TITLE_MAX_LENGTH });
  if (v.narrative.length > EVIDENCE_NARRATIVE_MAX_LENGTH) errors.narrative = t('evidenceForm.errors.narrativeTooLong', { max: EVIDENCE_NARRATIVE_MAX_LENGTH });
  if (!v.sourceType) errors.sourceType = t('evidenceForm.errors.sourceTypeRequired');
  if (!v.dateFrom) errors.dateFrom = t('evidenceForm.errors.dateRequired');
  else if (!isCalendarDate(v.dateFrom)) errors.dateFrom = t('evidenceForm.errors.dateInvalid');
  if (v.dateTo && !isCalendarDate(v.dateTo)) errors.dateTo = t('evidenceForm.errors.dateInvalid');
  else if (v.dateTo && v.dateFrom && v.dateTo < v.dateFrom) errors.dateTo = t('evidenceForm.errors.dateToBeforeFrom');
  for (const place of ['town', 'community'] as const) {
    if (v[place].trim().length > EVIDENCE_PLACE_MAX_LENGTH) errors[place] = t('evidenceForm.errors.placeTooLong', { max: EVIDENCE_PLACE_MAX_LENGTH });
  }
  if (v.themes.length > EVIDENCE_THEMES_MAX) errors.themes = t('evidenceForm.errors.themesTooMany', { max: EVIDENCE_THEMES_MAX });
  else if (v.themes.some((theme) => theme.length > EVIDENCE_TAG_MAX_LENGTH)) errors.themes = t('evidenceForm.errors.tagTooLong', { max: EVIDENCE_TAG_MAX_LENGTH });
  if (v.figures.length > EVIDENCE_FIGURES_MAX) errors.figures = t('evidenceForm.errors.figuresTooMany', { max: EVIDENCE_FIGURES_MAX });
  v.figures.forEach((figure, index) => {
    const label = figure.label.trim();
    if (!label) errors[`figures.${index}.label`] = t('evidenceForm.errors.figureLabelRequired');
    else if (label.length > EVIDENCE_FIGURE_LABEL_MAX_LENGTH) errors[`figures.${index}.label`] = t('evidenceForm.errors.figureLabelTooLong', { max: EVIDENCE_FIGURE_LABEL_MAX_LENGTH });
    if (parseFigureValue(figure.value) === null) errors[`figures.${index}.value`] = t('evidenceForm.errors.figureValueInvalid');
    if (figure.unit.trim().length > EVIDENCE_FIGURE_UNIT_MAX_LENGTH) errors[`figures.${index}.unit`] = t('evidenceForm.errors.figureUnitTooLong', { max: EVIDENCE_FIGURE_UNIT_MAX_LENGTH });
    if (figure.period.trim().length > EVIDENCE_FIGURE_PERIOD_MAX_LENGTH) errors[`figures.${index}.period`] = t('evidenceForm.errors.figurePeriodTooLong', { max: EVIDENCE_FIGURE_PERIOD_MAX_LENGTH });
  });
  for (const [key, message] of Object.entries(consentErrors(t, v.consent))) errors[`consent.${key}`] = message;
  return errors;
}

function figuresInput(figures: FigureRow[]): EvidenceFigureInput[] {
  return figures.map((f) => ({ label: f.label.trim(), value: parseFigureValue(f.value) ?? 0, unit: f.unit.trim() || null, period: f.period.trim() || null }));
}

export function toCreateInput(v: EvidenceFormValues): CreateEvidenceInput {
  return {
    title: v.title.trim(),
    narrative: v.narrative,
    dateFrom: v.dateFrom,
    dateTo: v.dateTo || null,
    districtId: v.districtId || null,
    town: v.town.trim() || null,
    community: v.community.trim() || null,
    populations: v.populations,
    themes: v.themes,
    sourceType: v.sourceType as EvidenceSourceType,
    figures: figuresInput(v.figures),
    sensitivity: v.sensitivity,
    aboutIdentifiablePeople: v.aboutIdentifiablePeople,
    consent: consentInput(v.consent),
    markedNames: v.markedNames,
  };
}

/** Every content field (null clears the optional ones); protection settings have their own mutations. */
export function toUpdateInput(id: string, expectedVersion: number, v: EvidenceFormValues): UpdateEvidenceInput {
  return {
    id,
    expectedVersion,
    title: v.title.trim(),
    narrative: v.narrative,
    dateFrom: v.dateFrom,
    dateTo: v.dateTo || null,
    districtId: v.districtId || null,
    town: v.town.trim() || null,
    community: v.community.trim() || null,
    populations: v.populations,
    themes: v.themes,
    sourceType: v.sourceType as EvidenceSourceType,
    figures: figuresInput(v.figures),
  };
}

/** Whether the consent part (or "about identifiable people") differs from the saved record. */
export function consentChanged(saved: EvidenceFormValues, v: EvidenceFormValues): boolean {
  return JSON.stringify(consentInput(saved.consent)) !== JSON.stringify(consentInput(v.consent)) || saved.aboutIdentifiablePeople !== v.aboutIdentifiablePeople;
}

export function namesChanged(saved: EvidenceFormValues, v: EvidenceFormValues): boolean {
  return [...saved.markedNames].sort().join('\n') !== [...v.markedNames].sort().join('\n');
}

/** Personal data found as the contributor types, with the form others will see. */
export interface LiveFinding {
  field: 'title' | 'narrative' | `figures.${number}.label`;
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
  masked: string;
}

/** Runs the shared detection (the one the API runs on save) over title, narrative and figure labels. */
export function liveFindings(v: Pick<EvidenceFormValues, 'title' | 'narrative' | 'figures' | 'markedNames'>): LiveFinding[] {
  const fields: [LiveFinding['field'], string][] = [
    ['title', v.title],
    ['narrative', v.narrative],
    ...v.figures.map((f, i) => [`figures.${i}.label`, f.label] as [LiveFinding['field'], string]),
  ];
  return fields.flatMap(([field, text]) =>
    detectPii(text, v.markedNames).map((f) => {
      const raw = text.slice(f.start, f.end);
      return { field, kind: f.kind, start: f.start, end: f.end, text: raw, masked: maskValue(f.kind, raw) };
    }),
  );
}
