/**
 * Stable error codes carried in GraphQL `extensions.code`. Clients branch on these,
 * never on message text, so they must not change once published.
 */
export const ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  badUserInput: 'BAD_USER_INPUT',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalidCredentials: 'INVALID_CREDENTIALS',
  tooManyAttempts: 'TOO_MANY_ATTEMPTS',
  tooManyRequests: 'TOO_MANY_REQUESTS',
  /** Raw content (e.g. a binary attachment with personal data) for people cleared for it only. */
  rawClearanceRequired: 'RAW_CLEARANCE_REQUIRED',
  /** A service the request needs is down (see `service`); the request may be tried again later. */
  serviceUnavailable: 'SERVICE_UNAVAILABLE',
  /** A program whose structure has warnings (extensions.warnings) was saved without acceptWarnings. */
  programStructureDoubtful: 'PROGRAM_STRUCTURE_DOUBTFUL',
  /** A change to a collaborative document would take it past its size limit (close reason `{ code, maxBytes }`). */
  documentTooLarge: 'DOCUMENT_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** TOO_MANY_ATTEMPTS `scope`: what is locked, the caller's address or the account (from that address or device). */
export const THROTTLE_SCOPES = ['address', 'account'] as const;
export type ThrottleScope = (typeof THROTTLE_SCOPES)[number];

/** UNAUTHENTICATED `reason` when a session cookie was valid but its session has just ended. */
export const SESSION_END_REASONS = { idle: 'SESSION_IDLE' } as const;

/** SERVICE_UNAVAILABLE `service`: what could not be reached. */
export const UNAVAILABLE_SERVICES = ['database', 'search'] as const;
export type UnavailableService = (typeof UNAVAILABLE_SERVICES)[number];
