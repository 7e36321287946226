import type { Role } from '@jianyan/shared';

/** Account roles that record and import evidence (the API's rule); researchers and leaders read it. */
export const EVIDENCE_RECORDER_ROLES: readonly Role[] = ['contributor', 'member', 'admin'];

export function canRecordEvidence(role: Role): boolean {
  return EVIDENCE_RECORDER_ROLES.includes(role);
}
