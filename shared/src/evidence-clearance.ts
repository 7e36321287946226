import type { EvidenceGrantLevel, EvidenceStatus, SensitivityLevel } from './evidence';

/**
 * Who may see a piece of evidence, as pure functions. The API applies the same rule (as a SQL
 * filter for lists, counts and facets, and with these functions for single records); the web
 * uses them to explain to a contributor who will see what she records.
 */

export interface ConsentFacts {
  obtained: boolean;
  /** YYYY-MM-DD, or null when the consent does not lapse. */
  expiresOn: string | null;
}

export interface SensitivityFacts {
  /** The level the contributor asked for. */
  sensitivity: SensitivityLevel;
  aboutIdentifiablePeople: boolean;
  consent: ConsentFacts;
}

/** Why a record is held at `restricted` whatever level was asked for. */
export type HeldReason = 'no_consent' | 'consent_expired';

export interface EffectiveSensitivity {
  level: SensitivityLevel;
  /** True when the consent rule overrides the requested level. */
  held: boolean;
  reason: HeldReason | null;
}

/**
 * The consent rule: a record about identifiable people without recorded consent (or whose
 * consent has expired) is treated as `restricted` whatever level is asked for.
 */
export function effectiveSensitivity(record: SensitivityFacts, today: string): EffectiveSensitivity {
  if (record.aboutIdentifiablePeople) {
    const reason: HeldReason | null = !record.consent.obtained
      ? 'no_consent'
      : record.consent.expiresOn !== null && record.consent.expiresOn < today
        ? 'consent_expired'
        : null;
    if (reason) return { level: 'restricted', held: record.sensitivity !== 'restricted', reason };
  }
  return { level: record.sensitivity, held: false, reason: null };
}

export const HELD_REASON_LABELS: Record<HeldReason, { zh: string; en: string }> = {
  no_consent: {
    zh: '涉及可识别的个人且未记录知情同意，按“受限”处理',
    en: 'About identifiable people with no recorded consent: treated as restricted',
  },
  consent_expired: {
    zh: '涉及可识别的个人且知情同意已过期，按“受限”处理',
    en: 'About identifiable people and the consent has expired: treated as restricted',
  },
};

/** How the viewer stands to one record. */
export interface ViewerRelation {
  /** She recorded it. */
  isContributor: boolean;
  /** She is an administrator of the record's organisation or of one above it. */
  isOrganizationAdmin: boolean;
  /** Her organisation belongs to the same federation as the record's. */
  sameFederation: boolean;
  /** An explicit grant on this record, if any. */
  grant: EvidenceGrantLevel | null;
}

export interface ClearanceFacts extends SensitivityFacts {
  status: EvidenceStatus;
}

/** Contributor and organisation administrators: they see every state and manage the record. */
export function canManageEvidence(viewer: ViewerRelation): boolean {
  return viewer.isContributor || viewer.isOrganizationAdmin;
}

/**
 * Drafts and withdrawn records: the contributor and administrators only. Published records by
 * effective level: public to every signed-in user, internal to the same federation, restricted to
 * the contributor, administrators and people granted access (a grant opens any published record).
 */
export function canReadEvidence(record: ClearanceFacts, viewer: ViewerRelation, today: string): boolean {
  if (canManageEvidence(viewer)) return true;
  if (record.status !== 'published') return false;
  if (viewer.grant) return true;
  const { level } = effectiveSensitivity(record, today);
  return level === 'public' || (level === 'internal' && viewer.sameFederation);
}

/**
 * Unmasked content (personal data found in the text): the contributor, administrators and people
 * granted `raw` access. Everyone else who may read the record sees it masked.
 */
export function canSeeRawEvidence(viewer: ViewerRelation): boolean {
  return canManageEvidence(viewer) || viewer.grant === 'raw';
}
