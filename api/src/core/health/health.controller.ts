import { Controller, Get, HttpStatus, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AppRequest } from '../../common/graphql-context';
import { Public } from '../auth/decorators';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Status for everyone (proxies and orchestrators need only that and the HTTP code); details for admins and the probe token. */
  @Public()
  @Get()
  async check(@Req() req: AppRequest, @Res() res: Response): Promise<void> {
    const report = await this.health.reportFor(req.actor, req.get('x-health-token'));
    res
      .status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .set('Cache-Control', 'no-store')
      .json(report);
  }
}
