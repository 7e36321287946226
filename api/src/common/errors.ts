import { ERROR_CODES } from '@jianyan/shared';
import { GraphQLError } from 'graphql';

/** Errors with the stable codes of `ERROR_CODES`; resolvers and services throw only these. */
export const AppErrors = {
  unauthenticated: () => new GraphQLError('Sign in required', { extensions: { code: ERROR_CODES.unauthenticated } }),
  forbidden: (message = 'You do not have permission for this action') =>
    new GraphQLError(message, { extensions: { code: ERROR_CODES.forbidden } }),
  /** FORBIDDEN for one input field, with the reason the web app words (e.g. OUTSIDE_FILING_SCOPE). */
  forbiddenField: (field: string, reason: string, message: string) =>
    new GraphQLError(`${field}: ${message}`, { extensions: { code: ERROR_CODES.forbidden, field, reason } }),
  badInput: (field: string, message: string) =>
    new GraphQLError(`${field}: ${message}`, { extensions: { code: ERROR_CODES.badUserInput, field } }),
  notFound: (what: string) => new GraphQLError(`${what} not found`, { extensions: { code: ERROR_CODES.notFound } }),
  rawClearanceRequired: (message: string) => new GraphQLError(message, { extensions: { code: ERROR_CODES.rawClearanceRequired } }),
  conflict: (message: string) => new GraphQLError(message, { extensions: { code: ERROR_CODES.conflict } }),
  invalidCredentials: () =>
    new GraphQLError('The e-mail/mobile number or password is wrong', {
      extensions: { code: ERROR_CODES.invalidCredentials },
    }),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new GraphQLError(
      `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { extensions: { code: ERROR_CODES.tooManyAttempts, retryAfterSeconds } },
    ),
};
