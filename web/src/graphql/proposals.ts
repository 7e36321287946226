import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  AddCommentMutation,
  AddCommentMutationVariables,
  AddProposalMemberMutation,
  AddSuggestionMutation,
  AddSuggestionMutationVariables,
  ChangeProposalMemberRoleMutation,
  ChangeSuggestionStatusMutation,
  ChangeSuggestionStatusMutationVariables,
  CommentIdVariables,
  CreateProposalMutation,
  CreateProposalMutationVariables,
  DeleteSuggestionMutation,
  DeleteSuggestionMutationVariables,
  PeopleQuery,
  PeopleQueryVariables,
  ProposalMemberMutationVariables,
  ProposalQuery,
  ProposalQueryVariables,
  ProposalsQuery,
  ProposalsQueryVariables,
  ProposalVersionsQuery,
  ProposalVersionsQueryVariables,
  RecordAnswerMutation,
  RecordAnswerMutationVariables,
  RemoveProposalMemberMutation,
  RemoveProposalMemberMutationVariables,
  ReorderSuggestionsMutation,
  ReorderSuggestionsMutationVariables,
  ResolveCommentThreadMutation,
  RestoreProposalVersionMutation,
  RestoreProposalVersionMutationVariables,
  SaveProposalVersionMutation,
  SaveProposalVersionMutationVariables,
  TransitionProposalMutation,
  TransitionProposalMutationVariables,
  UnresolveCommentThreadMutation,
  UpdateProposalMutation,
  UpdateProposalMutationVariables,
  UpdateSuggestionMutation,
  UpdateSuggestionMutationVariables,
} from './types';

/** Operation name of the proposal page's query, for refetchQueries after mutations that change it. */
export const PROPOSAL_OPERATION = 'Proposal';
/** Operation name of the proposal list's query. */
export const PROPOSALS_OPERATION = 'Proposals';
/** Operation name of the versions-with-content query (view and compare dialogs). */
export const PROPOSAL_VERSIONS_OPERATION = 'ProposalVersions';

export const PERSON_FIELDS = gql`
  fragment PersonFields on PersonSummary {
    id
    displayName
    role
    organization {
      id
      name
      nameEn
    }
  }
`;

export const STATUS_EVENT_FIELDS = gql`
  fragment StatusEventFields on StatusEvent {
    id
    entityType
    entityId
    fromStatus
    toStatus
    note
    source
    occurredAt
    effectiveOn
    actor {
      id
      displayName
    }
  }
`;

export const COMMENT_FIELDS = gql`
  fragment CommentFields on Comment {
    id
    proposalId
    suggestionId
    parentId
    body
    createdAt
    resolved
    resolvedAt
    author {
      id
      displayName
    }
    mentions {
      id
      displayName
    }
    resolvedBy {
      id
      displayName
    }
    anchor {
      threadId
      quote
      currentText
      detached
    }
  }
`;

export const COMMENT_THREAD_FIELDS = gql`
  fragment CommentThreadFields on Comment {
    ...CommentFields
    replies {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const SUGGESTION_FIELDS = gql`
  fragment SuggestionFields on Suggestion {
    id
    proposalId
    number
    title
    text
    status
    programArea
    allowedTransitions
    createdAt
    updatedAt
    history {
      ...StatusEventFields
    }
    comments {
      ...CommentThreadFields
    }
  }
  ${STATUS_EVENT_FIELDS}
  ${COMMENT_THREAD_FIELDS}
`;

export const PROPOSAL_SUMMARY_FIELDS = gql`
  fragment ProposalSummaryFields on Proposal {
    id
    title
    status
    year
    target
    topics
    createdAt
    updatedAt
    suggestionCount
    district {
      id
      name
      nameEn
    }
    leadAuthor {
      id
      displayName
    }
    lastStatusChange {
      id
      occurredAt
      toStatus
    }
  }
`;

export const VERSION_FIELDS = gql`
  fragment VersionFields on ProposalVersion {
    id
    number
    name
    kind
    title
    createdAt
    createdBy {
      id
      displayName
    }
  }
