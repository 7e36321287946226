import { ERROR_CODES, EVIDENCE_AUDIT_ACTIONS, EVIDENCE_IMPORT_MAX_BYTES, EVIDENCE_IMPORT_MAX_ROWS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { runTransaction } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { CsvSyntaxError, parseCsv, restoreFormula } from './csv';
import { EvidenceClearanceService, EvidenceView } from './evidence-clearance.service';
import { EvidenceImportFormat } from './evidence.inputs';
import { EvidenceImportErrorModel, EvidenceImportPreviewModel } from './evidence-import.model';
import { EvidenceService } from './evidence.service';
import { NewEvidenceData, createEvidenceSchema } from './evidence.validation';
import { ImportColumn, IMPORT_COLUMNS, columnForHeader } from './evidence-table';
import { DistrictLookup, rowToInput } from './evidence-import-row';
import { XlsxFormatError, XlsxRowLimitError, readXlsx } from './xlsx';

interface ParsedRow {
  row: number;
  data: NewEvidenceData | null;
  input: Record<string, unknown>;
  errors: EvidenceImportErrorModel[];
}

/** The column key an issue of the create schema belongs to. */
function columnOf(path: (string | number)[]): string {
  const [head, sub] = path;
  if (head === 'consent' && typeof sub === 'string') return `consent${sub[0].toUpperCase()}${sub.slice(1)}`;
  if (head === 'districtId') return 'district';
  return String(head ?? 'row');
}

const tooManyRows = () => AppErrors.badInput('file', `must have at most ${EVIDENCE_IMPORT_MAX_ROWS} rows`);

/**
 * Imports evidence from CSV or XLSX: a preview with every problem by row and column, and an
 * all-or-nothing commit in one transaction (one bad row and nothing is written).
 */
@Injectable()
export class EvidenceImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
    private readonly clearance: EvidenceClearanceService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  async preview(actor: Actor, file: string, format: EvidenceImportFormat): Promise<EvidenceImportPreviewModel> {
    const parsed = await this.parse(actor, file, format);
    const errors = [...parsed.fileErrors, ...parsed.rows.flatMap((r) => r.errors)];
    return {
      format,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      rowCount: parsed.rows.length,
      validCount: parsed.rows.filter((r) => r.data).length,
      rows: parsed.rows.map((r) => ({
        row: r.row,
        title: typeof r.input.title === 'string' ? r.input.title : null,
        dateFrom: r.data?.dateFrom ?? null,
        sourceType: r.data?.sourceType ?? null,
        sensitivity: r.data?.sensitivity ?? null,
        valid: !!r.data,
        errors: r.errors,
      })),
      errors,
    };
  }

  async commit(actor: Actor, file: string, format: EvidenceImportFormat): Promise<EvidenceView[]> {
    const parsed = await this.parse(actor, file, format);
    const errors = [...parsed.fileErrors, ...parsed.rows.flatMap((r) => r.errors)];
    if (errors.length) {
      const first = errors[0];
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s); nothing was imported)` : ' (nothing was imported)';
      throw new GraphQLError(`row ${first.row}, column ${first.column}: ${first.message}${more}`, {
        extensions: { code: ERROR_CODES.badUserInput, field: 'file', row: first.row, column: first.column, errorCount: errors.length },
      });
    }
    if (parsed.rows.length === 0) throw AppErrors.badInput('file', 'has no rows below the header');
    return runTransaction(this.dataSource, async (manager) => {
      const records = await this.evidence.insertMany(manager, actor, parsed.rows.map((r) => r.data!), `import:${format}`);
      await this.audit.record(
        [
          {
            actorId: actor.userId,
            action: EVIDENCE_AUDIT_ACTIONS.imported,
            entityType: 'evidence_import',
            organizationId: actor.organizationId,
            details: { format, count: records.length, evidenceIds: records.map((r) => r.id) },
          },
        ],
        manager,
      );
      return this.clearance.viewsOf(actor, records, manager);
    });
  }

  private async tableOf(file: string, format: EvidenceImportFormat): Promise<(readonly string[])[]> {
    const compact = file.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) throw AppErrors.badInput('file', 'must be base64-encoded');
    const bytes = Buffer.from(compact, 'base64');
    if (bytes.length === 0) throw AppErrors.badInput('file', 'is empty');
    if (bytes.length > EVIDENCE_IMPORT_MAX_BYTES) throw AppErrors.badInput('file', 'must be at most 5 MB');
    if (format === EvidenceImportFormat.XLSX) {
      try {
        // the header and the rows below it: the sheet is not read past one row more
        return await readXlsx(bytes, { maxRows: 1 + EVIDENCE_IMPORT_MAX_ROWS });
      } catch (error) {
        if (error instanceof XlsxRowLimitError) throw tooManyRows();
        if (error instanceof XlsxFormatError) throw AppErrors.badInput('file', error.message);
        throw error;
      }
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw AppErrors.badInput('file', 'is not UTF-8 text; save the CSV as UTF-8');
    }
    try {
      return parseCsv(text).map((cells) => cells.map(restoreFormula));
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw AppErrors.badInput('file', error.message);
      throw error;
    }
  }

  private async parse(actor: Actor, file: string, format: EvidenceImportFormat) {
    const table = await this.tableOf(file, format);
    const fileErrors: EvidenceImportErrorModel[] = [];
    const header = table[0] ?? [];
    const columns = new Map<number, ImportColumn>();
    const ignoredColumns: string[] = [];
    header.forEach((cell, index) => {
      if (!cell.trim()) return;
      const key = columnForHeader(cell);
      if (!key) ignoredColumns.push(cell.trim());
      else if ([...columns.values()].includes(key)) fileErrors.push({ row: 1, column: key, message: 'appears twice in the header' });
      else columns.set(index, key);
    });
    for (const c of IMPORT_COLUMNS) {
      if ('required' in c && c.required && ![...columns.values()].includes(c.key)) {
        fileErrors.push({ row: 1, column: c.key, message: `is missing from the header (first row); name it ${c.key} or ${c.zh}` });
      }
    }
    const body = table.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (body.length > EVIDENCE_IMPORT_MAX_ROWS) throw tooManyRows();
    const districts = await this.districtLookup(actor);
    const rows: ParsedRow[] = body.map(({ row, cells }) => {
      const values = Object.fromEntries([...columns].map(([index, key]) => [key, (cells[index] ?? '').trim()])) as Partial<Record<ImportColumn, string>>;
      const { input, errors } = rowToInput(values, districts);
      const result = createEvidenceSchema.safeParse(input);
      const rowErrors = errors.map((e) => ({ row, ...e }));
      if (!result.success) {
        const taken = new Set(rowErrors.map((e) => e.column));
        for (const issue of result.error.issues) {
          const column = columnOf(issue.path);
          if (!taken.has(column)) rowErrors.push({ row, column, message: issue.message });
          taken.add(column);
        }
      }
      return { row, input, data: result.success && rowErrors.length === 0 ? result.data : null, errors: rowErrors };
    });
    return { columns: [...columns.values()], ignoredColumns, rows, fileErrors };
  }

  /** Districts of the caller's federation by id, code and name (with or without 妇联), and those she may file under. */
  private async districtLookup(actor: Actor): Promise<DistrictLookup> {
    const federation = new Set((await this.clearance.scopeOf(actor)).federationOrgIds);
    const byName = new Map<string, string>();
    for (const org of await this.organizations.list()) {
      if (org.kind !== 'district' || !federation.has(org.id)) continue;
      for (const name of [org.id, org.code, org.name, org.name.replace(/妇联$/, ''), org.nameEn]) byName.set(name.toLowerCase(), org.id);
    }
    return { byName, filing: new Set(await this.organizations.filingDistrictIds(actor.organizationId)) };
  }
}
