/** Account roles. One per user; a user belongs to exactly one organisation. */
export const ROLES = ['admin', 'member', 'contributor', 'researcher', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
