import { useQuery } from '@apollo/client';
import { filingDistrictIds } from '@jianyan/shared';
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

/** The districts of the signed-in user's federation (for filters; the forms offer useFilingDistricts). */
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
  };
}

/**
 * The districts the signed-in user may file a proposal or an evidence record under (the shared
 * rule: her organisation and the ones below it), for the pickers of the create and edit forms.
 * `keepDistrictId`, the district a record is filed under now, stays on offer so an edit can leave it.
 */
export function useFilingDistricts(keepDistrictId?: string | null) {
  const user = useCurrentUser();
  const query = useQuery(ORGANIZATIONS_QUERY);
  const organizations = query.data?.organizations;
  const allowed = useMemo(() => (organizations ? filingDistrictIds(user.organization.id, organizations) : []), [organizations, user.organization.id]);
  const districts = useMemo(
    () => (organizations ?? []).filter((o) => o.kind === 'district' && (allowed.includes(o.id) || o.id === keepDistrictId)),
    [organizations, allowed, keepDistrictId],
  );
  return {
    districts,
    loading: query.loading && !organizations,
    error: query.error,
    /** Her own district, or the only one she may choose (a sensible default for a new record). */
    defaultDistrictId: allowed.includes(user.organization.id) ? user.organization.id : allowed.length === 1 ? allowed[0] : null,
  };
}
