import { EVIDENCE_ATTACHMENT_MAX_BYTES } from '@jianyan/shared';
import type { EvidenceAttachment } from '../graphql/evidence';

/** Why an upload was refused, as the page explains it. */
export type UploadFailure =
  | { reason: 'tooLarge' | 'empty' | 'executable' | 'archive' | 'type' | 'forbidden' | 'signedOut' | 'network' | 'failed' | 'aborted' }
  | { reason: 'mismatch'; kind: string; ext: string };

export type UploadResult = { ok: true; attachment: EvidenceAttachment } | ({ ok: false } & UploadFailure);

export interface UploadHandle {
  promise: Promise<UploadResult>;
  abort: () => void;
}

/** POST /evidence/:id/attachments (multipart field "file"). */
export const attachmentUploadUrl = (evidenceId: string): string => `/evidence/${encodeURIComponent(evidenceId)}/attachments`;

/**
 * The API refuses a file with 400 BAD_USER_INPUT and an English reason ("file: is an executable
 * or script, which is not allowed"); this turns the reason into one the page can localize.
 */
export function refusalOf(message: string | undefined): UploadFailure {
  const text = message ?? '';
  if (/must be at most/i.test(text)) return { reason: 'tooLarge' };
  if (/is empty/i.test(text)) return { reason: 'empty' };
  if (/executable|script/i.test(text)) return { reason: 'executable' };
  if (/zip archive/i.test(text)) return { reason: 'archive' };
  const mismatch = /content is (\w+) but the name ends in \.(\w+)/i.exec(text);
  if (mismatch) return { reason: 'mismatch', kind: mismatch[1].toUpperCase(), ext: mismatch[2] };
  return { reason: 'type' };
}

/**
 * Uploads one file with XMLHttpRequest (fetch cannot report upload progress), reporting the
 * share sent (0–1) as it goes. Files over the limit are refused here, before a byte is sent.
 */
export function uploadAttachment(evidenceId: string, file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve) => {
    if (file.size > EVIDENCE_ATTACHMENT_MAX_BYTES) {
      resolve({ ok: false, reason: 'tooLarge' });
      return;
    }
    if (file.size === 0) {
      resolve({ ok: false, reason: 'empty' });
      return;
    }
    xhr.open('POST', attachmentUploadUrl(evidenceId));
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? null) as Record<string, unknown> | null;
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(1);
        resolve({ ok: true, attachment: body as unknown as EvidenceAttachment });
      } else if (xhr.status === 400) {
        resolve({ ok: false, ...refusalOf(typeof body?.message === 'string' ? body.message : undefined) });
      } else if (xhr.status === 413) {
        resolve({ ok: false, reason: 'tooLarge' });
      } else if (xhr.status === 401) {
        resolve({ ok: false, reason: 'signedOut' });
      } else if (xhr.status === 403 || xhr.status === 404) {
        resolve({ ok: false, reason: 'forbidden' });
      } else {
        resolve({ ok: false, reason: 'failed' });
      }
    };
    xhr.onerror = () => resolve({ ok: false, reason: 'network' });
    xhr.onabort = () => resolve({ ok: false, reason: 'aborted' });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
