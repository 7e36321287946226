import {
  ANSWER_CLASSES,
  ANSWER_REPLYING_UNIT_MAX_LENGTH,
  ANSWER_TEXT_MAX_LENGTH,
  COMMENT_ANCHOR_QUOTE_MAX_LENGTH,
  COMMENT_BODY_MAX_LENGTH,
  COMMENT_MENTIONS_MAX,
  PROGRAM_AREA_CODES,
  PROPOSAL_SUMMARY_MAX_LENGTH,
  PROPOSAL_TARGET_MAX_LENGTH,
  PROPOSAL_TITLE_MAX_LENGTH,
  PROPOSAL_TOPICS_MAX,
  PROPOSAL_TOPIC_MAX_LENGTH,
  PROPOSAL_YEAR_MAX,
  PROPOSAL_YEAR_MIN,
  STATUS_NOTE_MAX_LENGTH,
  STATUS_SOURCE_MAX_LENGTH,
  SUGGESTION_TEXT_MAX_LENGTH,
  SUGGESTION_TITLE_MAX_LENGTH,
} from '@jianyan/shared';
import { z } from 'zod';
import { calendarDate, oneLine } from '../../common/validation';

/** Input schemas of the proposals module; validateInput turns the first problem into BAD_USER_INPUT naming the field. */

const required = (max: number) =>
  z
    .string({ invalid_type_error: 'is required', required_error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);

/** A title or a name: required, and one line of visible text. */
const requiredLine = (max: number) => oneLine(required(max));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const year = z
  .number({ invalid_type_error: 'is required', required_error: 'is required' })
  .int('must be a whole number')
  .min(PROPOSAL_YEAR_MIN, `must be between ${PROPOSAL_YEAR_MIN} and ${PROPOSAL_YEAR_MAX}`)
  .max(PROPOSAL_YEAR_MAX, `must be between ${PROPOSAL_YEAR_MIN} and ${PROPOSAL_YEAR_MAX}`);

const topics = z
  .array(required(PROPOSAL_TOPIC_MAX_LENGTH))
  .max(PROPOSAL_TOPICS_MAX, `must be at most ${PROPOSAL_TOPICS_MAX}`)
  .transform((list) => [...new Set(list)]);

const id = z.string({ invalid_type_error: 'is required', required_error: 'is required' }).min(1, 'is required');
const expectedVersion = z.number().int().min(1, 'must be at least 1').nullish();

export const createProposalSchema = z.object({
  title: requiredLine(PROPOSAL_TITLE_MAX_LENGTH),
  summary: optionalText(PROPOSAL_SUMMARY_MAX_LENGTH).transform((v) => v ?? ''),
  target: optionalText(PROPOSAL_TARGET_MAX_LENGTH),
  year,
  topics: topics.nullish().transform((v) => v ?? []),
  districtId: id,
});

/** A field left out or null stays unchanged (for fields that cannot be empty). */
const unchangedIfNull = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : v), schema.optional());

/** Left-out fields stay unchanged; `target: null` removes the target. */
export const updateProposalSchema = z.object({
  id,
  expectedVersion,
  title: unchangedIfNull(requiredLine(PROPOSAL_TITLE_MAX_LENGTH)),
  summary: unchangedIfNull(z.string().trim().max(PROPOSAL_SUMMARY_MAX_LENGTH, `must be at most ${PROPOSAL_SUMMARY_MAX_LENGTH} characters`)),
  target: optionalText(PROPOSAL_TARGET_MAX_LENGTH).optional(),
  year: unchangedIfNull(year),
  topics: unchangedIfNull(topics),
  districtId: unchangedIfNull(id),
  leadAuthorId: unchangedIfNull(id),
});

export const transitionSchema = z.object({
  proposalId: id,
  note: optionalText(STATUS_NOTE_MAX_LENGTH),
  expectedVersion,
});

export const recordAnswerSchema = z.object({
  proposalId: id,
  answeredOn: calendarDate,
  replyingUnit: requiredLine(ANSWER_REPLYING_UNIT_MAX_LENGTH),
  answerClass: z.enum(ANSWER_CLASSES),
  text: optionalText(ANSWER_TEXT_MAX_LENGTH),
  documentRef: optionalText(STATUS_SOURCE_MAX_LENGTH),
  expectedVersion,
});

const programArea = z.enum(PROGRAM_AREA_CODES, { errorMap: () => ({ message: 'is not a known program area' }) });

export const addSuggestionSchema = z.object({
  proposalId: id,
  title: requiredLine(SUGGESTION_TITLE_MAX_LENGTH),
  text: optionalText(SUGGESTION_TEXT_MAX_LENGTH).transform((v) => v ?? ''),
  programArea: programArea.nullish().transform((v) => v ?? null),
});

export const updateSuggestionSchema = z.object({
  id,
  title: unchangedIfNull(requiredLine(SUGGESTION_TITLE_MAX_LENGTH)),
  text: unchangedIfNull(z.string().trim().max(SUGGESTION_TEXT_MAX_LENGTH, `must be at most ${SUGGESTION_TEXT_MAX_LENGTH} characters`)),
  programArea: programArea.nullable().optional(),
});

export const reorderSchema = z.object({
  proposalId: id,
  suggestionIds: z.array(id).refine((ids) => new Set(ids).size === ids.length, 'must not repeat a suggestion'),
});

export const changeSuggestionStatusSchema = z.object({
  suggestionId: id,
  note: optionalText(STATUS_NOTE_MAX_LENGTH),
  source: optionalText(STATUS_SOURCE_MAX_LENGTH),
});

export const addCommentSchema = z.object({
  proposalId: id,
  suggestionId: id.nullish().transform((v) => v ?? null),
  parentId: id.nullish().transform((v) => v ?? null),
  body: required(COMMENT_BODY_MAX_LENGTH),
  mentions: z
    .array(id)
    .max(COMMENT_MENTIONS_MAX, `must be at most ${COMMENT_MENTIONS_MAX}`)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
  anchor: z
    .object({
      threadId: z.string().uuid('must be a UUID'),
      quote: required(COMMENT_ANCHOR_QUOTE_MAX_LENGTH),
    })
    .nullish()
    .transform((v) => v ?? null),
});
