import { useApolloClient, useMutation } from '@apollo/client';
import { EVIDENCE_IMPORT_MAX_BYTES, EVIDENCE_IMPORT_MAX_ROWS } from '@jianyan/shared';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { RequireRole } from '../auth/RequireAuth';
import { usePageTitle } from '../app/usePageTitle';
import {
  COMMIT_EVIDENCE_IMPORT_MUTATION,
  EVIDENCE_FACETS_OPERATION,
  EVIDENCE_LIST_OPERATION,
  PREVIEW_EVIDENCE_IMPORT_MUTATION,
  type CommitEvidenceImportMutation,
  type EvidenceImportError,
  type EvidenceImportFormat,
  type EvidenceImportPreview,
} from '../graphql/evidence';
import { toAppError, type AppError } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { PublishImported } from './BulkPublish';
import { useEvidenceLabels } from './labels';
import { evidenceZhCN } from './messages';
import { EVIDENCE_RECORDER_ROLES } from './permissions';
import { readAsBase64 } from '../ui/readAsBase64';
import './evidence.css';

const MAX_MB = Math.round(EVIDENCE_IMPORT_MAX_BYTES / (1024 * 1024));
const REQUIRED_COLUMNS = ['title', 'dateFrom', 'sourceType'] as const;
type ColumnKey = keyof typeof evidenceZhCN.evidenceImport.columns;
const COLUMN_KEYS = Object.keys(evidenceZhCN.evidenceImport.columns) as ColumnKey[];
const isColumnKey = (value: string): value is ColumnKey => (COLUMN_KEYS as string[]).includes(value);
type ReasonKey = keyof typeof evidenceZhCN.evidenceImport.reasons;
const isReasonKey = (value: string): value is ReasonKey => Object.keys(evidenceZhCN.evidenceImport.reasons).includes(value);

interface Chosen {
  name: string;
  format: EvidenceImportFormat;
  /** The file, base64-encoded (what the API takes). */
  base64: string;
}

/** The server refused the request body as too large (HTTP 413, before GraphQL). */
function tooLargeForServer(error: unknown): boolean {
  return (error as { networkError?: { statusCode?: number } } | null)?.networkError?.statusCode === 413;
}

function formatOf(fileName: string): EvidenceImportFormat | null {
  if (/\.csv$/i.test(fileName)) return 'CSV';
  if (/\.xlsx$/i.test(fileName)) return 'XLSX';
  return null;
}

/** /evidence/import: contributors, members and admins; others see why they cannot. */
export function ImportRoute() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={EVIDENCE_RECORDER_ROLES} message={t('evidence.recordersOnly')}>
      <ImportPage />
    </RequireRole>
  );
}

/**
 * /evidence/import: choose a CSV or XLSX file → it is read as base64 → previewEvidenceImport lists
 * every row and every problem (row and column named) → commit only when there is none (the API
 * imports all rows in one transaction, or none) → the result.
 */
