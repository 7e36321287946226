import { isProposalStatus, isSuggestionStatus, useProposalLabels } from '../proposals/labels';
import type { AppNotification } from './graphql';
import { useNotificationsText } from './useNotificationsText';

/** What a notification says, in the interface language: “《title》状态变更：起草中 → 审阅中”. */
export function useNotificationLine(): (n: AppNotification) => string {
  const text = useNotificationsText();
  const labels = useProposalLabels();
  const status = (value: string | null, suggestion: boolean): string => {
    if (!value) return '';
    if (!suggestion && isProposalStatus(value)) return labels.proposalStatus(value);
    if (isSuggestionStatus(value)) return labels.suggestionStatus(value);
    return value;
  };
  return (n) => {
    const suggestion = n.kind !== 'proposal_status';
    return text(`kind.${n.kind}`, {
      title: n.title,
      from: status(n.fromStatus, suggestion),
      to: status(n.toStatus, suggestion),
      number: n.suggestionNumber ?? '',
    });
  };
}
