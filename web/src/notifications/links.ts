import { split, type ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';

/**
 * Sends subscriptions over graphql-ws on /graphql (same origin, so the session cookie goes with the
 * upgrade and the server checks it at connect) and everything else over `http`. The socket opens
 * with the first subscription and closes after the last, so signing in as someone else opens a new one.
 */
export function withSubscriptions(http: ApolloLink): ApolloLink {
  if (typeof window === 'undefined' || typeof WebSocket === 'undefined') return http;
  const url = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/graphql`;
  const ws = new GraphQLWsLink(
    createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      // 4403: no valid session at connect; retrying will not help until the user signs in again.
      shouldRetry: (event) => (event as { code?: number }).code !== 4403,
    }),
  );
  return split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    ws,
    http,
  );
}
