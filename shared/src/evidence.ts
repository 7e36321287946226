/**
 * Case evidence (案例 / 证据): what was seen in practice, recorded by contributors and cited in
 * proposals. The API enforces these values; the web uses them for labels, choices and limits.
 */

export type Labels = { zh: string; en: string };

// ---------------------------------------------------------------- limits

export const EVIDENCE_TITLE_MAX_LENGTH = 200;
export const EVIDENCE_NARRATIVE_MAX_LENGTH = 20000;
export const EVIDENCE_PLACE_MAX_LENGTH = 60;
export const EVIDENCE_TAG_MAX_LENGTH = 40;
export const EVIDENCE_THEMES_MAX = 20;
export const EVIDENCE_FIGURES_MAX = 30;
export const EVIDENCE_FIGURE_LABEL_MAX_LENGTH = 200;
export const EVIDENCE_FIGURE_UNIT_MAX_LENGTH = 20;
export const EVIDENCE_FIGURE_PERIOD_MAX_LENGTH = 40;
export const EVIDENCE_MARKED_NAMES_MAX = 50;
export const EVIDENCE_MARKED_NAME_MIN_LENGTH = 2;
export const EVIDENCE_MARKED_NAME_MAX_LENGTH = 20;
export const EVIDENCE_CONSENT_TEXT_MAX_LENGTH = 500;
export const EVIDENCE_LINK_NOTE_MAX_LENGTH = 2000;
export const EVIDENCE_LINK_QUOTE_MAX_LENGTH = 2000;
export const EVIDENCE_CITATION_ID_MAX_LENGTH = 64;
/** Attachments: at most this many bytes, of the types below (checked from the bytes, not the name). */
export const EVIDENCE_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_IMPORT_MAX_ROWS = 1000;
/** Records one bulk publish may take: an import's worth. */
export const EVIDENCE_BULK_PUBLISH_MAX = EVIDENCE_IMPORT_MAX_ROWS;
/** BAD_USER_INPUT / FORBIDDEN `reason` of a refused bulk publish; `failures` lists each record refused. */
export const BULK_PUBLISH_REFUSED = 'BULK_PUBLISH_REFUSED';
/** Bytes of the decoded import file. */
export const EVIDENCE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------- population groups

export const POPULATION_GROUPS = [
  'migrant_women',
  'migrant_children',
  'left_behind_children',
  'elderly_carers',
  'women_in_difficulty',
  'disabled_women',
  'single_mothers',
] as const;
export type PopulationGroup = (typeof POPULATION_GROUPS)[number];

export const POPULATION_GROUP_LABELS: Record<PopulationGroup, Labels> = {
  migrant_women: { zh: '流动妇女', en: 'Migrant women' },
  migrant_children: { zh: '流动儿童', en: 'Migrant children' },
  left_behind_children: { zh: '留守儿童', en: 'Left-behind children' },
  elderly_carers: { zh: '老年照料者', en: 'Elderly carers' },
  women_in_difficulty: { zh: '困境妇女', en: 'Women in difficulty' },
  disabled_women: { zh: '残疾妇女', en: 'Disabled women' },
  single_mothers: { zh: '单亲母亲', en: 'Single mothers' },
};

// ---------------------------------------------------------------- source types

export const EVIDENCE_SOURCE_TYPES = [
  'case_file',
  'case_note',
  'service_record',
  'interview',
  'survey',
  'official_statistics',
  'news',
  'analysis',
] as const;
export type EvidenceSourceType = (typeof EVIDENCE_SOURCE_TYPES)[number];

export const EVIDENCE_SOURCE_TYPE_LABELS: Record<EvidenceSourceType, Labels> = {
  case_file: { zh: '个案档案', en: 'Case file' },
  case_note: { zh: '个案记录', en: 'Case note' },
  service_record: { zh: '服务记录', en: 'Service record' },
  interview: { zh: '访谈', en: 'Interview' },
  survey: { zh: '问卷调查', en: 'Survey' },
  official_statistics: { zh: '官方统计', en: 'Official statistics' },
  news: { zh: '新闻报道', en: 'News' },
  analysis: { zh: '分析报告', en: 'Analysis' },
};

// ---------------------------------------------------------------- sensitivity and status

/** From least to most protected. */
export const SENSITIVITY_LEVELS = ['public', 'internal', 'restricted'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

export const SENSITIVITY_LABELS: Record<SensitivityLevel, Labels & { description: Labels }> = {
  public: {
    zh: '公开',
    en: 'Public',
    description: { zh: '所有登录用户可见', en: 'Every signed-in user' },
  },
  internal: {
    zh: '内部',
    en: 'Internal',
    description: { zh: '本妇联系统的工作人员可见', en: 'Signed-in staff of the same federation' },
  },
  restricted: {
    zh: '受限',
    en: 'Restricted',
    description: {
      zh: '仅录入人、所属组织及上级管理员和被单独授权的人可见',
      en: 'Only the contributor, administrators of its organisation (or above) and people granted access',
    },
  },
};

export const EVIDENCE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, Labels> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Moves the contributor (or an administrator) may make. Only published evidence is seen by others. */
export const EVIDENCE_TRANSITIONS: readonly { from: EvidenceStatus; to: EvidenceStatus }[] = [
  { from: 'draft', to: 'published' },
  { from: 'withdrawn', to: 'published' },
  { from: 'draft', to: 'withdrawn' },
  { from: 'published', to: 'withdrawn' },
];

export function canMoveEvidence(from: EvidenceStatus, to: EvidenceStatus): boolean {
  return EVIDENCE_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

// ---------------------------------------------------------------- access grants

/** `read` opens a restricted record (content masked); `raw` also shows the unmasked content. */
export const EVIDENCE_GRANT_LEVELS = ['read', 'raw'] as const;
export type EvidenceGrantLevel = (typeof EVIDENCE_GRANT_LEVELS)[number];

// ---------------------------------------------------------------- links and attachments

export const EVIDENCE_LINK_KINDS = ['proposal', 'suggestion', 'passage'] as const;
export type EvidenceLinkKind = (typeof EVIDENCE_LINK_KINDS)[number];

export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'csv', 'txt'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Kinds whose content is read as text: PII is detected in them on upload and masked on download. */
export const TEXT_ATTACHMENT_KINDS: readonly AttachmentKind[] = ['csv', 'txt'];

/**
 * What a viewer gets when downloading an attachment: the file (`raw`), the text with personal data
 * masked (`masked`), or nothing (`withheld`: raw content in a binary file, for the raw-cleared only).
 */
export const ATTACHMENT_ACCESS = ['raw', 'masked', 'withheld'] as const;
export type AttachmentAccess = (typeof ATTACHMENT_ACCESS)[number];

// ---------------------------------------------------------------- audit

/** Actions the evidence module writes to the audit log. */
export const EVIDENCE_AUDIT_ACTIONS = {
  created: 'evidence.created',
  rawRead: 'evidence.raw_read',
  sensitivityChanged: 'evidence.sensitivity_changed',
  consentChanged: 'evidence.consent_changed',
  accessGranted: 'evidence.access_granted',
  accessRevoked: 'evidence.access_revoked',
  exported: 'evidence.exported',
  imported: 'evidence.imported',
  /** One entry per record of a bulk publish (`publishEvidenceMany`). */
  published: 'evidence.published',
} as const;
export type EvidenceAuditAction = (typeof EVIDENCE_AUDIT_ACTIONS)[keyof typeof EVIDENCE_AUDIT_ACTIONS];

// ---------------------------------------------------------------- dates

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (2023-02-29 does not). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in China (UTC+8), YYYY-MM-DD: consent expiry is judged by it. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
