import { z } from 'zod';
import { CLAUSE_KINDS } from './program.entity';
import { oneLine } from '../../common/validation';

export const PROGRAM_MAX_NODES = 3000;
/** 2022-06 or 2022-06-30: a real month, and a real day of it (no 2022-13 or 2022-02-30). */
function isCalendarMonthOrDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const year = z.number().int().min(1949, 'must be a year').max(2100, 'must be a year');

export const programNodeSchema = z.object({
  depth: z.number().int().min(0).max(8),
  kind: z.enum(CLAUSE_KINDS),
  number: z.string().trim().max(20, 'must be at most 20 characters'),
  text: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
  note: z
    .string()
    .trim()
    .max(5000, 'must be at most 5000 characters')
    .nullish()
    .transform((v) => v || null),
  responsibleUnits: z
    .string()
    .trim()
    .max(500, 'must be at most 500 characters')
    .nullish()
    .transform((v) => v || null),
});

const programName = oneLine(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
const issuingBody = oneLine(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
const promulgatedOn = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarMonthOrDay, 'is not a date');
const sourceDocument = z.string().trim().max(500, 'must be at most 500 characters');

export const createProgramSchema = z
  .object({
    name: programName,
    issuingBody,
    districtId: z.string().uuid().nullish(),
    periodStart: year,
    periodEnd: year,
    promulgatedOn: promulgatedOn.nullish(),
    sourceDocument: sourceDocument.nullish(),
    nodes: z.array(programNodeSchema).min(1, 'must contain at least one clause').max(PROGRAM_MAX_NODES),
    /** Save although programStructureWarnings found doubtful structure (the admin has looked at it). */
    acceptWarnings: z.boolean().nullish(),
  })
  .superRefine((program, ctx) => {
    if (program.periodEnd < program.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'must not be before periodStart' });
    program.nodes.forEach((node, i) => {
      const limit = i === 0 ? 0 : program.nodes[i - 1].depth + 1;
      if (node.depth > limit) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'depth'], message: `must be at most ${limit} (one below the node above)` });
    });
  });

export const previewProgramSchema = z
  .object({
    text: z.string().max(2_000_000).nullish(),
    docxBase64: z.string().max(8_000_000).nullish(),
    pdfBase64: z.string().max(8_000_000).nullish(),
  })
  .refine((input) => [input.text, input.docxBase64, input.pdfBase64].filter(Boolean).length === 1, {
    message: 'give one of text, docxBase64 or pdfBase64',
    path: ['text'],
  });

/**
 * A saved program's details: only the keys given change. districtId, promulgatedOn and
 * sourceDocument may be null (no district; date or document cleared); the others may not.
 * The period is checked against the stored values by the service.
 */
export const updateProgramSchema = z.object({
  id: z.string().max(100),
  name: programName.optional(),
  issuingBody: issuingBody.optional(),
  districtId: z.string().uuid('must be a UUID').nullable().optional(),
  periodStart: year.optional(),
  periodEnd: year.optional(),
  promulgatedOn: promulgatedOn.nullable().optional(),
  sourceDocument: sourceDocument
    .transform((v) => v || null)
    .nullable()
    .optional(),
});

/** One node of a saved program: its number, text and kind; its place in the tree does not change here. */
export const updateProgramClauseSchema = z.object({
  id: z.string().max(100),
  number: programNodeSchema.shape.number.optional(),
  text: programNodeSchema.shape.text.optional(),
  kind: z.enum(CLAUSE_KINDS).optional(),
});
