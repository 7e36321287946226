import type { TFunction } from 'i18next';
import { EVIDENCE_ATTACHMENT_MAX_BYTES, type AttachmentKind } from '@jianyan/shared';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { EvidenceDetail } from '../graphql/evidence';
import { useFormat } from '../i18n/format';
import { formatBytes } from './labels';
import { uploadAttachment, type UploadFailure, type UploadHandle } from './upload';

const MAX_MB = Math.round(EVIDENCE_ATTACHMENT_MAX_BYTES / (1024 * 1024));
/** What the file dialog offers (the server still decides from the bytes). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt,application/pdf,image/png,image/jpeg';

interface Upload {
  key: number;
  name: string;
  size: number;
  /** 0–1 */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  failure?: UploadFailure;
}

interface AttachmentsSectionProps {
  evidence: EvidenceDetail;
  /** Reloads the record (its attachment list) after an upload. */
  reload: () => Promise<unknown>;
}

/**
 * 附件: the files of a record, downloadable by those cleared for them, and, for its managers, an
 * upload area (file input and drag-and-drop) with a progress bar per file and a localized reason
 * when the API refuses a file (type found from the bytes, 20 MB at most).
 */
export function AttachmentsSection({ evidence, reload }: AttachmentsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const attachments = evidence.attachments;
  const withheld = attachments.filter((a) => a.access === 'withheld').length;

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.attachments')}
          <span className="count">{attachments.length}</span>
        </h2>
      </header>
      {attachments.length === 0 ? (
        <p className="muted section-empty">{t('evidenceRecord.attachmentsEmpty')}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="attachment" data-testid={TEST_IDS.attachmentItem} data-kind={attachment.kind}>
              <FileIcon kind={attachment.kind} />
              <div className="attachment-text">
                {attachment.access !== 'withheld' ? (
                  <a href={attachment.downloadUrl} download={attachment.fileName} className="attachment-name" aria-label={t('evidenceRecord.downloadLabel', { name: attachment.fileName })}>
                    {attachment.fileName}
                  </a>
                ) : (
                  <span className="attachment-name">{attachment.fileName}</span>
                )}
                <span className="muted small">
                  {attachment.kind.toUpperCase()} · {formatBytes(attachment.size)} · {format.date(attachment.createdAt)}
                  {attachment.access === 'masked' && (
                    <>
                      {' · '}
                      <span title={t('evidenceRecord.attachmentMaskedNote')}>{t('evidenceRecord.attachmentMasked')}</span>
                    </>
                  )}
                  {attachment.access === 'withheld' && evidence.effectiveSensitivity !== 'restricted' && <> · {t('evidenceRecord.attachmentWithheld')}</>}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {withheld > 0 && evidence.effectiveSensitivity === 'restricted' && <p className="muted small">{t('evidenceRecord.attachmentsRestricted')}</p>}
      {evidence.viewerCanManage && <Uploader evidenceId={evidence.id} reload={reload} />}
    </section>
  );
}

function Uploader({ evidenceId, reload }: { evidenceId: string; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const id = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(1);
  const handles = useRef(new Map<number, UploadHandle>());
  const queue = useRef(Promise.resolve());

  // Leaving the page stops what is still being sent.
  useEffect(() => {
    const current = handles.current;
    return () => current.forEach((handle) => handle.abort());
  }, []);

  const update = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function add(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = nextKey.current++;
      setUploads((list) => [...list, { key, name: file.name, size: file.size, progress: 0, state: 'uploading' }]);
      // One file at a time, in the order given.
      queue.current = queue.current.then(async () => {
        const handle = uploadAttachment(evidenceId, file, (progress) => update(key, { progress }));
        handles.current.set(key, handle);
        const result = await handle.promise;
        handles.current.delete(key);
        if (result.ok) {
          update(key, { state: 'done', progress: 1 });
          await reload();
        } else {
          const { ok: _ok, ...failure } = result;
          update(key, { state: 'failed', failure });
        }
      });
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) add(event.dataTransfer.files);
  }

  return (
    <div className="uploader">
      <h3 className="uploader-title">{t('evidenceRecord.uploadTitle')}</h3>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <UploadIcon />
        <p className="dropzone-text">
          {t('evidenceRecord.uploadDrop')}{' '}
          <label htmlFor={`${id}-file`} className="dropzone-choose">
            {t('evidenceRecord.uploadChoose')}
          </label>
        </p>
        <input
          id={`${id}-file`}
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            if (event.target.files && event.target.files.length > 0) add(event.target.files);
            event.target.value = '';
          }}
          data-testid={TEST_IDS.attachmentUpload}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('evidenceRecord.uploadHint', { max: MAX_MB })}
        </p>
      </div>
      {uploads.length > 0 && (
        <ul className="upload-list" aria-live="polite">
          {uploads.map((upload) => (
            <UploadRow
              key={upload.key}
              upload={upload}
              onCancel={() => handles.current.get(upload.key)?.abort()}
              onDismiss={() => setUploads((list) => list.filter((u) => u.key !== upload.key))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadRow({ upload, onCancel, onDismiss }: { upload: Upload; onCancel: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const percent = Math.round(upload.progress * 100);
  const name = upload.name;
  return (
    <li className={`upload upload-${upload.state}`}>
      <div className="upload-head">
        <span className="upload-name">{name}</span>
        <span className="muted small">{formatBytes(upload.size)}</span>
        <span className="spacer" />
        {upload.state === 'uploading' ? (
          <button type="button" className="button button-ghost button-small" onClick={onCancel}>
            {t('evidenceRecord.uploadCancel')}
          </button>
        ) : (
          <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
            {t('evidenceRecord.uploadDismiss')}
          </button>
        )}
      </div>
      {upload.state !== 'failed' && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t('evidenceRecord.uploadProgress', { name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          data-state={upload.state}
          data-testid={TEST_IDS.attachmentProgress}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {upload.state === 'done' && <p className="upload-done small">{t('evidenceRecord.uploaded', { name })}</p>}
      {upload.state === 'failed' && upload.failure && (
        <p className="field-error" role="alert" data-testid={TEST_IDS.attachmentError} data-reason={upload.failure.reason}>
          {failureMessage(t, upload.failure, name)}
        </p>
      )}
    </li>
  );
}

function failureMessage(t: TFunction, failure: UploadFailure, name: string): string {
  switch (failure.reason) {
    case 'mismatch':
      return t('evidenceRecord.uploadErrors.mismatch', { name, kind: failure.kind, ext: failure.ext });
    case 'aborted':
      return t('evidenceRecord.uploadCancelled', { name });
    case 'tooLarge':
      return t('evidenceRecord.uploadErrors.tooLarge', { name, max: MAX_MB });
    default:
      return t(`evidenceRecord.uploadErrors.${failure.reason}`, { name });
  }
}

const iconProps = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

function FileIcon({ kind }: { kind: AttachmentKind }) {
  return (
    <span className={`file-icon file-icon-${kind}`} aria-hidden="true">
      <svg width={28} height={32} viewBox="0 0 28 32" {...iconProps}>
        <path d="M5 1.5h12l6.5 6.5v21a1.5 1.5 0 0 1-1.5 1.5H5A1.5 1.5 0 0 1 3.5 29V3A1.5 1.5 0 0 1 5 1.5z" />
        <path d="M17 1.5V8h6.5" />
      </svg>
      <span className="file-icon-kind">{kind === 'jpeg' ? 'JPG' : kind.toUpperCase()}</span>
    </span>
  );
}

function UploadIcon() {
  return (
    <svg className="dropzone-icon" width={28} height={28} viewBox="0 0 24 24" {...iconProps}>
      <path d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
    </svg>
  );
}
