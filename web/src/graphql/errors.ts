import { ERROR_CODES, THROTTLE_SCOPES, UNAVAILABLE_SERVICES, type ErrorCode, type ThrottleScope, type UnavailableService } from '@jianyan/shared';

/** A server or transport failure reduced to what the UI branches on. */
export type AppErrorCode = ErrorCode | 'NETWORK' | 'UNKNOWN';

export interface AppError {
  code: AppErrorCode;
  /** Server message (usually English); shown only as a detail, never as the only message. */
  message?: string;
  /** BAD_USER_INPUT (or a FORBIDDEN about one field): the input field the server rejected. */
  field?: string;
  /** Why, when the server says: BAD_USER_INPUT (e.g. CONTROL_CHARACTERS), FORBIDDEN (OUTSIDE_FILING_SCOPE), UNAUTHENTICATED (SESSION_IDLE). */
  reason?: string;
  /** TOO_MANY_ATTEMPTS / TOO_MANY_REQUESTS: seconds until the next try is accepted. */
  retryAfterSeconds?: number;
  /** TOO_MANY_ATTEMPTS: what is locked, the caller's address or the account. */
  scope?: ThrottleScope;
  /** UNAUTHENTICATED with reason SESSION_IDLE: the idle timeout. */
  idleTimeoutSeconds?: number;
  /** SERVICE_UNAVAILABLE: what the server could not reach. */
  service?: UnavailableService;
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown>;
}

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

function asArray(value: unknown): FormattedError[] {
  return Array.isArray(value) ? (value.filter((e) => e && typeof e === 'object') as FormattedError[]) : [];
}

/** GraphQL errors from an ApolloError, an onError response or a non-2xx HTTP answer with a GraphQL body. */
export function graphQLErrorsOf(error: unknown): FormattedError[] {
  if (!error || typeof error !== 'object') return [];
  const e = error as { graphQLErrors?: unknown; networkError?: unknown; errors?: unknown };
  const direct = asArray(e.graphQLErrors);
  if (direct.length > 0) return direct;
  const result = (e.networkError as { result?: unknown } | null | undefined)?.result;
  if (result && typeof result === 'object') {
    const fromResult = asArray((result as { errors?: unknown }).errors);
    if (fromResult.length > 0) return fromResult;
  }
  return asArray(e.errors);
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return graphQLErrorsOf(error).some((e) => e.extensions?.code === code);
}

export function toAppError(error: unknown): AppError {
  const first = graphQLErrorsOf(error)[0];
  if (first) {
    const ext = first.extensions ?? {};
    const code = typeof ext.code === 'string' && KNOWN_CODES.has(ext.code) ? (ext.code as ErrorCode) : 'UNKNOWN';
    return {
      code,
      message: typeof first.message === 'string' ? first.message : undefined,
      field: typeof ext.field === 'string' ? ext.field : undefined,
      reason: typeof ext.reason === 'string' ? ext.reason : undefined,
      retryAfterSeconds: typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined,
      scope: (THROTTLE_SCOPES as readonly unknown[]).includes(ext.scope) ? (ext.scope as ThrottleScope) : undefined,
      idleTimeoutSeconds: typeof ext.idleTimeoutSeconds === 'number' ? ext.idleTimeoutSeconds : undefined,
      service: (UNAVAILABLE_SERVICES as readonly unknown[]).includes(ext.service) ? (ext.service as UnavailableService) : undefined,
    };
  }
  const networkError = (error as { networkError?: unknown } | null)?.networkError;
  if (networkError) {
    return { code: 'NETWORK', message: networkError instanceof Error ? networkError.message : undefined };
  }
  if (error instanceof TypeError) return { code: 'NETWORK', message: error.message };
  return { code: 'UNKNOWN', message: error instanceof Error ? error.message : undefined };
}
