import { parse as parseCookies } from 'cookie';
import { signedCookie } from 'cookie-parser';

export const SESSION_COOKIE = 'jy_session';

/** How cookie-parser marks a signed value (`s:<value>.<signature>`). */
const SIGNED_PREFIX = 's:';

/**
 * The session token in a `Cookie` header, or null unless its signature is valid. The one check
 * behind every way in (HTTP requests, /collab, graphql-ws): cookie-parser's `signedCookie` hands
 * back a value without the `s:` prefix unchanged, so the prefix is required here first.
 */
export function sessionTokenFromCookieHeader(cookieHeader: string | undefined, secret: string): string | null {
  const raw = parseCookies(cookieHeader ?? '')[SESSION_COOKIE];
  if (!raw?.startsWith(SIGNED_PREFIX)) return null;
  const token = signedCookie(raw, secret);
  return typeof token === 'string' && token.length > 0 ? token : null;
}
