import type { EvidenceView } from './evidence-clearance.service';
import { maskedFigures } from './evidence-masking';
import { IMPORT_COLUMNS, ImportColumn, formatFigures, populationLabel, sensitivityLabel, sourceTypeLabel, statusLabel, themeLabel } from './evidence-table';
import type { XlsxCell } from './xlsx';

/**
 * The rows of an evidence export: every column the import reads (IMPORT_COLUMNS, under the headers
 * it accepts), so that an export of raw records imports again as the same records, and around them
 * what only a reader needs (the import lists those as ignored).
 */
export const EXPORT_HEADER: readonly string[] = ['ID', ...IMPORT_COLUMNS.map((c) => c.zh), '实际敏感级别', '录入人', '所属组织', '更新时间'];

/** Names of people and organisations by id. */
export interface ExportNames {
  people: Map<string, string>;
  organizations: Map<string, string>;
}

const yesNo = (value: boolean) => (value ? '是' : '否');
const dateCell = (date: string | null): XlsxCell => (date ? { date } : '');

/**
 * One record as the viewer may see it. For someone not cleared for raw content the text is the
 * masked text, the consent details and the marked names (personal data themselves) are left
 * empty, and 已遮盖 says 是, which the import refuses.
 */
export function exportRow(view: EvidenceView, names: ExportNames): XlsxCell[] {
  const { record: r, canSeeRaw, effective } = view;
  const raw = (cell: XlsxCell): XlsxCell => (canSeeRaw ? cell : '');
  const cells: Record<ImportColumn, XlsxCell> = {
    title: canSeeRaw ? r.title : r.titleMasked,
    narrative: canSeeRaw ? r.narrative : r.narrativeMasked,
    dateFrom: dateCell(r.dateFrom),
    dateTo: dateCell(r.dateTo),
    district: r.districtId ? (names.organizations.get(r.districtId) ?? '') : '',
    town: r.town ?? '',
    community: r.community ?? '',
    populations: r.populations.map(populationLabel).join('、'),
    themes: r.themes.map(themeLabel).join('、'),
    sourceType: sourceTypeLabel(r.sourceType),
    figures: formatFigures(canSeeRaw ? r.figures : maskedFigures(r)),
    sensitivity: sensitivityLabel(r.sensitivity),
    aboutIdentifiablePeople: yesNo(r.aboutIdentifiablePeople),
    consentObtained: yesNo(r.consentObtained),
    consentObtainedBy: raw(r.consentObtainedBy ?? ''),
    consentObtainedOn: raw(dateCell(r.consentObtainedOn)),
    consentScope: raw(r.consentScope ?? ''),
    consentExpiresOn: raw(dateCell(r.consentExpiresOn)),
    markedNames: raw(r.markedNames.join('、')),
    status: statusLabel(r.status),
    masked: yesNo(!canSeeRaw),
  };
  return [
    r.id,
    ...IMPORT_COLUMNS.map((c) => cells[c.key]),
    sensitivityLabel(effective.level),
    names.people.get(r.contributorId) ?? '',
    names.organizations.get(r.organizationId) ?? '',
    r.updatedAt.toISOString(),
  ];
}

/** CSV has no cell types: a date is written YYYY-MM-DD. */
export function csvCells(row: readonly XlsxCell[]): string[] {
  return row.map((cell) => (typeof cell === 'string' ? cell : cell.date));
}
