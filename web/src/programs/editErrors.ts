import type { AppError } from '../graphql/errors';
import type { ProgramsText } from './useProgramsText';

const EDIT_FIELDS = ['name', 'issuingBody', 'districtId', 'periodStart', 'periodEnd', 'promulgatedOn', 'sourceDocument', 'number', 'text', 'kind'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
export type EditFieldErrors = Partial<Record<EditField, string>>;

/** A BAD_USER_INPUT error on a field of the program or clause forms, as that field's localized message (else null). */
export function editFieldErrors(t: ProgramsText, error: AppError): EditFieldErrors | null {
  const field = EDIT_FIELDS.find((f) => f === error.field);
  return error.code === 'BAD_USER_INPUT' && field ? { [field]: t(`edit.errors.${field}`) } : null;
}
