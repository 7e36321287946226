/**
 * Hand-written TypeScript types for the GraphQL operations of web/src/graphql/*.ts, following
 * api/schema.graphql. A code generator may replace this file later; keep the names stable.
 */
import type {
  AnswerClass,
  OrganizationKind,
  ProgramAreaCode,
  ProposalRole,
  ProposalStatus,
  ProposalVersionKind,
  Role,
  SuggestionStatus,
} from '@jianyan/shared';

/** ISO 8601 date-time string (GraphQL scalar DateTime). */
export type DateTime = string;

export interface Organization {
  __typename?: 'Organization';
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: OrganizationKind;
  parentId: string | null;
}

/** An account with its contact details: only `me`, `login` and user administration return one. */
export interface User {
  __typename?: 'User';
  id: string;
  displayName: string;
  email: string | null;
  mobile: string | null;
  role: Role;
  active: boolean;
  organization: Organization;
  createdAt: DateTime;
}

export interface PageInfo {
  __typename?: 'PageInfo';
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface UserConnection {
  __typename?: 'UserConnection';
  nodes: User[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface CreateUserPayload {
  __typename?: 'CreateUserPayload';
  user: User;
  temporaryPassword: string | null;
}

// ---- inputs ----

export interface LoginInput {
  identifier: string;
  password: string;
}

export interface CreateUserInput {
  displayName: string;
  email?: string | null;
  mobile?: string | null;
  role: Role;
  organizationId: string;
  password?: string | null;
}

export interface ChangeUserRoleInput {
  userId: string;
  role: Role;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

// ---- operations ----

export type NoVariables = Record<string, never>;

export interface MeQuery {
  me: User;
}

export interface OrganizationsQuery {
  organizations: Organization[];
}

export interface UsersQuery {
  users: UserConnection;
}
export interface UsersQueryVariables {
  first?: number;
  after?: string | null;
}

export interface LoginMutation {
  login: User;
}
export interface LoginMutationVariables {
  input: LoginInput;
}

export interface LogoutMutation {
  logout: boolean;
}

export interface ChangePasswordMutation {
  changePassword: boolean;
}
export interface ChangePasswordMutationVariables {
  input: ChangePasswordInput;
}

export interface CreateUserMutation {
  createUser: CreateUserPayload;
}
export interface CreateUserMutationVariables {
  input: CreateUserInput;
}

export interface ChangeUserRoleMutation {
  changeUserRole: User;
}
export interface ChangeUserRoleMutationVariables {
  input: ChangeUserRoleInput;
}

export interface DeactivateUserMutation {
  deactivateUser: User;
}
export interface ReactivateUserMutation {
  reactivateUser: User;
}
export interface UserIdVariables {
  userId: string;
}

// ---- proposals ----

/** An organisation as nested in proposals and people (no code / kind). */
export interface OrganizationName {
  __typename?: 'Organization';
  id: string;
  name: string;
  nameEn: string;
}

/** Someone as shown next to proposals (a PersonSummary: name, role, organisation, no contact details). */
export interface Person {
  __typename?: 'PersonSummary';
  id: string;
  displayName: string;
  role: Role;
  organization: OrganizationName;
}

/** Just the name of someone who did something (actor, author). */
export interface PersonName {
  __typename?: 'PersonSummary';
  id: string;
  displayName: string;
}

/** Someone of the caller's federation, found with `people` (for choosing members). */
export interface PersonSummary {
  __typename?: 'PersonSummary';
  id: string;
  displayName: string;
  role: Role;
  organization: OrganizationName;
}

export type StatusEntityType = 'proposal' | 'suggestion';
export type ProposalSortField = 'UPDATED_AT' | 'CREATED_AT' | 'TITLE' | 'YEAR';
export type SortDirection = 'ASC' | 'DESC';

export interface StatusEvent {
  __typename?: 'StatusEvent';
  id: string;
  entityType: StatusEntityType;
  entityId: string;
  /** Null for the first status of a new proposal or suggestion. */
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  source: string | null;
  occurredAt: DateTime;
  /** The day (YYYY-MM-DD) the change took effect when it was recorded afterwards. */
  effectiveOn: string | null;
  actor: PersonName;
}

export interface Comment {
  __typename?: 'Comment';
  id: string;
  proposalId: string;
  suggestionId: string | null;
  parentId: string | null;
  body: string;
  createdAt: DateTime;
  author: PersonName;
  mentions: PersonName[];
  resolved: boolean;
  resolvedAt: DateTime | null;
  resolvedBy: PersonName | null;
  /** Set on the first comment of a thread anchored to a passage of the body. */
  anchor: CommentAnchor | null;
}

/** The passage an anchored thread is about (a commentAnchor mark in the body). */
export interface CommentAnchor {
  __typename?: 'CommentAnchor';
  threadId: string;
  /** The text selected when the thread started. */
  quote: string;
  /** The marked text as last saved; null until the mark reached the saved body. */
  currentText: string | null;
  /** The marked text was deleted: the thread stays, without a place in the text. */
  detached: boolean;
}

/** A first comment with its replies. */
export interface CommentThread extends Comment {
  replies: Comment[];
}

export interface Suggestion {
  __typename?: 'Suggestion';
  id: string;
  proposalId: string;
  number: number;
  title: string;
  text: string;
  status: SuggestionStatus;
  programArea: ProgramAreaCode | null;
  allowedTransitions: SuggestionStatus[];
  createdAt: DateTime;
  updatedAt: DateTime;
  history: StatusEvent[];
  comments: CommentThread[];
}

export interface ProposalMember {
  __typename?: 'ProposalMember';
  id: string;
  role: ProposalRole;
  createdAt: DateTime;
  user: Person;
}

/** A version as listed on the proposal page. */
export interface ProposalVersion {
  __typename?: 'ProposalVersion';
  id: string;
  number: number;
  /** The name given when saved by hand (`vN` for a restore: the number of the version put back). */
  name: string | null;
  kind: ProposalVersionKind;
  title: string;
  createdAt: DateTime;
  createdBy: PersonName;
}

/** A suggestion as it was when a version was recorded (queried without `id`: see PROPOSAL_VERSIONS_QUERY). */
export interface SuggestionSnapshot {
  __typename?: 'SuggestionSnapshot';
  number: number;
  title: string;
  text: string;
}

/** A version with its content, for viewing and comparing (its body JSON is left to the server). */
export interface ProposalVersionDetail extends ProposalVersion {
  summary: string;
  suggestions: SuggestionSnapshot[];
  /** Plain text of the body at that moment; null when the body had never been written. */
  bodyText: string | null;
}

export interface ProposalAnswer {
  __typename?: 'ProposalAnswer';
  id: string;
  answerClass: AnswerClass;
  /** YYYY-MM-DD */
  answeredOn: string;
  replyingUnit: string;
  text: string | null;
  documentRef: string | null;
  createdAt: DateTime;
  recordedBy: PersonName;
}

/** A proposal as listed. */
export interface ProposalSummary {
  __typename?: 'Proposal';
  id: string;
  title: string;
  status: ProposalStatus;
  year: number;
  target: string | null;
  topics: string[];
  createdAt: DateTime;
  updatedAt: DateTime;
  suggestionCount: number;
  district: OrganizationName;
  leadAuthor: PersonName;
  lastStatusChange: Pick<StatusEvent, '__typename' | 'id' | 'occurredAt' | 'toStatus'> | null;
}

/** A proposal with everything its page shows. */
export interface ProposalDetail extends Omit<ProposalSummary, 'leadAuthor'> {
  summary: string;
  /** Plain text of the collaborative body; null until someone has written in it. */
  bodyText: string | null;
  version: number;
  myRole: ProposalRole | null;
  allowedTransitions: ProposalStatus[];
  leadAuthor: Person;
  members: ProposalMember[];
  suggestions: Suggestion[];
  timeline: StatusEvent[];
  versions: ProposalVersion[];
  answer: ProposalAnswer | null;
  comments: CommentThread[];
}

export interface ProposalConnection {
  __typename?: 'ProposalConnection';
  nodes: ProposalSummary[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface ProposalFilter {
  status?: ProposalStatus | null;
  districtId?: string | null;
  year?: number | null;
  topic?: string | null;
  memberId?: string | null;
  text?: string | null;
}

export interface ProposalSort {
  field: ProposalSortField;
  direction: SortDirection;
}

export interface CreateProposalInput {
  title: string;
  summary?: string | null;
  target?: string | null;
  year: number;
  topics?: string[] | null;
  districtId: string;
}

export interface UpdateProposalInput {
  id: string;
  expectedVersion?: number | null;
  title?: string | null;
  summary?: string | null;
  /** Left out: unchanged; null: removed. */
  target?: string | null;
  year?: number | null;
  topics?: string[] | null;
  districtId?: string | null;
  leadAuthorId?: string | null;
}

export interface TransitionProposalInput {
  proposalId: string;
  to: ProposalStatus;
  note?: string | null;
  expectedVersion?: number | null;
  /** Only with to: submitted, for a submission recorded afterwards. */
  submittedOn?: string | null;
}

export interface RecordAnswerInput {
  proposalId: string;
  answeredOn: string;
  replyingUnit: string;
  answerClass: AnswerClass;
  text?: string | null;
  documentRef?: string | null;
  expectedVersion?: number | null;
}

export interface ProposalMemberInput {
  proposalId: string;
  userId: string;
  role: ProposalRole;
}

export interface RemoveProposalMemberInput {
  proposalId: string;
  userId: string;
}

export interface AddSuggestionInput {
  proposalId: string;
  title: string;
  text?: string | null;
  programArea?: ProgramAreaCode | null;
}

export interface UpdateSuggestionInput {
  id: string;
  title?: string | null;
  text?: string | null;
  /** Left out: unchanged; null: removed. */
  programArea?: ProgramAreaCode | null;
}

export interface ReorderSuggestionsInput {
  proposalId: string;
  suggestionIds: string[];
}

export interface ChangeSuggestionStatusInput {
  suggestionId: string;
  to: SuggestionStatus;
  note?: string | null;
  source?: string | null;
}

export interface SaveProposalVersionInput {
  proposalId: string;
  /** 1–100 characters, e.g. 征求意见稿, 第二稿 */
  name: string;
}

export interface RestoreProposalVersionInput {
  proposalId: string;
  /** The number of the version whose body is put back. */
  number: number;
}

export interface AddCommentInput {
  proposalId: string;
  suggestionId?: string | null;
  parentId?: string | null;
  body: string;
  mentions?: string[] | null;
  /** Anchors a new thread to the selected passage (threadId: a new UUID, put on the commentAnchor mark). */
  anchor?: { threadId: string; quote: string } | null;
}

export interface ProposalsQuery {
  proposals: ProposalConnection;
}
export interface ProposalsQueryVariables {
  first?: number;
  after?: string | null;
  filter?: ProposalFilter | null;
  sort?: ProposalSort | null;
}

export interface ProposalQuery {
  proposal: ProposalDetail;
}
export interface ProposalQueryVariables {
  id: string;
}

export interface ProposalVersionsQuery {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    bodyText: string | null;
    suggestions: Pick<Suggestion, '__typename' | 'id' | 'number' | 'title' | 'text'>[];
    versions: ProposalVersionDetail[];
  };
}
export interface ProposalVersionsQueryVariables {
  id: string;
}

export interface SaveProposalVersionMutation {
  saveProposalVersion: ProposalVersion;
}
export interface SaveProposalVersionMutationVariables {
  input: SaveProposalVersionInput;
}

export interface RestoreProposalVersionMutation {
  restoreProposalVersion: ProposalVersion;
}
export interface RestoreProposalVersionMutationVariables {
  input: RestoreProposalVersionInput;
}

export interface PeopleQuery {
  people: PersonSummary[];
}
export interface PeopleQueryVariables {
  search?: string | null;
  first?: number | null;
}

export interface CreateProposalMutation {
  createProposal: ProposalSummary;
}
export interface CreateProposalMutationVariables {
  input: CreateProposalInput;
}

export interface UpdateProposalMutation {
  updateProposal: ProposalDetail;
}
export interface UpdateProposalMutationVariables {
  input: UpdateProposalInput;
}

export interface TransitionProposalMutation {
  transitionProposal: ProposalDetail;
}
export interface TransitionProposalMutationVariables {
  input: TransitionProposalInput;
}

export interface RecordAnswerMutation {
  recordAnswer: ProposalDetail;
}
export interface RecordAnswerMutationVariables {
  input: RecordAnswerInput;
}

export interface AddProposalMemberMutation {
  addProposalMember: ProposalDetail;
}
export interface ChangeProposalMemberRoleMutation {
  changeProposalMemberRole: ProposalDetail;
}
export interface ProposalMemberMutationVariables {
  input: ProposalMemberInput;
}

export interface RemoveProposalMemberMutation {
  removeProposalMember: ProposalDetail;
}
export interface RemoveProposalMemberMutationVariables {
  input: RemoveProposalMemberInput;
}

export interface AddSuggestionMutation {
  addSuggestion: Suggestion;
}
export interface AddSuggestionMutationVariables {
  input: AddSuggestionInput;
}

export interface UpdateSuggestionMutation {
  updateSuggestion: Suggestion;
}
export interface UpdateSuggestionMutationVariables {
  input: UpdateSuggestionInput;
}

export interface ReorderSuggestionsMutation {
  reorderSuggestions: ProposalDetail;
}
export interface ReorderSuggestionsMutationVariables {
  input: ReorderSuggestionsInput;
}

export interface DeleteSuggestionMutation {
  deleteSuggestion: ProposalDetail;
}
export interface DeleteSuggestionMutationVariables {
  suggestionId: string;
}

export interface ChangeSuggestionStatusMutation {
  changeSuggestionStatus: Suggestion;
}
export interface ChangeSuggestionStatusMutationVariables {
  input: ChangeSuggestionStatusInput;
}

export interface AddCommentMutation {
  addComment: Comment;
}
export interface AddCommentMutationVariables {
  input: AddCommentInput;
}

export interface ResolveCommentThreadMutation {
  resolveCommentThread: Comment;
}
export interface UnresolveCommentThreadMutation {
  unresolveCommentThread: Comment;
}
export interface CommentIdVariables {
  commentId: string;
}
