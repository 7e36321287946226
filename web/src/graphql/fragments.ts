import { gql } from '@apollo/client';

export const ORGANIZATION_FIELDS = gql`
  fragment OrganizationFields on Organization {
    id
    code
    name
    nameEn
    kind
    parentId
  }
`;

export const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    displayName
    email
    mobile
    role
    active
    createdAt
    organization {
      ...OrganizationFields
    }
  }
  ${ORGANIZATION_FIELDS}
`;
