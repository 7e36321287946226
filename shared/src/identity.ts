/** Login identifiers: an e-mail address or a mainland China mobile number. */

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'mobile'; value: string };

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Strips spaces, dashes and an optional +86 / 0086 prefix. */
export function normalizeMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

export function isValidEmail(raw: string): boolean {
  return EMAIL_PATTERN.test(normalizeEmail(raw)) && raw.length <= 254;
}

export function isValidMobile(raw: string): boolean {
  return MOBILE_PATTERN.test(normalizeMobile(raw));
}

export function parseLoginIdentifier(raw: string): LoginIdentifier | null {
  if (raw.includes('@')) {
    return isValidEmail(raw) ? { kind: 'email', value: normalizeEmail(raw) } : null;
  }
  return isValidMobile(raw) ? { kind: 'mobile', value: normalizeMobile(raw) } : null;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 60;
