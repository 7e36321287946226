import { gql, type TypedDocumentNode } from '@apollo/client';

/** Following and notifications: operations and hand-written types (following api/schema.graphql). */

export type NotificationKind = 'proposal_status' | 'suggestion_status' | 'adoption';
export type FollowTargetType = 'proposal' | 'suggestion' | 'district' | 'program';
export type EmailFrequency = 'off' | 'immediate' | 'daily_digest';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  proposalId: string;
  suggestionId: string | null;
  title: string;
  fromStatus: string | null;
  toStatus: string | null;
  suggestionNumber: number | null;
  suggestionTitle: string | null;
  actorName: string | null;
  createdAt: string;
  readAt: string | null;
}

const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    kind
    proposalId
    suggestionId
    title
    fromStatus
    toStatus
    suggestionNumber
    suggestionTitle
    actorName
    createdAt
    readAt
  }
`;

export const UNREAD_COUNT: TypedDocumentNode<{ unreadNotificationCount: number }> = gql`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`;

export interface NotificationsData {
  notifications: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: AppNotification[] };
  unreadNotificationCount: number;
}

export const NOTIFICATIONS: TypedDocumentNode<NotificationsData, { first: number; after?: string | null; unreadOnly?: boolean }> = gql`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        ...NotificationFields
      }
    }
    unreadNotificationCount
  }
  ${NOTIFICATION_FIELDS}
`;

export const NOTIFICATION_ADDED: TypedDocumentNode<{ notificationAdded: AppNotification }> = gql`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export const MARK_NOTIFICATIONS_READ: TypedDocumentNode<{ markNotificationsRead: number }, { input: { ids?: string[]; all?: boolean } }> = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`;

export const IS_FOLLOWING: TypedDocumentNode<{ isFollowing: boolean }, { targetType: FollowTargetType; targetId: string }> = gql`
  query IsFollowing($targetType: FollowTargetType!, $targetId: ID!) {
    isFollowing(targetType: $targetType, targetId: $targetId)
  }
`;

type FollowVariables = { input: { targetType: FollowTargetType; targetId: string } };

export const FOLLOW: TypedDocumentNode<{ follow: { id: string } }, FollowVariables> = gql`
  mutation Follow($input: FollowInput!) {
    follow(input: $input) {
      id
    }
  }
`;

export const UNFOLLOW: TypedDocumentNode<{ unfollow: boolean }, FollowVariables> = gql`
  mutation Unfollow($input: FollowInput!) {
    unfollow(input: $input)
  }
`;

export interface NotificationPreferences {
  email: EmailFrequency;
  emailAvailable: boolean;
}

export const NOTIFICATION_PREFERENCES: TypedDocumentNode<{ notificationPreferences: NotificationPreferences }> = gql`
  query NotificationPreferences {
    notificationPreferences {
      email
      emailAvailable
    }
  }
`;

export const SET_NOTIFICATION_PREFERENCES: TypedDocumentNode<
  { setNotificationPreferences: NotificationPreferences },
  { input: { email: EmailFrequency } }
> = gql`
  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      email
      emailAvailable
    }
  }
`;
