import type { TFunction } from 'i18next';
import type { AppError } from '../graphql/errors';
import { zhCN } from '../i18n/zh-CN';

type FieldKey = keyof typeof zhCN.proposalFieldErrors;
const FIELD_KEYS = new Set<string>(Object.keys(zhCN.proposalFieldErrors));

/** The localized message for a BAD_USER_INPUT on a proposal input field (`topics.1` counts as `topics`). */
export function proposalFieldError(t: TFunction, field: string | undefined): string {
  const head = field?.split('.')[0] ?? '';
  const key: FieldKey = FIELD_KEYS.has(head) ? (head as FieldKey) : 'other';
  return t(`proposalFieldErrors.${key}`);
}

/** For a BAD_USER_INPUT naming one of `fields`: that field and its message; otherwise null. */
export function fieldErrorOf<F extends string>(t: TFunction, error: AppError, fields: readonly F[]): { field: F; message: string } | null {
  if (error.code !== 'BAD_USER_INPUT' || !error.field) return null;
  const head = error.field.split('.')[0];
  if (!(fields as readonly string[]).includes(head)) return null;
  return { field: head as F, message: proposalFieldError(t, head) };
}
