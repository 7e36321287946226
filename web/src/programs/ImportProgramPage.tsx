import { useMutation, useQuery } from '@apollo/client';
import { programStructureWarnings } from '@jianyan/shared';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { RequireRole } from '../auth/RequireAuth';
import { toAppError, type AppError } from '../graphql/errors';
import { ORGANIZATIONS_QUERY } from '../graphql/users';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextAreaField } from '../ui/Field';
import { CREATE_PROGRAM_MUTATION, IMPORT_PROGRAM_PREVIEW_MUTATION, PROGRAMS_QUERY, type ProgramNode } from './graphql';
import { editFieldErrors, type EditFieldErrors } from './editErrors';
import { AreaCounts, StructureWarnings } from './ImportChecks';
import { PreviewTree } from './PreviewTree';
import { ProgramDetailsFields, programDetailsInput, type ProgramDetails } from './ProgramDetailsFields';
import { PROGRAMS_TEST_IDS } from './testids';
import { useProgramsText } from './useProgramsText';
import { readAsBase64 } from '../ui/readAsBase64';
import './programs.css';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const FILE_FIELDS = { '.docx': 'docxBase64', '.pdf': 'pdfBase64' } as const;

const IMPORT_TEST_IDS = {
  name: PROGRAMS_TEST_IDS.nameInput,
  issuer: PROGRAMS_TEST_IDS.issuerInput,
  district: PROGRAMS_TEST_IDS.district,
  periodStart: PROGRAMS_TEST_IDS.periodStart,
  periodEnd: PROGRAMS_TEST_IDS.periodEnd,
  promulgated: PROGRAMS_TEST_IDS.promulgated,
  source: PROGRAMS_TEST_IDS.source,
};

const EMPTY_META: ProgramDetails = { name: '', issuingBody: '', districtId: '', periodStart: '2021', periodEnd: '2030', promulgatedOn: '', sourceDocument: '' };

/** /programs/import (admins). */
export function ImportProgramRoute() {
  return (
    <RequireRole roles={['admin']}>
      <ImportProgramPage />
    </RequireRole>
  );
}

/** Paste text or upload a .docx or PDF → the recognised tree, editable and checked → the program's details → save. */
function ImportProgramPage() {
  const t = useProgramsText();
  usePageTitle(t('import.title'));
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [nodes, setNodes] = useState<ProgramNode[] | null>(null);
  const [meta, setMeta] = useState<ProgramDetails>(EMPTY_META);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<EditFieldErrors>({});
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const warnings = useMemo(() => (nodes ? programStructureWarnings(nodes) : []), [nodes]);
  const [preview, previewing] = useMutation(IMPORT_PROGRAM_PREVIEW_MUTATION);
  const [create, creating] = useMutation(CREATE_PROGRAM_MUTATION, { refetchQueries: [PROGRAMS_QUERY] });
  const organizations = useQuery(ORGANIZATIONS_QUERY);
  const districts = (organizations.data?.organizations ?? []).filter((o) => o.kind === 'district');
  const set = (changes: Partial<ProgramDetails>) => setMeta((current) => ({ ...current, ...changes }));

  async function onRecognise() {
    setError(null);
    setFileError(null);
    const fileField = file ? Object.entries(FILE_FIELDS).find(([extension]) => file.name.toLowerCase().endsWith(extension))?.[1] : null;
    if (file && !fileField) return setFileError(t('import.notDocx'));
    if (file && file.size > MAX_FILE_BYTES) return setFileError(t('import.tooLarge'));
    try {
      const input = file && fileField ? { [fileField]: await readAsBase64(file) } : { text };
      const { data } = await preview({ variables: { input } });
      if (!data) return;
      setNodes(data.importProgramPreview.nodes);
      setAcceptWarnings(false);
      if (data.importProgramPreview.suggestedName && !meta.name) set({ name: data.importProgramPreview.suggestedName });
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  async function onSave() {
    if (!nodes) return;
    setError(null);
    setFieldErrors({});
    try {
      const { data } = await create({
        variables: {
          input: {
            ...programDetailsInput(meta),
            nodes: nodes.map(({ depth, kind, number, text: nodeText, note, responsibleUnits }) => ({
              depth,
              kind,
              number,
              text: nodeText,
              note: note ?? null,
              responsibleUnits: responsibleUnits ?? null,
            })),
            acceptWarnings: warnings.length > 0 && acceptWarnings,
          },
        },
      });
      if (data) navigate(`/programs/${encodeURIComponent(data.createProgram.id)}`);
    } catch (caught) {
      const appError = toAppError(caught);
      const errors = editFieldErrors(t, appError);
      if (errors) setFieldErrors(errors);
      else setError(appError);
    }
  }

  return (
    <div className="stack">
      <nav className="breadcrumb" aria-label={t('program.back')}>
        <Link to="/programs">{t('program.back')}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('import.title')}</h1>
          <p className="muted">{t('import.intro')}</p>
        </div>
      </div>
      {nodes === null ? (
        <section className="card form">
          <TextAreaField
            label={t('import.paste')}
            value={text}
            onChange={setText}
            rows={14}
            placeholder={t('import.pastePlaceholder')}
            testId={PROGRAMS_TEST_IDS.importText}
          />
          <div className="field">
            <label className="field-label" htmlFor="program-docx">
              {t('import.file')}
            </label>
            <input
              id="program-docx"
              type="file"
              accept=".docx,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              data-testid={PROGRAMS_TEST_IDS.importFile}
            />
            {file && <p className="field-hint">{t('import.fileChosen', { name: file.name })}</p>}
            {fileError && (
              <p className="field-error" role="alert">
                {fileError}
              </p>
            )}
          </div>
          <ErrorNotice error={error} title={t('import.previewFailed')} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={previewing.loading || (!text.trim() && !file)}
              onClick={() => void onRecognise()}
              data-testid={PROGRAMS_TEST_IDS.importRecognise}
            >
              {previewing.loading ? t('import.recognising') : t('import.recognise')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <section className="card">
            <h2 className="card-title">{t('import.previewTitle')}</h2>
            <p className="muted">{t('import.previewIntro', { count: nodes.length })}</p>
            <AreaCounts nodes={nodes} t={t} />
            <PreviewTree nodes={nodes} onChange={setNodes} />
          </section>
          <section className="card form">
            <h2 className="card-title">{t('import.metaTitle')}</h2>
            <ProgramDetailsFields
              values={meta}
              onChange={set}
              districts={districts.map((d) => ({ value: d.id, label: d.name }))}
              errors={fieldErrors}
              testIds={IMPORT_TEST_IDS}
            />
            <StructureWarnings warnings={warnings} t={t} />
            {warnings.length > 0 && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={acceptWarnings}
                  onChange={(event) => setAcceptWarnings(event.target.checked)}
                  data-testid="program-import-accept-warnings"
                />
                {t('import.acceptWarnings')}
              </label>
            )}
            <ErrorNotice error={error} title={t('import.failed')} />
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setNodes(null)} disabled={creating.loading}>
                {t('import.back')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={creating.loading || !meta.name.trim() || !meta.issuingBody.trim() || nodes.length === 0 || (warnings.length > 0 && !acceptWarnings)}
                onClick={() => void onSave()}
                data-testid={PROGRAMS_TEST_IDS.save}
              >
                {creating.loading ? t('import.saving') : t('import.save')}
              </button>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