`;

export const PROPOSAL_DETAIL_FIELDS = gql`
  fragment ProposalDetailFields on Proposal {
    ...ProposalSummaryFields
    summary
    bodyText
    version
    myRole
    allowedTransitions
    leadAuthor {
      ...PersonFields
    }
    members {
      id
      role
      createdAt
      user {
        ...PersonFields
      }
    }
    suggestions {
      ...SuggestionFields
    }
    timeline {
      ...StatusEventFields
    }
    versions {
      ...VersionFields
    }
    answer {
      id
      answerClass
      answeredOn
      replyingUnit
      text
      documentRef
      createdAt
      recordedBy {
        id
        displayName
      }
    }
    comments {
      ...CommentThreadFields
    }
  }
  ${PROPOSAL_SUMMARY_FIELDS}
  ${PERSON_FIELDS}
  ${SUGGESTION_FIELDS}
  ${VERSION_FIELDS}
`;

// ---- queries ----

export const PROPOSALS_QUERY: TypedDocumentNode<ProposalsQuery, ProposalsQueryVariables> = gql`
  query Proposals($first: Int, $after: String, $filter: ProposalFilter, $sort: ProposalSort) {
    proposals(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        ...ProposalSummaryFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
  ${PROPOSAL_SUMMARY_FIELDS}
`;

export const PROPOSAL_QUERY: TypedDocumentNode<ProposalQuery, ProposalQueryVariables> = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

/**
 * The versions with their content, and the current body, for the view and compare dialogs.
 * Snapshots are selected without `id`: it is the live suggestion's id, the same in every version,
 * so a normalised `SuggestionSnapshot:<id>` would mix up the texts of different versions. Without
 * it Apollo keeps each snapshot inside its version. Bodies as JSON stay on the server (restore).
 */
export const PROPOSAL_VERSIONS_QUERY: TypedDocumentNode<ProposalVersionsQuery, ProposalVersionsQueryVariables> = gql`
  query ProposalVersions($id: ID!) {
    proposal(id: $id) {
      id
      bodyText
      suggestions {
        id
        number
        title
        text
      }
      versions {
        ...VersionFields
        summary
        bodyText
        suggestions {
          number
          title
          text
        }
      }
    }
  }
  ${VERSION_FIELDS}
`;

/** People of the caller's federation, for choosing proposal members. */
export const PEOPLE_QUERY: TypedDocumentNode<PeopleQuery, PeopleQueryVariables> = gql`
  query People($search: String, $first: Int) {
    people(search: $search, first: $first) {
      id
      displayName
      role
      organization {
        id
        name
        nameEn
      }
    }
  }
`;

// ---- proposal mutations ----

export const CREATE_PROPOSAL_MUTATION: TypedDocumentNode<CreateProposalMutation, CreateProposalMutationVariables> = gql`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      ...ProposalSummaryFields
    }
  }
  ${PROPOSAL_SUMMARY_FIELDS}
