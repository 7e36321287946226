import { useQuery } from '@apollo/client';
import { useMemo } from 'react';
import { toAppError } from '../graphql/errors';
import { PROPOSAL_VERSIONS_QUERY } from '../graphql/proposals';
import type { ProposalDetail, ProposalVersionDetail } from '../graphql/types';
import type { ComparableContent } from './versionText';

/**
 * The content of a proposal's versions and its current text, loaded when a version dialog opens.
 * Versions never change once recorded, so the cache answers at once and the network refreshes
 * (a version saved since then, the body as others are editing it).
 */
export function useProposalVersions(proposal: ProposalDetail) {
  const query = useQuery(PROPOSAL_VERSIONS_QUERY, { variables: { id: proposal.id }, fetchPolicy: 'cache-and-network' });
  const data = query.data?.proposal;
  const current = useMemo<ComparableContent>(
    () => ({
      bodyText: data ? data.bodyText : proposal.bodyText,
      suggestions: data ? data.suggestions : proposal.suggestions,
    }),
    [data, proposal.bodyText, proposal.suggestions],
  );
  return {
    /** The version with that number; undefined while loading or when it does not exist. */
    version: (number: number): ProposalVersionDetail | undefined => data?.versions.find((v) => v.number === number),
    current,
    loading: query.loading,
    error: query.error && !data ? toAppError(query.error) : null,
    retry: () => void query.refetch().catch(() => undefined),
  };
}
