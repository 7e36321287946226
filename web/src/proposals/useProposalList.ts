import { NetworkStatus, useQuery } from '@apollo/client';
import { useState } from 'react';
import { PROPOSALS_QUERY } from '../graphql/proposals';
import type { ProposalFilter, ProposalSort } from '../graphql/types';

export const PROPOSALS_PAGE_SIZE = 20;

/**
 * Forward cursor pagination with a stack of cursors (so "previous" works too); back to the first
 * page whenever the filter or the sort changes.
 */
export function useProposalList(filter: ProposalFilter, sort: ProposalSort, pageSize = PROPOSALS_PAGE_SIZE) {
  const key = JSON.stringify([filter, sort]);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = paging.key === key ? paging.cursors : [null];
  const after = cursors[cursors.length - 1];
  const query = useQuery(PROPOSALS_QUERY, {
    variables: { first: pageSize, after, filter, sort },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  const connection = (query.data ?? query.previousData)?.proposals ?? null;
  const endCursor = query.data?.proposals.pageInfo.endCursor ?? null;
  const hasNextPage = Boolean(query.data?.proposals.pageInfo.hasNextPage && endCursor);

  return {
    connection,
    initialLoading: query.loading && !connection,
    busy: query.loading || query.networkStatus === NetworkStatus.refetch,
    error: query.error,
    refetch: () => query.refetch().catch(() => undefined),
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: hasNextPage,
    next: () => {
      if (hasNextPage) setPaging({ key, cursors: [...cursors, endCursor] });
    },
    previous: () => setPaging({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
