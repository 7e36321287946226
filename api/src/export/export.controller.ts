import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Actor } from '../common/graphql-context';
import { CurrentActor } from '../core/auth/decorators';
import { ExportService } from './export.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Controller('export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  /** GET /export/proposals/:id.docx — the proposal as a formal document, for anyone who may read it. */
  @Get('proposals/:file')
  async proposalDocx(@CurrentActor() actor: Actor, @Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = /^([0-9a-f-]{36})\.docx$/i.exec(file);
    if (!match) throw new NotFoundException();
    const { fileName, content } = await this.exports.proposalDocx(actor, match[1]);
    res
      .status(200)
      .type(DOCX)
      .setHeader('Content-Disposition', `attachment; filename="proposal.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .setHeader('Cache-Control', 'no-store')
      .send(content);
  }
}
