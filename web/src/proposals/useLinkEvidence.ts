import { useMutation } from '@apollo/client';
import { useCallback } from 'react';
import { LINK_EVIDENCE_MUTATION, PROPOSAL_EVIDENCE_OPERATION, type LinkEvidenceInput, type ProposalEvidenceLink } from '../graphql/evidence';

/**
 * Links evidence to the proposal (a whole-proposal, suggestion or passage link) and refreshes the
 * panel. For the editor's "cite in text": pass citationId and quote.
 */
export function useLinkEvidence(proposalId: string) {
  const [link, state] = useMutation(LINK_EVIDENCE_MUTATION, { refetchQueries: [PROPOSAL_EVIDENCE_OPERATION], awaitRefetchQueries: true });
  const run = useCallback(
    async (input: Omit<LinkEvidenceInput, 'proposalId'>): Promise<ProposalEvidenceLink | null> => {
      const { data } = await link({ variables: { input: { ...input, proposalId } } });
      return data?.linkEvidence ?? null;
    },
    [link, proposalId],
  );
  return [run, state] as const;
}
