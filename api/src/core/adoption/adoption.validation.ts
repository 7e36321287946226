import { z } from 'zod';
import { calendarDate, oneLine } from '../../common/validation';
import { ADOPTION_TARGET_KINDS } from './adoption.entity';

/** The outcomes an adoption record can carry (drafted and submitted are not outcomes). */
export const ADOPTION_STATUSES = ['under_consideration', 'adopted', 'partially_adopted', 'included_in_plan', 'not_adopted', 'implemented'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** Outcomes that count as taking a suggestion up (the clause badges and the dashboard count these). */
export const ADOPTING_STATUSES: readonly AdoptionStatus[] = ['adopted', 'partially_adopted', 'included_in_plan', 'implemented'];

/**
 * Outcomes from weakest to strongest. A suggestion's status is the strongest outcome among its
 * adoption records: a new weaker record leaves it, a stronger one moves it (AdoptionService).
 */
export const OUTCOME_STRENGTH: readonly AdoptionStatus[] = ['under_consideration', 'not_adopted', 'included_in_plan', 'partially_adopted', 'adopted', 'implemented'];

/** -1 for statuses that are no outcome (drafted, submitted). */
export function outcomeStrength(status: string): number {
  return OUTCOME_STRENGTH.indexOf(status as AdoptionStatus);
}

export function strongestOutcome(statuses: readonly string[]): AdoptionStatus | null {
  let best: AdoptionStatus | null = null;
  for (const status of statuses) if (outcomeStrength(status) > (best ? outcomeStrength(best) : -1)) best = status as AdoptionStatus;
  return best;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

const outcomeFields = {
  status: z.enum(ADOPTION_STATUSES),
  decidedOn: calendarDate,
  quotedText: optionalText(5000),
  source: optionalText(500),
  note: optionalText(2000),
};

function requireReason<T extends { status?: string; note?: string | null }>(value: T, ctx: z.RefinementCtx): void {
  if (value.status === 'not_adopted' && !value.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'is required when not adopted: give the reason' });
}

export const recordAdoptionSchema = z
  .object({
    suggestionId: z.string().uuid('must be a UUID'),
    targetKind: z.enum(ADOPTION_TARGET_KINDS),
    clauseId: z.string().uuid('must be a UUID').nullish(),
    documentTitle: oneLine(optionalText(300)),
    ...outcomeFields,
  })
  .superRefine((value, ctx) => {
    if (value.targetKind === 'clause' && !value.clauseId) ctx.addIssue({ code: 'custom', path: ['clauseId'], message: 'is required for a program clause' });
    if (value.targetKind !== 'clause' && value.clauseId) ctx.addIssue({ code: 'custom', path: ['clauseId'], message: 'is only for a program clause' });
    if (value.targetKind !== 'clause' && !value.documentTitle) {
      ctx.addIssue({ code: 'custom', path: ['documentTitle'], message: 'is required for an official reply or policy document' });
    }
    requireReason(value, ctx);
  });

/** For updates: absent keeps the stored value, null (or blank) clears it. */
const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .optional();

/** Only the keys given are changed; the reason for not_adopted is checked on the merged record. */
export const updateAdoptionSchema = z.object({
  adoptionId: z.string().uuid('must be a UUID'),
  documentTitle: oneLine(clearableText(300)),
  status: z.enum(ADOPTION_STATUSES).optional(),
  decidedOn: calendarDate.optional(),
  quotedText: clearableText(5000),
  source: clearableText(500),
  note: clearableText(2000),
});

export const confirmMatchSchema = z.object({
  suggestionId: z.string().uuid('must be a UUID'),
  clauseId: z.string().uuid('must be a UUID'),
  status: z.enum(ADOPTION_STATUSES).default('adopted'),
  decidedOn: calendarDate,
  source: optionalText(500),
  note: optionalText(2000),
}).superRefine(requireReason);
