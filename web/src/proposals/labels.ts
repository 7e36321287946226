import {
  ANSWER_CLASS_LABELS,
  PROPOSAL_STATUSES,
  SUGGESTION_STATUSES,
  SUGGESTION_STATUS_LABELS,
  programAreaLabel,
  type AnswerClass,
  type ProposalRole,
  type ProposalStatus,
  type SuggestionStatus,
} from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import type { StatusEntityType } from '../graphql/types';
import { useLanguage } from '../i18n/useLanguage';

export function isProposalStatus(value: string): value is ProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value);
}

export function isSuggestionStatus(value: string): value is SuggestionStatus {
  return (SUGGESTION_STATUSES as readonly string[]).includes(value);
}

/**
 * Localized labels of the proposal domain. Suggestion statuses, answer classes and program areas
 * come from `@jianyan/shared` (zh / en pairs); proposal statuses and roles from the i18n catalog.
 */
export function useProposalLabels() {
  const { t } = useTranslation();
  const { isEnglish } = useLanguage();
  const lang = isEnglish ? 'en' : 'zh';
  const proposalStatus = (status: ProposalStatus): string => t(`proposalStatus.${status}`);
  const suggestionStatus = (status: SuggestionStatus): string => SUGGESTION_STATUS_LABELS[status][lang];
  return {
    proposalStatus,
    suggestionStatus,
    proposalRole: (role: ProposalRole): string => t(`proposalRoles.${role}`),
    answerClass: (code: AnswerClass): string => ANSWER_CLASS_LABELS[code][lang],
    /** A program area's name, or the topic itself when it is a free topic. */
    topic: (topic: string): string => programAreaLabel(topic, lang) ?? topic,
    programArea: (code: string): string => programAreaLabel(code, lang) ?? code,
    /** The label of a status string from the timeline (proposal or suggestion status). */
    statusOf: (entityType: StatusEntityType, status: string): string => {
      if (entityType === 'proposal' && isProposalStatus(status)) return proposalStatus(status);
      if (entityType === 'suggestion' && isSuggestionStatus(status)) return suggestionStatus(status);
      return status;
    },
  };
}

export type ProposalLabels = ReturnType<typeof useProposalLabels>;
