import { EVIDENCE_AUDIT_ACTIONS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { writeCsv } from './csv';
import { EvidenceView } from './evidence-clearance.service';
import { EXPORT_HEADER, ExportNames, csvCells, exportRow } from './evidence-export-rows';
import { EvidenceQueryService, evidenceFilterSchema } from './evidence-query.service';
import { EvidenceReads } from './evidence-reads';
import { writeXlsx } from './xlsx';

/** At most this many records per export. */
const EXPORT_LIMIT = 5000;

/**
 * Exports of the evidence the caller is cleared for, with the same masking as every other path
 * (raw only for the raw-cleared), in the columns the import reads (evidence-export-rows.ts).
 * Every export is audited; restricted raw content in it counts as a raw read of each such record.
 */
@Injectable()
export class EvidenceExportService {
  constructor(
    private readonly query: EvidenceQueryService,
    private readonly reads: EvidenceReads,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async export(actor: Actor, format: 'csv' | 'xlsx', rawFilter: Record<string, unknown>): Promise<Buffer> {
    const filter = validateInput(evidenceFilterSchema, rawFilter);
    const views = await this.query.all(actor, filter, EXPORT_LIMIT);
    const names = await this.namesFor(views);
    const rows = [EXPORT_HEADER, ...views.map((view) => exportRow(view, names))];
    await this.reads.record(actor, views, { via: 'export', format });
    await this.audit.record([
      {
        actorId: actor.userId,
        action: EVIDENCE_AUDIT_ACTIONS.exported,
        entityType: 'evidence_export',
        organizationId: actor.organizationId,
        details: {
          format,
          filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v != null)),
          count: views.length,
          maskedCount: views.filter((v) => !v.canSeeRaw).length,
          evidenceIds: views.map((v) => v.record.id),
        },
      },
    ]);
    return format === 'csv' ? Buffer.from(writeCsv(rows.map(csvCells)), 'utf8') : writeXlsx('证据', rows);
  }

  private async namesFor(views: EvidenceView[]): Promise<ExportNames> {
    const contributors = await this.users.findByIds([...new Set(views.map((v) => v.record.contributorId))]);
    return {
      people: new Map(contributors.flatMap((u) => (u ? [[u.id, u.displayName] as const] : []))),
      organizations: new Map((await this.organizations.list()).map((o) => [o.id, o.name])),
    };
  }
}
