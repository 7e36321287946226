import { ATTACHMENT_CONTENT_TYPES, EVIDENCE_ATTACHMENT_MAX_BYTES, TEXT_ATTACHMENT_KINDS, type AttachmentAccess, detectPii, maskPii } from '@jianyan/shared';
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

/**
 * An attachment's bytes are raw content when its record holds personal data (detected or marked),
 * when its own text did on upload, or when the record is restricted.
 */
export function isRawContent(a: EvidenceAttachmentEntity, view: EvidenceView): boolean {
  const record = view.record;
  return a.containsPii || record.piiFindings.length > 0 || record.markedNames.length > 0 || view.effective.level === 'restricted';
}

/**
 * What downloading gives this viewer. Those not cleared for raw content get text masked with the
 * shared detectors (as the narrative is) and no binary file holding raw content; nothing at all from
 * a restricted record.
 */
export function attachmentAccess(a: EvidenceAttachmentEntity, view: EvidenceView): AttachmentAccess {
  if (view.canSeeRaw) return 'raw';
  if (view.effective.level === 'restricted') return 'withheld';
  if (TEXT_ATTACHMENT_KINDS.includes(a.kind)) return 'masked';
  return isRawContent(a, view) ? 'withheld' : 'raw';
}

/**
 * The attachment as this viewer may see it: the file name is masked like the narrative. The size is
 * the stored file's: masking keeps the length of the numbers it hides, and the masked text shows as
 * much of a name's length as the size could.
 */
export function attachmentModel(a: EvidenceAttachmentEntity, view: EvidenceView): EvidenceAttachmentModel {
  return Object.assign(new EvidenceAttachmentModel(), {
    access: attachmentAccess(a, view),
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
 * is refused before a byte is stored. Text is searched for personal data on upload. Downloading raw
 * content (`isRawContent`) is a raw read: audited, and only for the raw-cleared; others get masked
 * text or RAW_CLEARANCE_REQUIRED (`attachmentAccess`).
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
    const containsPii = TEXT_ATTACHMENT_KINDS.includes(detected.kind) && detectPii(file.buffer.toString('utf8'), view.record.markedNames).length > 0;
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
          containsPii,
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
    const access = attachmentAccess(attachment, view);
    if (access === 'withheld' && view.effective.level === 'restricted') {
      throw AppErrors.forbidden('Attachments of restricted evidence are for people cleared for its raw content');
    }
    if (access === 'withheld') throw AppErrors.rawClearanceRequired('This file holds personal data: only people cleared for the raw content may download it');
    const stored = await this.storage.get(attachment.storageKey);
    if (!stored) throw AppErrors.notFound('Attachment');
    if (access === 'raw' && isRawContent(attachment, view)) {
      await this.reads.recordRaw(actor, [view], { via: 'download', attachmentId: attachment.id });
    }
    const content = access === 'masked' ? Buffer.from(maskPii(stored.toString('utf8'), view.record.markedNames), 'utf8') : stored;
    const model = attachmentModel(attachment, view);
    return { fileName: model.fileName, contentType: model.contentType, content };
  }
}
