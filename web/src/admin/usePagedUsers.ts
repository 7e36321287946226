import { NetworkStatus, useQuery } from '@apollo/client';
import { useState } from 'react';
import { USERS_QUERY } from '../graphql/users';

export const USERS_PAGE_SIZE = 20;

/** Forward cursor pagination with a stack of cursors, so "previous" works too. */
export function usePagedUsers(pageSize = USERS_PAGE_SIZE) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const query = useQuery(USERS_QUERY, {
    variables: { first: pageSize, after },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  // Keep showing the previous page while the next one loads.
  const connection = (query.data ?? query.previousData)?.users ?? null;
  const endCursor = query.data?.users.pageInfo.endCursor ?? null;
  const hasNextPage = Boolean(query.data?.users.pageInfo.hasNextPage && endCursor);

  return {
    connection,
    /** First load (nothing to show yet). */
    initialLoading: query.loading && !connection,
    /** Any request in flight, including page changes and refetches. */
    busy: query.loading || query.networkStatus === NetworkStatus.refetch,
    error: query.error,
    refetch: () => query.refetch().catch(() => undefined),
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: hasNextPage,
    next: () => {
      if (hasNextPage) setCursors((stack) => [...stack, endCursor]);
    },
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
  };
}
