export const ORGANIZATION_KINDS = ['federation', 'district'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** What the organisation rules need to know of an organisation. */
export interface OrganizationNode {
  id: string;
  parentId: string | null;
  kind: OrganizationKind;
}

/** The organisation and every organisation below it (the scope user administration gives an admin). */
export function organizationSubtreeIds(rootId: string, organizations: readonly Pick<OrganizationNode, 'id' | 'parentId'>[]): string[] {
  const result = [rootId];
  for (let i = 0; i < result.length; i++) {
    for (const org of organizations) if (org.parentId === result[i] && !result.includes(org.id)) result.push(org.id);
  }
  return result;
}

/**
 * The districts a person may file a proposal or an evidence record under: the districts among her
 * organisation and the ones below it, whatever her role. A district member files under her
 * district only; someone of the city federation under any of its districts.
 */
export function filingDistrictIds(organizationId: string, organizations: readonly OrganizationNode[]): string[] {
  const scope = new Set(organizationSubtreeIds(organizationId, organizations));
  return organizations.filter((o) => o.kind === 'district' && scope.has(o.id)).map((o) => o.id);
}

/** `extensions.reason` of the FORBIDDEN refusing a district outside the caller's filing scope. */
export const OUTSIDE_FILING_SCOPE_REASON = 'OUTSIDE_FILING_SCOPE';
