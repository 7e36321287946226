import { EVIDENCE_ATTACHMENT_MAX_BYTES } from '@jianyan/shared';
import { Controller, Get, HttpCode, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Actor } from '../../common/graphql-context';
import { CurrentActor } from '../auth/decorators';
import { EvidenceAttachmentsService, UploadedFileData } from './evidence-attachments.service';
import { EvidenceAttachmentModel } from './evidence.model';

/** An ASCII-only name for old clients: other characters become _, the extension is kept. */
function asciiFallback(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/**
 * POST /evidence/:id/attachments (multipart, field "file") and GET /evidence/:id/attachments/:attachmentId.
 * The session cookie is SameSite=Lax, so other sites cannot post here on the user's behalf.
 */
@Controller('evidence')
export class EvidenceAttachmentsController {
  constructor(private readonly attachments: EvidenceAttachmentsService) {}

  @Post(':id/attachments')
  @HttpCode(201)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: EVIDENCE_ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 10 },
      defParamCharset: 'utf8',
    }),
  )
  upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedFileData | undefined,
  ): Promise<EvidenceAttachmentModel> {
    return this.attachments.upload(actor, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, contentType, content } = await this.attachments.download(actor, id, attachmentId);
    res
      .status(200)
      .setHeader('Content-Type', contentType)
      .setHeader('Content-Disposition', `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
      .setHeader('Cache-Control', 'no-store')
      .send(content);
  }
}
