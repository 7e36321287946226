import { gql, type TypedDocumentNode } from '@apollo/client';
import { USER_FIELDS } from './fragments';
import type {
  ChangePasswordMutation,
  ChangePasswordMutationVariables,
  LoginMutation,
  LoginMutationVariables,
  LogoutMutation,
  MeQuery,
  NoVariables,
} from './types';

/** Operation name of the session check; its UNAUTHENTICATED error means "signed out", not "session expired". */
export const ME_OPERATION = 'Me';

export const ME_QUERY: TypedDocumentNode<MeQuery, NoVariables> = gql`
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutation, LoginMutationVariables> = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutation, NoVariables> = gql`
  mutation Logout {
    logout
  }
`;

export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;
