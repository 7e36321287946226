import {
  PROPOSAL_SUMMARY_MAX_LENGTH,
  PROPOSAL_TARGET_MAX_LENGTH,
  PROPOSAL_TITLE_MAX_LENGTH,
  PROPOSAL_TOPICS_MAX,
  PROPOSAL_TOPIC_MAX_LENGTH,
  PROPOSAL_YEAR_MAX,
  PROPOSAL_YEAR_MIN,
} from '@jianyan/shared';
import type { TFunction } from 'i18next';
import type { CreateProposalInput, ProposalDetail, UpdateProposalInput } from '../graphql/types';

export const PROPOSAL_FORM_FIELDS = ['title', 'summary', 'target', 'year', 'topics', 'districtId', 'leadAuthorId'] as const;
export type ProposalFormField = (typeof PROPOSAL_FORM_FIELDS)[number];
export type ProposalFormErrors = Partial<Record<ProposalFormField, string>>;

export interface ProposalFormValues {
  title: string;
  summary: string;
  target: string;
  /** As typed; validated as a whole year. */
  year: string;
  topics: string[];
  districtId: string;
  /** Only when editing. */
  leadAuthorId: string;
}

export function emptyProposalForm(districtId: string | null): ProposalFormValues {
  return {
    title: '',
    summary: '',
    target: '',
    year: String(new Date().getFullYear()),
    topics: [],
    districtId: districtId ?? '',
    leadAuthorId: '',
  };
}

export function proposalFormOf(proposal: ProposalDetail): ProposalFormValues {
  return {
    title: proposal.title,
    summary: proposal.summary,
    target: proposal.target ?? '',
    year: String(proposal.year),
    topics: [...proposal.topics],
    districtId: proposal.district.id,
    leadAuthorId: proposal.leadAuthor.id,
  };
}

/** The field a server BAD_USER_INPUT names (`topics.2` → `topics`), if it is one of the form's. */
export function proposalFormFieldOf(field: string | undefined): ProposalFormField | null {
  const head = field?.split('.')[0];
  return head && (PROPOSAL_FORM_FIELDS as readonly string[]).includes(head) ? (head as ProposalFormField) : null;
}

function parseYear(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= PROPOSAL_YEAR_MIN && year <= PROPOSAL_YEAR_MAX ? year : null;
}

/** The API's rules (shared limits), checked before sending, with localized messages. */
export function validateProposalForm(values: ProposalFormValues, t: TFunction): ProposalFormErrors {
  const errors: ProposalFormErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = t('proposalForm.titleRequired');
  else if (title.length > PROPOSAL_TITLE_MAX_LENGTH) errors.title = t('proposalForm.titleTooLong', { max: PROPOSAL_TITLE_MAX_LENGTH });
  if (values.summary.trim().length > PROPOSAL_SUMMARY_MAX_LENGTH) {
    errors.summary = t('proposalForm.summaryTooLong', { max: PROPOSAL_SUMMARY_MAX_LENGTH });
  }
  if (values.target.trim().length > PROPOSAL_TARGET_MAX_LENGTH) {
    errors.target = t('proposalForm.targetTooLong', { max: PROPOSAL_TARGET_MAX_LENGTH });
  }
  if (parseYear(values.year) === null) errors.year = t('proposalForm.yearInvalid', { min: PROPOSAL_YEAR_MIN, max: PROPOSAL_YEAR_MAX });
  if (values.topics.length > PROPOSAL_TOPICS_MAX) errors.topics = t('proposalForm.topicsTooMany', { max: PROPOSAL_TOPICS_MAX });
  else if (values.topics.some((topic) => topic.length > PROPOSAL_TOPIC_MAX_LENGTH)) {
    errors.topics = t('proposalForm.topicTooLong', { max: PROPOSAL_TOPIC_MAX_LENGTH });
  }
  if (!values.districtId) errors.districtId = t('proposalForm.districtRequired');
  return errors;
}

export function toCreateProposalInput(values: ProposalFormValues): CreateProposalInput {
  return {
    title: values.title.trim(),
    summary: values.summary.trim() || null,
    target: values.target.trim() || null,
    year: parseYear(values.year)!,
    topics: values.topics,
    districtId: values.districtId,
  };
}

/** Every field of the form, with the version it was edited from (CONFLICT when someone saved in between). */
export function toUpdateProposalInput(values: ProposalFormValues, proposal: ProposalDetail): UpdateProposalInput {
  return {
    id: proposal.id,
    expectedVersion: proposal.version,
    title: values.title.trim(),
    summary: values.summary.trim(),
    target: values.target.trim() || null,
    year: parseYear(values.year)!,
    topics: values.topics,
    districtId: values.districtId,
    leadAuthorId: values.leadAuthorId || null,
  };
}
