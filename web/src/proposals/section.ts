import type { ProposalDetail } from '../graphql/types';
import type { ProposalPermissions } from './permissions';
import type { Notify } from './useNotice';

/** What every section of the proposal page gets. */
export interface SectionProps {
  proposal: ProposalDetail;
  permissions: ProposalPermissions;
  notify: Notify;
  /** Reloads the proposal from the server (after a CONFLICT, for instance). */
  reload: () => Promise<unknown>;
}
