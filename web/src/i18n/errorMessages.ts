import { CONTROL_CHARACTERS_REASON, OUTSIDE_FILING_SCOPE_REASON, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SESSION_END_REASONS } from '@jianyan/shared';
import type { TFunction } from 'i18next';
import type { AppError } from '../graphql/errors';
import type { Messages } from './zh-CN';

type FieldKey = keyof Messages['fieldErrors'];

const FIELD_KEYS: readonly FieldKey[] = [
  'displayName',
  'email',
  'mobile',
  'role',
  'organizationId',
  'password',
  'newPassword',
  'currentPassword',
  'userId',
];

function isFieldKey(field: string): field is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(field);
}

/** A wait or a period in whole minutes, or whole hours from two hours on (rounded up). */
export function durationText(t: TFunction, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 120 ? t('duration.minutes', { count: minutes }) : t('duration.hours', { count: Math.ceil(minutes / 60) });
}

/** The sign-in page's notice for a session that ended by itself (idle too long, or expired). */
export function sessionEndedMessage(t: TFunction, error: AppError | null): string {
  if (error?.reason === SESSION_END_REASONS.idle && typeof error.idleTimeoutSeconds === 'number') {
    return t('login.sessionIdle', { period: durationText(t, error.idleTimeoutSeconds) });
  }
  return t('login.sessionExpired');
}

/** FORBIDDEN for a district outside the organisations one may file proposals and evidence under. */
export function isFilingScopeRefusal(error: AppError): boolean {
  return error.code === 'FORBIDDEN' && error.reason === OUTSIDE_FILING_SCOPE_REASON;
}

/** The localized, actionable message for an error code. */
export function errorMessage(t: TFunction, error: AppError): string {
  if (isFilingScopeRefusal(error)) return t('fieldErrors.outsideFilingScope');
  if (error.code === 'BAD_USER_INPUT' && error.reason === CONTROL_CHARACTERS_REASON) return t('fieldErrors.controlCharacters');
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const seconds = error.retryAfterSeconds;
    const address = error.scope === 'address';
    return typeof seconds === 'number' && seconds > 0
      ? t(address ? 'errors.signInAddressThrottled' : 'errors.TOO_MANY_ATTEMPTS', { wait: durationText(t, seconds) })
      : t(address ? 'errors.signInAddressThrottledLater' : 'errors.tooManyAttemptsLater');
  }
  if (error.code === 'UNAUTHENTICATED' && error.reason === SESSION_END_REASONS.idle) return sessionEndedMessage(t, error);
  if (error.code === 'SERVICE_UNAVAILABLE' && error.service) return t(error.service === 'search' ? 'errors.searchUnavailable' : 'errors.databaseUnavailable');
  if (error.code === 'TOO_MANY_REQUESTS') {
    return t('errors.TOO_MANY_REQUESTS', { seconds: Math.max(1, error.retryAfterSeconds ?? 60) });
  }
  return t(`errors.${error.code}`);
}

/** The localized message for a BAD_USER_INPUT error on one field. */
export function fieldErrorMessage(t: TFunction, field: string, reason?: string): string {
  if (reason === CONTROL_CHARACTERS_REASON) return t('fieldErrors.controlCharacters');
  const key: FieldKey = isFieldKey(field) ? field : 'other';
  return t(`fieldErrors.${key}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}

/** Codes whose server text adds something the localized message does not say. */
const DETAIL_CODES = new Set<AppError['code']>(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNKNOWN']);

/** The server's own text, labelled, for the codes where it helps (or null). */
export function errorDetail(t: TFunction, error: AppError): string | null {
  if (!error.message || !DETAIL_CODES.has(error.code)) return null;
  return t('errors.detail', { message: error.message });
}
