import { ATTACHMENT_CONTENT_TYPES, EVIDENCE_ATTACHMENT_MAX_BYTES, maskPii } from '@jianyan/shared';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { STORAGE_PORT, StoragePort } from '../../storage/storage.port';
import { detectAttachmentKind, nameForKind, sanitizeFileName } from './attachment-content';
import { EvidenceClearanceService, EvidenceView } from './evidence-clearance.service';
import { EvidenceReads } from './evidence-reads';
import { EvidenceAttachmentEntity, EvidenceEntity } from './evidence.entity';
import { EvidenceAttachmentModel } from './evidence.model';

/** What the HTTP layer hands over from a multipart upload. */
export interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** The attachment as this viewer may see it: the file name is masked like the narrative. */
export function attachmentModel(a: EvidenceAttachmentEntity, view: EvidenceView): EvidenceAttachmentModel {
  return Object.assign(new EvidenceAttachmentModel(), {
    id: a.id,
    fileName: view.canSeeRaw ? a.fileName : maskPii(a.fileName, view.record.markedNames),
    kind: a.kind,
    contentType: ATTACHMENT_CONTENT_TYPES[a.kind],
    size: a.size,
    createdAt: a.createdAt,
    downloadUrl: `/evidence/${a.evidenceId}/attachments/${a.id}`,
  });
}

/**
 * Attachment bytes go through the storage port. The type is found from the bytes; anything refused
 * is refused before a byte is stored. Downloading from a restricted record is a raw read: only the
 * raw-cleared may, and it is audited.
 */
@Injectable()
export class EvidenceAttachmentsService {
  constructor(
    @InjectRepository(EvidenceAttachmentEntity) private readonly attachments: Repository<EvidenceAttachmentEntity>,
    @InjectRepository(EvidenceEntity) private readonly evidence: Repository<EvidenceEntity>,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
    private readonly clearance: EvidenceClearanceService,
    private readonly reads: EvidenceReads,
  ) {}

  /** Adds a file to a record (its contributor or an administrator). */
  async upload(actor: Actor, evidenceId: string, file: UploadedFileData | undefined): Promise<EvidenceAttachmentModel> {
    const view = await this.clearance.requireManage(actor, await this.evidence.findOneBy({ id: evidenceId }));
    if (!file || !file.buffer) throw AppErrors.badInput('file', 'is required (multipart field "file")');
    if (file.size > EVIDENCE_ATTACHMENT_MAX_BYTES) throw AppErrors.badInput('file', 'must be at most 20 MB');
    const original = sanitizeFileName(file.originalname);
    const detected = await detectAttachmentKind(file.buffer, original);
    if (!detected.ok) throw AppErrors.badInput('file', detected.reason);
    const named = nameForKind(original, detected.kind);
    if (!named.ok) throw AppErrors.badInput('file', named.reason);
    const id = randomUUID();
    const storageKey = `evidence/${view.record.id}/${id}`;
    await this.storage.put(storageKey, file.buffer);
    try {
      const saved = await this.attachments.save(
        this.attachments.create({
          id,
          evidenceId: view.record.id,
          fileName: named.name,
          kind: detected.kind,
          size: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          uploadedById: actor.userId,
          createdAt: new Date(),
        }),
      );
      return attachmentModel(saved, view);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  async download(actor: Actor, evidenceId: string, attachmentId: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const view = await this.clearance.check(actor, await this.evidence.findOneBy({ id: evidenceId }));
    const attachment = await this.attachments.findOneBy({ id: attachmentId, evidenceId: view.record.id });
    if (!attachment) throw AppErrors.notFound('Attachment');
    if (view.effective.level === 'restricted' && !view.canSeeRaw) {
      throw AppErrors.forbidden('Attachments of restricted evidence are for people cleared for its raw content');
    }
    const content = await this.storage.get(attachment.storageKey);
    if (!content) throw AppErrors.notFound('Attachment');
    await this.reads.record(actor, [view], { via: 'download', attachmentId: attachment.id });
    const model = attachmentModel(attachment, view);
    return { fileName: model.fileName, contentType: model.contentType, content };
  }
}
