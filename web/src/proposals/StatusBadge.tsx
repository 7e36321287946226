import type { ProposalStatus, SuggestionStatus } from '@jianyan/shared';
import { useProposalLabels } from './labels';

type Tone = 'muted' | 'info' | 'primary' | 'success' | 'warning' | 'danger';

const PROPOSAL_TONES: Record<ProposalStatus, Tone> = {
  draft: 'muted',
  in_review: 'info',
  submitted: 'primary',
  answered: 'success',
  closed: 'muted',
};

const SUGGESTION_TONES: Record<SuggestionStatus, Tone> = {
  drafted: 'muted',
  submitted: 'primary',
  under_consideration: 'info',
  adopted: 'success',
  partially_adopted: 'success',
  included_in_plan: 'warning',
  not_adopted: 'danger',
  implemented: 'success',
};

interface BadgeProps {
  testId?: string;
}

export function ProposalStatusBadge({ status, testId }: BadgeProps & { status: ProposalStatus }) {
  const labels = useProposalLabels();
  return (
    <span className={`badge badge-${PROPOSAL_TONES[status]}`} data-testid={testId} data-status={status}>
      {labels.proposalStatus(status)}
    </span>
  );
}

export function SuggestionStatusBadge({ status, testId }: BadgeProps & { status: SuggestionStatus }) {
  const labels = useProposalLabels();
  return (
    <span className={`badge badge-${SUGGESTION_TONES[status]}`} data-testid={testId} data-status={status}>
      {labels.suggestionStatus(status)}
    </span>
  );
}
