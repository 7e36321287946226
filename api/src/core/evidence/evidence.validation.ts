import {
  EVIDENCE_CONSENT_TEXT_MAX_LENGTH,
  EVIDENCE_FIGURES_MAX,
  EVIDENCE_FIGURE_LABEL_MAX_LENGTH,
  EVIDENCE_FIGURE_PERIOD_MAX_LENGTH,
  EVIDENCE_FIGURE_UNIT_MAX_LENGTH,
  EVIDENCE_GRANT_LEVELS,
  EVIDENCE_MARKED_NAMES_MAX,
  EVIDENCE_MARKED_NAME_MAX_LENGTH,
  EVIDENCE_MARKED_NAME_MIN_LENGTH,
  EVIDENCE_NARRATIVE_MAX_LENGTH,
  EVIDENCE_PLACE_MAX_LENGTH,
  EVIDENCE_SOURCE_TYPES,
  EVIDENCE_STATUSES,
  EVIDENCE_TAG_MAX_LENGTH,
  EVIDENCE_THEMES_MAX,
  EVIDENCE_TITLE_MAX_LENGTH,
  POPULATION_GROUPS,
  SENSITIVITY_LEVELS,
  isCalendarDate,
  normalizeMarkedNames,
} from '@jianyan/shared';
import { z } from 'zod';
import { calendarDate, oneLine } from '../../common/validation';

const max = (n: number) => `must be at most ${n} characters`;
const unique = <T>(values: T[]) => [...new Set(values)];

/** Blank optional text becomes null. */
const optionalText = (limit: number) =>
  z
    .string()
    .trim()
    .max(limit, max(limit))
    .nullish()
    .transform((v) => (v ? v : null));

const optionalDate = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isCalendarDate(v), 'must be a date written YYYY-MM-DD');

export const titleSchema = oneLine(z.string().trim().min(1, 'is required').max(EVIDENCE_TITLE_MAX_LENGTH, max(EVIDENCE_TITLE_MAX_LENGTH)));
export const narrativeSchema = z
  .string()
  .max(EVIDENCE_NARRATIVE_MAX_LENGTH, max(EVIDENCE_NARRATIVE_MAX_LENGTH))
  .nullish()
  .transform((v) => (v ?? '').trim());
export const populationsSchema = z
  .array(z.enum(POPULATION_GROUPS))
  .nullish()
  .transform((v) => unique(v ?? []));
export const themesSchema = z
  .array(z.string().trim().min(1, 'must not be blank').max(EVIDENCE_TAG_MAX_LENGTH, max(EVIDENCE_TAG_MAX_LENGTH)))
  .max(EVIDENCE_THEMES_MAX, `must have at most ${EVIDENCE_THEMES_MAX} entries`)
  .nullish()
  .transform((v) => unique(v ?? []));
export const figuresSchema = z
  .array(
    z.object({
      label: oneLine(z.string().trim().min(1, 'is required').max(EVIDENCE_FIGURE_LABEL_MAX_LENGTH, max(EVIDENCE_FIGURE_LABEL_MAX_LENGTH))),
      value: z.number().finite('must be a number'),
      unit: optionalText(EVIDENCE_FIGURE_UNIT_MAX_LENGTH),
      period: optionalText(EVIDENCE_FIGURE_PERIOD_MAX_LENGTH),
    }),
  )
  .max(EVIDENCE_FIGURES_MAX, `must have at most ${EVIDENCE_FIGURES_MAX} entries`)
  .nullish()
  .transform((v) => v ?? []);
export const markedNamesSchema = z
  .array(
    oneLine(
      z
        .string()
        .trim()
        .min(EVIDENCE_MARKED_NAME_MIN_LENGTH, `must be at least ${EVIDENCE_MARKED_NAME_MIN_LENGTH} characters`)
        .max(EVIDENCE_MARKED_NAME_MAX_LENGTH, max(EVIDENCE_MARKED_NAME_MAX_LENGTH)),
    ),
  )
  .max(EVIDENCE_MARKED_NAMES_MAX, `must have at most ${EVIDENCE_MARKED_NAMES_MAX} entries`)
  .nullish()
  .transform((v) => normalizeMarkedNames(v ?? []));

