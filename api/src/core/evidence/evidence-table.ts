import {
  EVIDENCE_SOURCE_TYPES,
  EVIDENCE_SOURCE_TYPE_LABELS,
  EVIDENCE_STATUSES,
  EVIDENCE_STATUS_LABELS,
  POPULATION_GROUPS,
  POPULATION_GROUP_LABELS,
  PROGRAM_AREAS,
  SENSITIVITY_LABELS,
  SENSITIVITY_LEVELS,
  programAreaLabel,
} from '@jianyan/shared';
import type { EvidenceFigure } from './evidence.entity';

/**
 * The columns of evidence spreadsheets: the import reads them (headers in English or Chinese,
 * values as codes or Chinese labels) and the export writes every one of them (Chinese headers and
 * labels, see evidence-export-rows.ts), so an exported file imports again as the same records.
 */
export const IMPORT_COLUMNS = [
  { key: 'title', zh: '标题', required: true },
  { key: 'narrative', zh: '案例叙述' },
  { key: 'dateFrom', zh: '日期', required: true },
  { key: 'dateTo', zh: '结束日期' },
  { key: 'district', zh: '区县' },
  { key: 'town', zh: '乡镇街道' },
  { key: 'community', zh: '社区' },
  { key: 'populations', zh: '人群' },
  { key: 'themes', zh: '主题' },
  { key: 'sourceType', zh: '来源类型', required: true },
  { key: 'figures', zh: '数据' },
  { key: 'sensitivity', zh: '敏感级别' },
  { key: 'aboutIdentifiablePeople', zh: '涉及可识别个人' },
  { key: 'consentObtained', zh: '已取得知情同意' },
  { key: 'consentObtainedBy', zh: '同意取得人' },
  { key: 'consentObtainedOn', zh: '同意日期' },
  { key: 'consentScope', zh: '同意范围' },
  { key: 'consentExpiresOn', zh: '同意有效期至' },
  { key: 'markedNames', zh: '需遮盖的姓名' },
  { key: 'status', zh: '状态' },
  /** 是 in an export for someone not cleared for raw content: its text is masked, so it is not the record (see rowToInput). */
  { key: 'masked', zh: '已遮盖' },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];

const HEADER_ALIASES = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((c) => [
    [c.key.toLowerCase(), c.key],
    [c.zh, c.key],
  ]),
);
HEADER_ALIASES.set('开始日期', 'dateFrom');
HEADER_ALIASES.set('叙述', 'narrative');
HEADER_ALIASES.set('敏感度', 'sensitivity');

export function columnForHeader(header: string): ImportColumn | null {
  const h = header.trim();
  return HEADER_ALIASES.get(h) ?? HEADER_ALIASES.get(h.toLowerCase()) ?? null;
}

/** Splits a list cell on ; ， 、 , | or line breaks. */
export function splitList(value: string): string[] {
  return value
    .split(/[;；,，、|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A code, or its Chinese or English label, to the code; null when unknown. */
function codeFor<T extends string>(value: string, codes: readonly T[], labels: Record<T, { zh: string; en: string }>): T | null {
  const v = value.trim();
  const lower = v.toLowerCase();
  return codes.find((code) => code === lower || labels[code].zh === v || labels[code].en.toLowerCase() === lower) ?? null;
}

export const parsePopulation = (v: string) => codeFor(v, POPULATION_GROUPS, POPULATION_GROUP_LABELS);
export const parseSourceType = (v: string) => codeFor(v, EVIDENCE_SOURCE_TYPES, EVIDENCE_SOURCE_TYPE_LABELS);
export const parseSensitivity = (v: string) => codeFor(v, SENSITIVITY_LEVELS, SENSITIVITY_LABELS);
export const parseStatus = (v: string) => (v.trim() === '发布' ? 'published' : codeFor(v, EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS));

/** A program area label becomes its code; anything else stays a free tag. */
export function parseTheme(value: string): string {
  return PROGRAM_AREAS.find((a) => a.code === value || a.zh === value)?.code ?? value;
}

export function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['是', 'true', 'yes', 'y', '1', '有'].includes(v)) return true;
  if (['否', 'false', 'no', 'n', '0', '无'].includes(v)) return false;
  return null;
}

/** YYYY-MM-DD, YYYY/M/D or YYYY.M.D, or a spreadsheet date serial, to YYYY-MM-DD; other text unchanged. */
export function parseDate(value: string): string {
  const v = value.trim();
  const parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  if (parts) return `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}`;
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v));
    if (serial > 20000 && serial < 80000) return new Date(Date.UTC(1899, 11, 30) + serial * 86400_000).toISOString().slice(0, 10);
  }
  return v;
}

/** “label|value|unit|period” entries separated by ; or line breaks. */
export function parseFigures(value: string): { figures: Partial<EvidenceFigure>[]; error: string | null } {
  const figures: Partial<EvidenceFigure>[] = [];
  for (const entry of value.split(/[;；\n]/).map((e) => e.trim()).filter(Boolean)) {
    const [label, number, unit, period] = entry.split('|').map((p) => p.trim());
    const parsed = Number((number ?? '').replace(/[,，]/g, ''));
    if (!label || number === undefined || number === '' || !Number.isFinite(parsed)) {
      return { figures, error: `“${entry}” is not written label|value|unit|period with a numeric value` };
    }
    figures.push({ label, value: parsed, unit: unit || null, period: period || null });
  }
  return { figures, error: null };
}

export function formatFigures(figures: EvidenceFigure[]): string {
  return figures.map((f) => [f.label, String(f.value), f.unit ?? '', f.period ?? ''].join('|').replace(/\|+$/, '')).join('; ');
}

export const populationLabel = (code: string) => POPULATION_GROUP_LABELS[code as keyof typeof POPULATION_GROUP_LABELS]?.zh ?? code;
export const themeLabel = (code: string) => programAreaLabel(code) ?? code;
export const sourceTypeLabel = (code: string) => EVIDENCE_SOURCE_TYPE_LABELS[code as keyof typeof EVIDENCE_SOURCE_TYPE_LABELS]?.zh ?? code;
export const sensitivityLabel = (code: string) => SENSITIVITY_LABELS[code as keyof typeof SENSITIVITY_LABELS]?.zh ?? code;
export const statusLabel = (code: string) => EVIDENCE_STATUS_LABELS[code as keyof typeof EVIDENCE_STATUS_LABELS]?.zh ?? code;