function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('evidenceImport.title'));
  const client = useApolloClient();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<EvidenceImportPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<CommitEvidenceImportMutation['commitEvidenceImport'] | null>(null);
  const [runPreview, previewing] = useMutation(PREVIEW_EVIDENCE_IMPORT_MUTATION);
  const [runCommit, committing] = useMutation(COMMIT_EVIDENCE_IMPORT_MUTATION);

  function reset() {
    setChosen(null);
    setPreview(null);
    setError(null);
    setProblem(null);
    setResult(null);
    if (inputRef.current) inputRef.current.value = '';
  }

  async function onFile(file: File | undefined) {
    setPreview(null);
    setError(null);
    setProblem(null);
    setResult(null);
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) return setProblem(t('evidenceImport.fileType'));
    if (file.size > EVIDENCE_IMPORT_MAX_BYTES) return setProblem(t('evidenceImport.fileTooLarge', { max: MAX_MB }));
    setReading(true);
    let base64: string;
    try {
      base64 = await readAsBase64(file);
    } catch {
      setReading(false);
      return setProblem(t('evidenceImport.readFailed'));
    }
    setReading(false);
    const next = { name: file.name, format, base64 };
    setChosen(next);
    try {
      const { data } = await runPreview({ variables: { file: base64, format } });
      setPreview(data?.previewEvidenceImport ?? null);
    } catch (caught) {
      if (tooLargeForServer(caught)) setProblem(t('evidenceImport.serverTooLarge'));
      else setError(toAppError(caught));
    }
  }

  async function onCommit() {
    if (!chosen || !preview || preview.errors.length > 0) return;
    setError(null);
    try {
      const { data } = await runCommit({ variables: { file: chosen.base64, format: chosen.format } });
      setResult(data?.commitEvidenceImport ?? null);
      void client.refetchQueries({ include: [EVIDENCE_LIST_OPERATION, EVIDENCE_FACETS_OPERATION] }).catch(() => undefined);
    } catch (caught) {
      if (tooLargeForServer(caught)) setProblem(t('evidenceImport.serverTooLarge'));
      else setError(toAppError(caught));
    }
  }

  const columnLabel = (key: string) => (isColumnKey(key) ? t(`evidenceImport.columns.${key}`) : key);
  const blocked = !preview || preview.errors.length > 0 || preview.rowCount === 0;

  return (
    <div className="stack evidence-import">
      <nav aria-label={t('evidence.breadcrumb')} className="breadcrumb">
        <Link to="/evidence">{t('evidenceImport.back')}</Link>
      </nav>
      <div>
        <h1>{t('evidenceImport.title')}</h1>
        <p className="muted">{t('evidenceImport.intro')}</p>
      </div>

      {result ? (
        <section className="card section import-result" aria-live="polite">
          <div className="notice notice-success">
            <p className="notice-title">{t('evidenceImport.done', { count: result.count })}</p>
            <p className="notice-message">{t('evidenceImport.doneHint')}</p>
          </div>
          <PublishImported records={result.evidence} />
          <ul className="import-created">
            {result.evidence.map((e) => (
              <li key={e.id}>
                <Link to={`/evidence/${e.id}`}>{e.title}</Link>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" className="button" onClick={reset}>
              {t('evidenceImport.importAnother')}
            </button>
            <Link to="/evidence" className="button button-primary">
              {t('evidenceImport.openLibrary')}
            </Link>
          </div>
        </section>
      ) : (
        <>
          <section className="card section" aria-labelledby={`${id}-step1`}>
            <h2 id={`${id}-step1`} className="card-title">
              {t('evidenceImport.step1')}
            </h2>
            <div className="field">
              <label htmlFor={`${id}-file`} className="field-label">
                {t('evidenceImport.file')}
              </label>
              <input
                ref={inputRef}
                id={`${id}-file`}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="input input-file"
                aria-describedby={`${id}-file-hint`}
                onChange={(event) => void onFile(event.target.files?.[0])}
                data-testid={TEST_IDS.importFileInput}
              />
              <p id={`${id}-file-hint`} className="field-hint">
                {t('evidenceImport.fileHint', { max: MAX_MB, rows: EVIDENCE_IMPORT_MAX_ROWS })}
              </p>
              {problem && (
                <p className="field-error" role="alert">
                  {problem}
                </p>
              )}
            </div>
            <details className="import-columns">
              <summary>{t('evidenceImport.columnsTitle')}</summary>
              <p className="small">{t('evidenceImport.columnsRequired', { columns: REQUIRED_COLUMNS.map(columnLabel).join('、') })}</p>
              <p className="small">
                {t('evidenceImport.columnsOptional', {
                  columns: COLUMN_KEYS.filter((k) => !(REQUIRED_COLUMNS as readonly string[]).includes(k))
                    .map(columnLabel)
                    .join('、'),
                })}
              </p>
              <p className="small muted">{t('evidenceImport.columnsHint')}</p>
            </details>
          </section>

          {(reading || previewing.loading) && <Loading label={reading ? t('evidenceImport.reading') : t('evidenceImport.previewing')} />}
          <ErrorNotice error={error} />

          {preview && chosen && (
            <PreviewSection
              preview={preview}
              fileName={chosen.name}
              columnLabel={columnLabel}
              blocked={blocked}
              committing={committing.loading}
              onCommit={() => void onCommit()}
              onChooseAnother={() => {
                reset();
                inputRef.current?.click();
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

interface PreviewSectionProps {
  preview: EvidenceImportPreview;
  fileName: string;
  columnLabel: (key: string) => string;
  blocked: boolean;
  committing: boolean;
  onCommit: () => void;
  onChooseAnother: () => void;
}

function PreviewSection({ preview, fileName, columnLabel, blocked, committing, onCommit, onChooseAnother }: PreviewSectionProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const format = useFormat();
  const id = useId();
  const message = (e: EvidenceImportError) => (e.reason && isReasonKey(e.reason) ? t(`evidenceImport.reasons.${e.reason}`) : e.message);
  const where = (e: EvidenceImportError) => (e.row <= 1 ? t('evidenceImport.errorHeader', { column: columnLabel(e.column) }) : t('evidenceImport.errorAt', { row: e.row, column: columnLabel(e.column) }));

  return (
    <>
      <section className="card section" aria-labelledby={`${id}-step2`}>
        <header className="section-header">
          <h2 id={`${id}-step2`} className="card-title">
            {t('evidenceImport.step2')}
          </h2>
          <span className="muted small">{fileName}</span>
        </header>
        <p className="import-summary" data-row-count={preview.rowCount} data-valid-count={preview.validCount}>
          {t('evidenceImport.summary', { rows: preview.rowCount, valid: preview.validCount })}
        </p>
        {preview.ignoredColumns.length > 0 && <p className="muted small">{t('evidenceImport.ignored', { columns: preview.ignoredColumns.join('、') })}</p>}
        {preview.errors.length > 0 && (
          <div className="notice notice-error import-errors" role="alert">
            <p className="notice-title">{t('evidenceImport.errorsTitle', { count: preview.errors.length })}</p>
            <p className="notice-message">{t('evidenceImport.errorsIntro')}</p>
            <ul className="import-error-list">
              {preview.errors.map((e, index) => (
                <li key={index} data-row={e.row} data-column={e.column}>
                  <strong>{where(e)}</strong>
                  <span lang={e.reason ? undefined : 'en'} className="import-error-message">
                    {message(e)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {preview.rowCount === 0 ? (
          <p className="muted">{t('evidenceImport.noRows')}</p>
        ) : (
          <div className="table-wrap import-table">
            <table className="table">
              <caption className="visually-hidden">{t('evidenceImport.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('evidenceImport.colRow')}
                  </th>
                  <th scope="col">{t('evidenceImport.colTitle')}</th>
                  <th scope="col">{t('evidenceImport.colDate')}</th>
                  <th scope="col">{t('evidenceImport.colSourceType')}</th>
                  <th scope="col">{t('evidenceImport.colSensitivity')}</th>
                  <th scope="col">{t('evidenceImport.colCheck')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.valid ? undefined : 'row-invalid'} data-row={row.row} data-valid={row.valid}>
                    <td className="num">{row.row}</td>
                    <th scope="row" className="import-title">
                      {row.title ?? ''}
                    </th>
                    <td>{row.dateFrom ? format.day(row.dateFrom) : ''}</td>
                    <td>{row.sourceType ? labels.sourceType(row.sourceType) : ''}</td>
                    <td>{row.sensitivity ? labels.sensitivity(row.sensitivity) : labels.sensitivity('restricted')}</td>
                    <td className="import-check">
                      {row.valid ? (
                        <span className="badge badge-success">{t('evidenceImport.rowOk')}</span>
                      ) : (
                        <>
                          <span className="badge badge-danger">{t('evidenceImport.rowErrors', { count: row.errors.length })}</span>
                          <ul className="import-row-errors">
                            {row.errors.map((e, index) => (
                              <li key={index}>
                                {columnLabel(e.column)} · <span lang={e.reason ? undefined : 'en'}>{message(e)}</span>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card section" aria-labelledby={`${id}-step3`}>
        <h2 id={`${id}-step3`} className="card-title">
          {t('evidenceImport.step3')}
        </h2>
        {blocked && preview.rowCount > 0 && <p className="muted">{t('evidenceImport.commitBlocked')}</p>}
        <div className="form-actions form-actions-start">
          <button type="button" className="button" onClick={onChooseAnother}>
            {t('evidenceImport.chooseAnother')}
          </button>
          <button type="button" className="button button-primary" disabled={blocked || committing} onClick={onCommit} data-testid={TEST_IDS.importCommit}>
            {committing ? t('evidenceImport.committing') : t('evidenceImport.commit', { count: preview.rowCount })}
          </button>
        </div>
      </section>
    </>
  );
}
