export const ORGANIZATION_KINDS = ['federation', 'district'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
