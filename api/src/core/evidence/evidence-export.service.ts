import { EVIDENCE_AUDIT_ACTIONS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { writeCsv } from './csv';
import { EvidenceView } from './evidence-clearance.service';
import { maskedFigures } from './evidence-masking';
import { EvidenceQueryService, evidenceFilterSchema } from './evidence-query.service';
import { EvidenceReads } from './evidence-reads';
import { formatFigures, populationLabel, sensitivityLabel, sourceTypeLabel, statusLabel, themeLabel } from './evidence-table';
import { writeXlsx } from './xlsx';

/** At most this many records per export. */
const EXPORT_LIMIT = 5000;

const HEADER = [
  'ID',
  '标题',
  '案例叙述',
  '日期',
  '结束日期',
  '区县',
  '乡镇街道',
  '社区',
  '人群',
  '主题',
  '来源类型',
  '数据',
  '敏感级别',
  '状态',
  '已取得知情同意',
  '录入人',
  '所属组织',
  '更新时间',
];

/**
 * Exports of the evidence the caller is cleared for, with the same masking as every other path
 * (raw only for the raw-cleared). Every export is audited; restricted raw content in it counts as
 * a raw read of each such record.
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
    const rows = [HEADER, ...(await this.rowsOf(views))];
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
    return format === 'csv' ? Buffer.from(writeCsv(rows), 'utf8') : writeXlsx('证据', rows);
  }

  private async rowsOf(views: EvidenceView[]): Promise<string[][]> {
    const people = new Map(
      (await this.users.findByIds([...new Set(views.map((v) => v.record.contributorId))])).flatMap((u) => (u ? [[u.id, u.displayName]] : [])),
    );
    const orgs = new Map((await this.organizations.list()).map((o) => [o.id, o.name]));
    return views.map(({ record: r, canSeeRaw, effective }) => [
      r.id,
      canSeeRaw ? r.title : r.titleMasked,
      canSeeRaw ? r.narrative : r.narrativeMasked,
      r.dateFrom,
      r.dateTo ?? '',
      r.districtId ? (orgs.get(r.districtId) ?? '') : '',
      r.town ?? '',
      r.community ?? '',
      r.populations.map(populationLabel).join('、'),
      r.themes.map(themeLabel).join('、'),
      sourceTypeLabel(r.sourceType),
      formatFigures(canSeeRaw ? r.figures : maskedFigures(r)),
      sensitivityLabel(effective.level),
      statusLabel(r.status),
      r.consentObtained ? '是' : '否',
      people.get(r.contributorId) ?? '',
      orgs.get(r.organizationId) ?? '',
      r.updatedAt.toISOString(),
    ]);
  }
}
