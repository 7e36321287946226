import { Controller, Get, Query, Res } from '@nestjs/common';
import { todayInChina } from '@jianyan/shared';
import type { Response } from 'express';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { AuditService } from '../audit/audit.service';
import { CurrentActor, Roles } from '../auth/decorators';
import { OrganizationsService } from '../organizations/organizations.service';
import { annualSummaryDocx, dashboardCsv } from './dashboard-files';
import { DashboardFilter, DashboardService } from './dashboard.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The audit log action of a dashboard download (who exported which figures, when). */
export const DASHBOARD_EXPORTED = 'dashboard.exported';

/** Query parameters as the dashboard filter: year (a number), districtId, asOf. */
function filterOf(query: Record<string, unknown>): DashboardFilter {
  const value = (key: string) => (typeof query[key] === 'string' && query[key] !== '' ? (query[key] as string) : null);
  const year = value('year');
  if (year !== null && !/^\d{4}$/.test(year)) throw AppErrors.badInput('year', 'must be a year, e.g. 2024');
  return { year: year === null ? null : Number(year), districtId: value('districtId'), asOf: value('asOf') };
}

/** GET /export/dashboard.csv and /export/annual-summary.docx: the leaders' dashboard as files (leaders and admins). */
@Controller('export')
export class DashboardExportController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  @Roles('leader', 'admin')
  @Get('dashboard.csv')
  async csv(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter = filterOf(query);
    const { model } = await this.dashboards.dashboard(actor, filter);
    const name = `领导看板-${model.year ?? '全部'}-${model.asOf}.csv`;
    await this.recordExport(actor, 'csv', filter, model.asOf);
    send(res, 'text/csv; charset=utf-8', 'dashboard.csv', name, Buffer.from(dashboardCsv(model), 'utf8'));
  }

  /** The year defaults to the current one (China time). */
  @Roles('leader', 'admin')
  @Get('annual-summary.docx')
  async annualSummary(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filter = filterOf(query);
    const { model } = await this.dashboards.dashboard(actor, { ...filter, year: filter.year ?? Number(todayInChina().slice(0, 4)) });
    const [organization] = await this.organizations.findByIds([actor.organizationId]);
    const content = await annualSummaryDocx(model, organization?.name ?? '');
    await this.recordExport(actor, 'docx', { ...filter, year: model.year }, model.asOf);
    send(res, DOCX, 'annual-summary.docx', `${model.year}年度建言采纳情况摘要.docx`, content);
  }

  private async recordExport(actor: Actor, format: 'csv' | 'docx', filter: DashboardFilter, asOf: string): Promise<void> {
    await this.audit.record([
      {
        actorId: actor.userId,
        action: DASHBOARD_EXPORTED,
        entityType: 'dashboard_export',
        organizationId: actor.organizationId,
        details: { format, filter: Object.fromEntries(Object.entries({ ...filter, asOf }).filter(([, v]) => v != null)) },
      },
    ]);
  }
}

function send(res: Response, type: string, asciiName: string, name: string, content: Buffer): void {
  res
    .status(200)
    .setHeader('Content-Type', type)
    .setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .setHeader('X-Content-Type-Options', 'nosniff')
    .setHeader('Cache-Control', 'no-store')
    .send(content);
}