export const consentSchema = z
  .object({
    obtained: z.boolean(),
    obtainedBy: optionalText(60),
    obtainedOn: optionalDate,
    scope: optionalText(EVIDENCE_CONSENT_TEXT_MAX_LENGTH),
    expiresOn: optionalDate,
  })
  .superRefine((c, ctx) => {
    if (c.obtained && !c.obtainedBy) ctx.addIssue({ code: 'custom', path: ['obtainedBy'], message: 'is required when consent was obtained' });
    if (c.obtained && !c.obtainedOn) ctx.addIssue({ code: 'custom', path: ['obtainedOn'], message: 'is required when consent was obtained' });
    if (c.expiresOn && c.obtainedOn && c.expiresOn < c.obtainedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must not be before obtainedOn' });
    }
  });
export type ConsentData = z.output<typeof consentSchema>;

const NO_CONSENT: ConsentData = { obtained: false, obtainedBy: null, obtainedOn: null, scope: null, expiresOn: null };

/** The end of a period must not come before its start. */
function checkPeriod(v: { dateFrom?: string | null; dateTo?: string | null }, ctx: z.RefinementCtx): void {
  if (v.dateFrom && v.dateTo && v.dateTo < v.dateFrom) ctx.addIssue({ code: 'custom', path: ['dateTo'], message: 'must not be before dateFrom' });
}

export const createEvidenceSchema = z
  .object({
    title: titleSchema,
    narrative: narrativeSchema,
    dateFrom: calendarDate,
    dateTo: optionalDate,
    districtId: z.string().nullish().transform((v) => v || null),
    town: oneLine(optionalText(EVIDENCE_PLACE_MAX_LENGTH)),
    community: oneLine(optionalText(EVIDENCE_PLACE_MAX_LENGTH)),
    populations: populationsSchema,
    themes: themesSchema,
    sourceType: z.enum(EVIDENCE_SOURCE_TYPES),
    figures: figuresSchema,
    sensitivity: z.enum(SENSITIVITY_LEVELS).nullish().transform((v) => v ?? 'restricted'),
    aboutIdentifiablePeople: z.boolean().nullish().transform((v) => v ?? true),
    consent: consentSchema.nullish().transform((v) => v ?? NO_CONSENT),
    markedNames: markedNamesSchema,
    status: z.enum(EVIDENCE_STATUSES).nullish().transform((v) => v ?? 'draft'),
  })
  .superRefine(checkPeriod);
export type NewEvidence = z.input<typeof createEvidenceSchema>;
export type NewEvidenceData = z.output<typeof createEvidenceSchema>;

/** Only the fields given change; null clears an optional field. */
export const updateEvidenceSchema = z.object({
  id: z.string().min(1, 'is required'),
  expectedVersion: z.number().int().nullish(),
  title: titleSchema.nullish().transform((v) => v ?? undefined),
  narrative: z.string().max(EVIDENCE_NARRATIVE_MAX_LENGTH, max(EVIDENCE_NARRATIVE_MAX_LENGTH)).nullish().transform((v) => (v == null ? undefined : v.trim())),
  dateFrom: calendarDate.nullish().transform((v) => v ?? undefined),
  dateTo: z.string().trim().nullish().refine((v) => !v || isCalendarDate(v), 'must be a date written YYYY-MM-DD'),
  districtId: z.string().nullish(),
  town: oneLine(z.string().trim().max(EVIDENCE_PLACE_MAX_LENGTH, max(EVIDENCE_PLACE_MAX_LENGTH)).nullish()),
  community: oneLine(z.string().trim().max(EVIDENCE_PLACE_MAX_LENGTH, max(EVIDENCE_PLACE_MAX_LENGTH)).nullish()),
  populations: populationsSchema.optional(),
  themes: themesSchema.optional(),
  sourceType: z.enum(EVIDENCE_SOURCE_TYPES).nullish().transform((v) => v ?? undefined),
  figures: figuresSchema.optional(),
});

export const grantSchema = z.object({
  evidenceId: z.string().min(1, 'is required'),
  userId: z.string().min(1, 'is required'),
  level: z.enum(EVIDENCE_GRANT_LEVELS),
});

export { checkPeriod };
