import { CONTROL_CHARACTERS_REASON, hasForbiddenTitleCharacters, isCalendarDate } from '@jianyan/shared';
import { z } from 'zod';
import { AppErrors } from './errors';

/**
 * Validates input against a zod schema and turns the first problem into BAD_USER_INPUT
 * naming the field, before anything is written.
 */
export function validateInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const reason = issue.code === 'custom' ? (issue.params as { reason?: string } | undefined)?.reason : undefined;
  throw AppErrors.badInput(issue.path.join('.') || 'input', issue.message, reason);
}

/**
 * A title or a name is one line of visible text: no control characters and no text-direction
 * overrides (shared `hasForbiddenTitleCharacters`). Part of the domain schemas, so every way in
 * (GraphQL variables or literals, imports, uploads) is held to it.
 */
export function oneLine<T extends z.ZodTypeAny>(schema: T): z.ZodEffects<T> {
  return schema.refine((value: unknown) => typeof value !== 'string' || !hasForbiddenTitleCharacters(value), {
    message: 'must not contain control characters or text-direction overrides',
    params: { reason: CONTROL_CHARACTERS_REASON },
  });
}

/** A calendar day written YYYY-MM-DD (2024-02-30 is refused). */
export const calendarDate = z.string().trim().refine(isCalendarDate, 'must be a date written YYYY-MM-DD');
