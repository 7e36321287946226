import { ApolloClient, HttpLink, InMemoryCache, from, type NormalizedCacheObject } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { ERROR_CODES } from '@jianyan/shared';
import { withSubscriptions } from '../notifications/links';
import { hasErrorCode } from './errors';
import { ME_OPERATION } from './session';

/** Receives the refusing response, so the sign-in page can say why the session ended. */
type Handler = (refusal: unknown) => void;
let unauthenticatedHandler: Handler | null = null;

/**
 * Registers what to do when an operation fails with UNAUTHENTICATED (the session ended):
 * the session provider marks the user signed out, and the route guard sends them to /login.
 * Returns an unregister function.
 */
export function setUnauthenticatedHandler(handler: Handler): () => void {
  unauthenticatedHandler = handler;
  return () => {
    if (unauthenticatedHandler === handler) unauthenticatedHandler = null;
  };
}

/** The session check and sign-in answer UNAUTHENTICATED / INVALID_CREDENTIALS as part of their job. */
const SESSION_OPERATIONS = new Set([ME_OPERATION, 'Login']);

const errorLink = onError((response) => {
  if (SESSION_OPERATIONS.has(response.operation.operationName)) return;
  if (hasErrorCode(response, ERROR_CODES.unauthenticated)) {
    const handler = unauthenticatedHandler;
    // Let Apollo finish delivering this result before the session state changes.
    if (handler) setTimeout(() => handler(response), 0);
  }
});

export function createApolloClient(): ApolloClient<NormalizedCacheObject> {
  return new ApolloClient({
    link: from([errorLink, withSubscriptions(new HttpLink({ uri: '/graphql', credentials: 'same-origin' }))]),
    cache: new InMemoryCache(),
  });
}
