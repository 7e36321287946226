import { useQuery } from '@apollo/client';
import { useMemo } from 'react';
import { useCurrentUser } from '../auth/session';
import type { Organization } from '../graphql/types';
import { ORGANIZATIONS_QUERY } from '../graphql/users';

/** The id of the top organisation (the federation) above `organizationId`. */
export function federationRootId(organizations: readonly Organization[], organizationId: string): string {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  let current = byId.get(organizationId);
  const seen = new Set<string>();
  while (current?.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
    seen.add(current.id);
    current = byId.get(current.parentId);
  }
  return current?.id ?? organizationId;
}

/** The districts of the federation `organizationId` belongs to, in the order the API lists them. */
export function districtsOfFederation(organizations: readonly Organization[], organizationId: string): Organization[] {
  const root = federationRootId(organizations, organizationId);
  return organizations.filter((o) => o.kind === 'district' && federationRootId(organizations, o.id) === root);
}

/** The districts of the signed-in user's federation (for proposal forms and filters). */
export function useDistricts() {
  const user = useCurrentUser();
  const query = useQuery(ORGANIZATIONS_QUERY);
  const organizations = query.data?.organizations;
  const districts = useMemo(
    () => (organizations ? districtsOfFederation(organizations, user.organization.id) : []),
    [organizations, user.organization.id],
  );
  return {
    districts,
    loading: query.loading && !organizations,
    error: query.error,
    /** The user's own district, when she belongs to one (a sensible default). */
    ownDistrictId: districts.some((d) => d.id === user.organization.id) ? user.organization.id : null,
  };
}
