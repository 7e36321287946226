import { ERROR_CODES, SESSION_END_REASONS, type ProgramWarning, type ThrottleScope, type UnavailableService } from '@jianyan/shared';

export type { ThrottleScope };
import { GraphQLError } from 'graphql';

/** Errors with the stable codes of `ERROR_CODES`; resolvers and services throw only these. */
export const AppErrors = {
  unauthenticated: () => new GraphQLError('Sign in required', { extensions: { code: ERROR_CODES.unauthenticated } }),
  sessionIdle: (idleTimeoutSeconds: number) =>
    new GraphQLError('Your session ended after a period without activity; sign in again', {
      extensions: { code: ERROR_CODES.unauthenticated, reason: SESSION_END_REASONS.idle, idleTimeoutSeconds },
    }),
  forbidden: (message = 'You do not have permission for this action') =>
    new GraphQLError(message, { extensions: { code: ERROR_CODES.forbidden } }),
  /** FORBIDDEN for one input field, with the reason the web app words (e.g. OUTSIDE_FILING_SCOPE). */
  forbiddenField: (field: string, reason: string, message: string) =>
    new GraphQLError(`${field}: ${message}`, { extensions: { code: ERROR_CODES.forbidden, field, reason } }),
  badInput: (field: string, message: string, reason?: string) =>
    new GraphQLError(`${field}: ${message}`, { extensions: { code: ERROR_CODES.badUserInput, field, ...(reason ? { reason } : {}) } }),
  notFound: (what: string) => new GraphQLError(`${what} not found`, { extensions: { code: ERROR_CODES.notFound } }),
  rawClearanceRequired: (message: string) => new GraphQLError(message, { extensions: { code: ERROR_CODES.rawClearanceRequired } }),
  /** A program tree with doubtful structure, saved without acceptWarnings: the warnings, for the admin to check. */
  programStructureDoubtful: (warnings: ProgramWarning[]) =>
    new GraphQLError(`The program's structure has ${warnings.length} warning(s); check them or save with acceptWarnings`, {
      extensions: { code: ERROR_CODES.programStructureDoubtful, warnings },
    }),
  conflict: (message: string) => new GraphQLError(message, { extensions: { code: ERROR_CODES.conflict } }),
  invalidCredentials: () =>
    new GraphQLError('The e-mail/mobile number or password is wrong', {
      extensions: { code: ERROR_CODES.invalidCredentials },
    }),
  tooManyAttempts: (retryAfterSeconds: number, scope: ThrottleScope) =>
    new GraphQLError(
      `Too many failed sign-in attempts ${scope === 'address' ? 'from this address' : 'for this account'}. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { extensions: { code: ERROR_CODES.tooManyAttempts, retryAfterSeconds, scope } },
    ),
  serviceUnavailable: (service: UnavailableService) =>
    new GraphQLError(`The ${service === 'database' ? 'database' : 'search engine'} cannot be reached right now; try again in a moment`, {
      extensions: { code: ERROR_CODES.serviceUnavailable, service },
    }),
};
