import {
  EVIDENCE_SOURCE_TYPE_LABELS,
  EVIDENCE_STATUS_LABELS,
  HELD_REASON_LABELS,
  PII_KIND_LABELS,
  POPULATION_GROUP_LABELS,
  SENSITIVITY_LABELS,
  programAreaLabel,
  type EvidenceGrantLevel,
  type EvidenceLinkKind,
  type EvidenceSourceType,
  type EvidenceStatus,
  type HeldReason,
  type PiiKind,
  type PopulationGroup,
  type SensitivityLevel,
} from '@jianyan/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useLanguage } from '../i18n/useLanguage';

const AUDIT_ACTION_KEYS = [
  'created',
  'raw_read',
  'sensitivity_changed',
  'consent_changed',
  'access_granted',
  'access_revoked',
  'exported',
  'imported',
] as const;
type AuditActionKey = (typeof AUDIT_ACTION_KEYS)[number];

/**
 * Localized labels of the evidence domain. Population groups, source types, sensitivity levels,
 * statuses, PII kinds and the consent rule's reasons come from `@jianyan/shared` (zh / en pairs);
 * the rest from the i18n catalog.
 */
export function useEvidenceLabels() {
  const { t } = useTranslation();
  const { isEnglish } = useLanguage();
  const format = useFormat();
  const lang = isEnglish ? 'en' : 'zh';
  return useMemo(
    () => ({
      population: (code: PopulationGroup | string): string => POPULATION_GROUP_LABELS[code as PopulationGroup]?.[lang] ?? code,
      sourceType: (code: EvidenceSourceType | string): string => EVIDENCE_SOURCE_TYPE_LABELS[code as EvidenceSourceType]?.[lang] ?? code,
      sensitivity: (level: SensitivityLevel | string): string => SENSITIVITY_LABELS[level as SensitivityLevel]?.[lang] ?? level,
      /** Who sees a record at this level. */
      sensitivityWho: (level: SensitivityLevel): string => SENSITIVITY_LABELS[level].description[lang],
      status: (status: EvidenceStatus): string => EVIDENCE_STATUS_LABELS[status][lang],
      /** A program area's name, or the free tag itself. */
      theme: (value: string): string => programAreaLabel(value, lang) ?? value,
      /** The full sentence explaining why the consent rule holds a record at restricted. */
      heldReason: (reason: HeldReason): string => HELD_REASON_LABELS[reason][lang],
      /** "no consent" / "consent expired", for badges. */
      heldShort: (reason: HeldReason): string => t(`evidence.heldShort.${reason}`),
      piiKind: (kind: PiiKind): string => PII_KIND_LABELS[kind][lang],
      grantLevel: (level: EvidenceGrantLevel): string => t(`evidence.grantLevels.${level}`),
      linkKind: (kind: EvidenceLinkKind): string => t(`evidence.linkKinds.${kind}`),
      auditAction: (action: string): string => {
        const key = action.startsWith('evidence.') ? action.slice('evidence.'.length) : '';
        return (AUDIT_ACTION_KEYS as readonly string[]).includes(key) ? t(`audit.actions.${key as AuditActionKey}`) : action;
      },
      /** "2021年4月12日" or "2020年1月1日 至 2021年12月31日". */
      period: (from: string, to: string | null): string =>
        to && to !== from ? t('evidence.period', { from: format.day(from), to: format.day(to) }) : format.day(from),
    }),
    [lang, t, format],
  );
}

export type EvidenceLabels = ReturnType<typeof useEvidenceLabels>;

/** A figure's value as people read it: 2000 → 2,000; 58 → 58; 3.5 → 3.5. */
export function formatFigureValue(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

/** File sizes: 532 B, 12.4 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
