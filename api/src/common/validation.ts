import { isCalendarDate } from '@jianyan/shared';
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
  throw AppErrors.badInput(issue.path.join('.') || 'input', issue.message);
}

/** A calendar day written YYYY-MM-DD (2024-02-30 is refused). */
export const calendarDate = z.string().trim().refine(isCalendarDate, 'must be a date written YYYY-MM-DD');
