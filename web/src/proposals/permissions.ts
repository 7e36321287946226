import { capabilitiesOf, isProposalEditable } from '@jianyan/shared';
import type { Comment, ProposalDetail } from '../graphql/types';

/**
 * What the signed-in user may do on this proposal, from her role on it (`myRole`) and its status,
 * per the shared rules the API enforces. Workflow moves come from the API (`allowedTransitions`).
 */
export function permissionsOf(proposal: Pick<ProposalDetail, 'myRole' | 'status'>, myId: string) {
  const capabilities = capabilitiesOf(proposal.myRole);
  const editable = isProposalEditable(proposal.status);
  return {
    /** Edit details and suggestions now. */
    canEdit: capabilities.canEdit && editable,
    /** Would be able to edit, but the proposal has left draft / in review. */
    lockedForEditor: capabilities.canEdit && !editable,
    canComment: capabilities.canComment,
    canManageMembers: capabilities.canManageMembers,
    isMember: proposal.myRole !== null,
    /** Owners and co-authors resolve any thread; members the threads they started. */
    canResolve: (thread: Pick<Comment, 'author'>): boolean =>
      proposal.myRole === 'owner' || proposal.myRole === 'coauthor' || (proposal.myRole !== null && thread.author.id === myId),
  };
}

export type ProposalPermissions = ReturnType<typeof permissionsOf>;