`;

export const UPDATE_PROPOSAL_MUTATION: TypedDocumentNode<UpdateProposalMutation, UpdateProposalMutationVariables> = gql`
  mutation UpdateProposal($input: UpdateProposalInput!) {
    updateProposal(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const TRANSITION_PROPOSAL_MUTATION: TypedDocumentNode<TransitionProposalMutation, TransitionProposalMutationVariables> = gql`
  mutation TransitionProposal($input: TransitionProposalInput!) {
    transitionProposal(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const RECORD_ANSWER_MUTATION: TypedDocumentNode<RecordAnswerMutation, RecordAnswerMutationVariables> = gql`
  mutation RecordAnswer($input: RecordAnswerInput!) {
    recordAnswer(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

// ---- versions ----

export const SAVE_PROPOSAL_VERSION_MUTATION: TypedDocumentNode<SaveProposalVersionMutation, SaveProposalVersionMutationVariables> = gql`
  mutation SaveProposalVersion($input: SaveProposalVersionInput!) {
    saveProposalVersion(input: $input) {
      ...VersionFields
    }
  }
  ${VERSION_FIELDS}
`;

export const RESTORE_PROPOSAL_VERSION_MUTATION: TypedDocumentNode<RestoreProposalVersionMutation, RestoreProposalVersionMutationVariables> = gql`
  mutation RestoreProposalVersion($input: RestoreProposalVersionInput!) {
    restoreProposalVersion(input: $input) {
      ...VersionFields
    }
  }
  ${VERSION_FIELDS}
`;

// ---- members ----

export const ADD_PROPOSAL_MEMBER_MUTATION: TypedDocumentNode<AddProposalMemberMutation, ProposalMemberMutationVariables> = gql`
  mutation AddProposalMember($input: ProposalMemberInput!) {
    addProposalMember(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const CHANGE_PROPOSAL_MEMBER_ROLE_MUTATION: TypedDocumentNode<ChangeProposalMemberRoleMutation, ProposalMemberMutationVariables> = gql`
  mutation ChangeProposalMemberRole($input: ProposalMemberInput!) {
    changeProposalMemberRole(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const REMOVE_PROPOSAL_MEMBER_MUTATION: TypedDocumentNode<RemoveProposalMemberMutation, RemoveProposalMemberMutationVariables> = gql`
  mutation RemoveProposalMember($input: RemoveProposalMemberInput!) {
    removeProposalMember(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

// ---- suggestions ----

export const ADD_SUGGESTION_MUTATION: TypedDocumentNode<AddSuggestionMutation, AddSuggestionMutationVariables> = gql`
  mutation AddSuggestion($input: AddSuggestionInput!) {
    addSuggestion(input: $input) {
      ...SuggestionFields
    }
  }
  ${SUGGESTION_FIELDS}
`;

export const UPDATE_SUGGESTION_MUTATION: TypedDocumentNode<UpdateSuggestionMutation, UpdateSuggestionMutationVariables> = gql`
  mutation UpdateSuggestion($input: UpdateSuggestionInput!) {
    updateSuggestion(input: $input) {
      ...SuggestionFields
    }
  }
  ${SUGGESTION_FIELDS}
`;

export const REORDER_SUGGESTIONS_MUTATION: TypedDocumentNode<ReorderSuggestionsMutation, ReorderSuggestionsMutationVariables> = gql`
  mutation ReorderSuggestions($input: ReorderSuggestionsInput!) {
    reorderSuggestions(input: $input) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const DELETE_SUGGESTION_MUTATION: TypedDocumentNode<DeleteSuggestionMutation, DeleteSuggestionMutationVariables> = gql`
  mutation DeleteSuggestion($suggestionId: ID!) {
    deleteSuggestion(suggestionId: $suggestionId) {
      ...ProposalDetailFields
    }
  }
  ${PROPOSAL_DETAIL_FIELDS}
`;

export const CHANGE_SUGGESTION_STATUS_MUTATION: TypedDocumentNode<ChangeSuggestionStatusMutation, ChangeSuggestionStatusMutationVariables> = gql`
  mutation ChangeSuggestionStatus($input: ChangeSuggestionStatusInput!) {
    changeSuggestionStatus(input: $input) {
      ...SuggestionFields
    }
  }
  ${SUGGESTION_FIELDS}
`;

// ---- comments ----

export const ADD_COMMENT_MUTATION: TypedDocumentNode<AddCommentMutation, AddCommentMutationVariables> = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const RESOLVE_COMMENT_THREAD_MUTATION: TypedDocumentNode<ResolveCommentThreadMutation, CommentIdVariables> = gql`
  mutation ResolveCommentThread($commentId: ID!) {
    resolveCommentThread(commentId: $commentId) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const UNRESOLVE_COMMENT_THREAD_MUTATION: TypedDocumentNode<UnresolveCommentThreadMutation, CommentIdVariables> = gql`
  mutation UnresolveCommentThread($commentId: ID!) {
    unresolveCommentThread(commentId: $commentId) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;
