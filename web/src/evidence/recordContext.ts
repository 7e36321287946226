import { ERROR_CODES } from '@jianyan/shared';
import type { TFunction } from 'i18next';
import type { EvidenceDetail } from '../graphql/evidence';
import { hasErrorCode, toAppError, type AppError } from '../graphql/errors';
import { evidenceZhCN } from './messages';
import type { Notify } from '../proposals/useNotice';

/** What every section of the record page gets. */
export interface RecordSectionProps {
  evidence: EvidenceDetail;
  notify: Notify;
  /** Reloads the record from the server. */
  reload: () => Promise<unknown>;
}

/**
 * Runs a change made with `expectedVersion`. On CONFLICT (someone changed the record in between)
 * the record is reloaded and a warning says so; other errors are returned for the caller to show.
 */
export async function runChange(
  t: TFunction,
  { notify, reload }: Pick<RecordSectionProps, 'notify' | 'reload'>,
  change: () => Promise<unknown>,
): Promise<AppError | null> {
  try {
    await change();
    return null;
  } catch (caught) {
    if (hasErrorCode(caught, ERROR_CODES.conflict)) {
      await reload();
      notify(t('evidenceRecord.conflict'), 'warning');
      return null;
    }
    return toAppError(caught);
  }
}

type FieldErrorKey = keyof typeof evidenceZhCN.evidenceForm.fieldErrors;
const FIELD_KEYS = new Set<string>(Object.keys(evidenceZhCN.evidenceForm.fieldErrors));

/** The field a BAD_USER_INPUT names, reduced to its head (`figures.0.label` → `figures`). */
export function fieldHead(error: AppError | null): string | null {
  if (!error || error.code !== 'BAD_USER_INPUT' || !error.field) return null;
  return error.field.split('.')[0];
}

/** The localized message for a BAD_USER_INPUT on an evidence field. */
export function evidenceFieldError(t: TFunction, field: string | null | undefined): string {
  const head = field?.split('.')[0] ?? '';
  const key: FieldErrorKey = FIELD_KEYS.has(head) ? (head as FieldErrorKey) : 'other';
  return t(`evidenceForm.fieldErrors.${key}`);
}
