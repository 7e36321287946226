/**
 * Hand-written TypeScript types for the GraphQL operations of web/src/graphql/*.ts, following
 * api/schema.graphql. A code generator may replace this file later; keep the names stable.
 */
import type { OrganizationKind, Role } from '@jianyan/shared';

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
