import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { EvidenceExportService } from './evidence-export.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Query parameters: the evidenceList filter (districtId, population, theme, sourceType, from, to, sensitivity, status, contributorId, text). */
function filterOf(query: Record<string, unknown>): Record<string, unknown> {
  const keys = ['districtId', 'population', 'theme', 'sourceType', 'from', 'to', 'sensitivity', 'status', 'contributorId', 'text'];
  return Object.fromEntries(keys.filter((k) => typeof query[k] === 'string' && query[k] !== '').map((k) => [k, query[k]]));
}

/** GET /export/evidence.csv and /export/evidence.xlsx: what the caller may see, masked as for her. */
@Controller('export')
export class EvidenceExportController {
  constructor(private readonly exports: EvidenceExportService) {}

  @Get('evidence.csv')
  csv(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.send(actor, 'csv', query, res);
  }

  @Get('evidence.xlsx')
  xlsx(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    return this.send(actor, 'xlsx', query, res);
  }

  private async send(actor: Actor, format: 'csv' | 'xlsx', query: Record<string, unknown>, res: Response): Promise<void> {
    const content = await this.exports.export(actor, format, filterOf(query));
    const name = `证据-${new Date().toISOString().slice(0, 10)}.${format}`;
    res
      .status(200)
      .setHeader('Content-Type', CONTENT_TYPES[format])
      .setHeader('Content-Disposition', `attachment; filename="evidence.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Cache-Control', 'no-store')
      .send(content);
  }
}
