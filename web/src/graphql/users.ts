import { gql, type TypedDocumentNode } from '@apollo/client';
import { ORGANIZATION_FIELDS, USER_FIELDS } from './fragments';
import type {
  ChangeUserRoleMutation,
  ChangeUserRoleMutationVariables,
  CreateUserMutation,
  CreateUserMutationVariables,
  DeactivateUserMutation,
  NoVariables,
  OrganizationsQuery,
  ReactivateUserMutation,
  UserIdVariables,
  UsersQuery,
  UsersQueryVariables,
} from './types';

export const ORGANIZATIONS_QUERY: TypedDocumentNode<OrganizationsQuery, NoVariables> = gql`
  query Organizations {
    organizations {
      ...OrganizationFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;

export const USERS_QUERY: TypedDocumentNode<UsersQuery, UsersQueryVariables> = gql`
  query Users($first: Int, $after: String) {
    users(first: $first, after: $after) {
      nodes {
        ...UserFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
  ${USER_FIELDS}
`;

export const CREATE_USER_MUTATION: TypedDocumentNode<CreateUserMutation, CreateUserMutationVariables> = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserFields
      }
      temporaryPassword
    }
  }
  ${USER_FIELDS}
`;

export const CHANGE_USER_ROLE_MUTATION: TypedDocumentNode<ChangeUserRoleMutation, ChangeUserRoleMutationVariables> = gql`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const DEACTIVATE_USER_MUTATION: TypedDocumentNode<DeactivateUserMutation, UserIdVariables> = gql`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const REACTIVATE_USER_MUTATION: TypedDocumentNode<ReactivateUserMutation, UserIdVariables> = gql`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;
