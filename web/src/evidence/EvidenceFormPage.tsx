import { useApolloClient, useMutation, useQuery } from '@apollo/client';
import { EVIDENCE_NARRATIVE_MAX_LENGTH, EVIDENCE_PLACE_MAX_LENGTH, EVIDENCE_SOURCE_TYPES, EVIDENCE_TITLE_MAX_LENGTH, ERROR_CODES } from '@jianyan/shared';
import { useDeferredValue, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { RequireRole } from '../auth/RequireAuth';
import { usePageTitle } from '../app/usePageTitle';
import {
  CHANGE_EVIDENCE_SENSITIVITY_MUTATION,
  CREATE_EVIDENCE_MUTATION,
  EVIDENCE_LIST_OPERATION,
  EVIDENCE_FACETS_OPERATION,
  EVIDENCE_QUERY,
  MARK_EVIDENCE_NAMES_MUTATION,
  RECORD_EVIDENCE_CONSENT_MUTATION,
  UPDATE_EVIDENCE_MUTATION,
  type EvidenceDetail,
} from '../graphql/evidence';
import { hasErrorCode, toAppError, type AppError } from '../graphql/errors';
import { useLabels } from '../i18n/labels';
import { useDistricts } from '../proposals/districts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FieldFrame } from '../ui/Field';
import { Loading } from '../ui/Status';
import { Breadcrumb, type EvidencePageState } from './EvidencePage';
import {
  consentChanged,
  emptyValues,
  liveFindings,
  namesChanged,
  toCreateInput,
  toUpdateInput,
  validate,
  valuesOf,
  type EvidenceFormValues,
  type FormErrors,
} from './evidenceForm';
import { FiguresEditor, LiveFindings, MarkedNamesField, PopulationsField, ThemesField } from './FormFields';
import { useEvidenceLabels } from './labels';
import { EVIDENCE_RECORDER_ROLES } from './permissions';
import { PiiTextarea } from './PiiTextarea';
import { ConsentFields, EffectivePreview, SensitivityField, consentInput } from './ProtectionFields';
import { evidenceFieldError } from './recordContext';
import './evidence.css';

/** /evidence/new: contributors, members and admins; others see why they cannot. */
export function NewEvidenceRoute() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={EVIDENCE_RECORDER_ROLES} message={t('evidence.recordersOnly')}>
      <NewEvidencePage />
    </RequireRole>
  );
}

function NewEvidencePage() {
  const { t } = useTranslation();
  usePageTitle(t('evidenceForm.createTitle'));
  const { ownDistrictId, loading } = useDistricts();
  if (loading) return <Loading />;
  return <EvidenceForm initial={emptyValues(ownDistrictId)} />;
}

/** /evidence/:id/edit (the contributor and administrators of its organisation). */
export function EditEvidencePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('evidenceForm.editTitle'));
  // Always from the server: the form starts from the latest version.
  const query = useQuery(EVIDENCE_QUERY, { variables: { id }, fetchPolicy: 'network-only' });
  const evidence = query.data?.evidence;
  if (!evidence) {
    if (query.error) {
      const error = toAppError(query.error);
      if (error.code === 'NOT_FOUND') {
        return (
          <section className="state-page">
            <h1>{t('evidence.notFoundTitle')}</h1>
            <p className="muted">{t('evidence.notFoundBody')}</p>
            <Link to="/evidence" className="button button-primary">
              {t('evidence.backToLibrary')}
            </Link>
          </section>
        );
      }
      return <ErrorNotice error={error} title={t('evidenceForm.loadFailed')} onRetry={() => void query.refetch().catch(() => undefined)} />;
    }
    return <Loading label={t('evidence.loading')} />;
  }
  if (!evidence.viewerCanManage) {
    return (
      <section className="state-page" data-testid={TEST_IDS.noPermission}>
        <h1>{t('noPermission.title')}</h1>
        <p className="muted">{t('evidenceForm.noPermission')}</p>
        <Link to={`/evidence/${evidence.id}`} className="button button-primary">
          {t('evidence.backToLibrary')}
        </Link>
      </section>
    );
  }
  return <EvidenceForm key={evidence.id} evidence={evidence} initial={valuesOf(evidence)} />;
}

interface EvidenceFormProps {
  /** The record being edited (absent when creating). */
  evidence?: EvidenceDetail;
  initial: EvidenceFormValues;
}

/** Where a BAD_USER_INPUT field is shown: figures.0.label and consent.obtainedBy stay precise, lists at the list. */
function errorKeyOf(field: string): string {
  if (/^figures\.\d+\.(label|value|unit|period)$/.test(field)) return field;
  if (/^consent\.\w+$/.test(field)) return field;
  return field.split('.')[0];
}

function EvidenceForm({ evidence, initial }: EvidenceFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const districts = useDistricts();
  const id = useId();
  const narrativeRef = useRef<HTMLTextAreaElement>(null);
  const [values, setValues] = useState<EvidenceFormValues>(initial);
  /** What the server has (edit): the base of the next save and of "what changed". */
  const [saved, setSaved] = useState<{ values: EvidenceFormValues; version: number } | null>(evidence ? { values: initial, version: evidence.version } : null);
  const [serverError, setServerError] = useState<{ key: string; message: string } | null>(null);
  const [failure, setFailure] = useState<{ error: AppError; partly: boolean } | null>(null);
  const [conflict, setConflict] = useState<EvidenceDetail | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [create] = useMutation(CREATE_EVIDENCE_MUTATION);
  const [update] = useMutation(UPDATE_EVIDENCE_MUTATION);
  const [changeSensitivity] = useMutation(CHANGE_EVIDENCE_SENSITIVITY_MUTATION);
  const [recordConsent] = useMutation(RECORD_EVIDENCE_CONSENT_MUTATION);
  const [markNames] = useMutation(MARK_EVIDENCE_NAMES_MUTATION);
  const editing = Boolean(evidence);

  const set = <K extends keyof EvidenceFormValues>(key: K) => (value: EvidenceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  // Detection follows the typing without holding it up.
  const deferred = useDeferredValue(values);
  const findings = useMemo(() => liveFindings(deferred), [deferred]);
  const narrativeHighlights = useMemo(() => findings.filter((f) => f.field === 'narrative'), [findings]);

  // After a first submit, the messages follow the corrections as she types.
  const clientErrors = useMemo(() => (submitted ? validate(t, values) : {}), [submitted, t, values]);
  const errors: FormErrors = serverError ? { ...clientErrors, [serverError.key]: serverError.message } : clientErrors;

  function showFirstError() {
    requestAnimationFrame(() => {
      const first = document.querySelector<HTMLElement>('.evidence-form [aria-invalid="true"]');
      first?.focus();
    });
  }

  function applyServerError(error: AppError, partly: boolean) {
    if (error.code === 'BAD_USER_INPUT' && error.field) {
      setServerError({ key: errorKeyOf(error.field), message: evidenceFieldError(t, error.field) });
      showFirstError();
    }
    setFailure({ error, partly });
  }

  function afterSave() {
    void client.refetchQueries({ include: [EVIDENCE_LIST_OPERATION, EVIDENCE_FACETS_OPERATION] }).catch(() => undefined);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    setServerError(null);
    const found = validate(t, values);
    if (Object.keys(found).length > 0) {
      showFirstError();
      return;
    }
    setBusy(true);
    try {
      if (!evidence) await submitCreate();
      else await submitUpdate(evidence, saved ?? { values: valuesOf(evidence), version: evidence.version });
    } finally {
      setBusy(false);
    }
  }

  async function submitCreate() {
    try {
      const { data } = await create({ variables: { input: toCreateInput(values) } });
      const created = data?.createEvidence;
      if (!created) return;
      afterSave();
      navigate(`/evidence/${created.id}`, { state: { notice: 'created' } satisfies EvidencePageState });
    } catch (caught) {
      applyServerError(toAppError(caught), false);
    }
  }

  /** The content, then (when changed) sensitivity, consent and names, each on the version the previous step returned. */
  async function submitUpdate(record: EvidenceDetail, base: { values: EvidenceFormValues; version: number }) {
    const before = base.values;
    let version = base.version;
    try {
      const { data } = await update({ variables: { input: toUpdateInput(record.id, version, values) } });
      version = data?.updateEvidence.version ?? version;
    } catch (caught) {
      if (hasErrorCode(caught, ERROR_CODES.conflict)) {
        const latest = await client.query({ query: EVIDENCE_QUERY, variables: { id: record.id }, fetchPolicy: 'network-only' }).catch(() => null);
        setConflict(latest?.data.evidence ?? record);
        return;
      }
      applyServerError(toAppError(caught), false);
      return;
    }
    try {
      if (values.sensitivity !== before.sensitivity) {
        const { data } = await changeSensitivity({
          variables: { input: { id: record.id, sensitivity: values.sensitivity, reason: values.sensitivityReason.trim() || null, expectedVersion: version } },
        });
        version = data?.changeEvidenceSensitivity.version ?? version;
      }
      if (consentChanged(before, values)) {
        const { data } = await recordConsent({
          variables: { input: { id: record.id, consent: consentInput(values.consent), aboutIdentifiablePeople: values.aboutIdentifiablePeople, expectedVersion: version } },
        });
        version = data?.recordEvidenceConsent.version ?? version;
      }
      if (namesChanged(before, values)) {
        const { data } = await markNames({ variables: { input: { id: record.id, names: values.markedNames, expectedVersion: version } } });
        version = data?.markEvidenceNames.version ?? version;
      }
    } catch (caught) {
      // The content is saved; a protection setting is not. The next save starts from what the server has now.
      const refreshed = await client.query({ query: EVIDENCE_QUERY, variables: { id: record.id }, fetchPolicy: 'network-only' }).catch(() => null);
      setSaved(refreshed?.data ? { values: valuesOf(refreshed.data.evidence), version: refreshed.data.evidence.version } : { values: before, version });
      applyServerError(toAppError(caught), true);
      return;
    }
    afterSave();
    navigate(`/evidence/${record.id}`, { state: { notice: 'saved' } satisfies EvidencePageState });
  }

  /** The narrative's current selection (for "mark the selected text as a name"). */
  function narrativeSelection(): string {
    const element = narrativeRef.current;
    if (!element) return '';
    return element.value.slice(element.selectionStart, element.selectionEnd);
  }

  const errorCount = Object.keys(errors).length;
  const consentFieldErrors = {
    obtainedBy: errors['consent.obtainedBy'],
    obtainedOn: errors['consent.obtainedOn'],
    scope: errors['consent.scope'],
    expiresOn: errors['consent.expiresOn'] ?? errors.consent,
  };
  const sensitivityChanged = editing && saved !== null && values.sensitivity !== saved.values.sensitivity;

  return (
    <div className="stack narrow evidence-form-page">
      {editing ? (
        <nav aria-label={t('evidence.breadcrumb')} className="breadcrumb">
          <Link to={`/evidence/${evidence!.id}`}>{evidence!.title}</Link>
        </nav>
      ) : (
        <Breadcrumb />
      )}
      <div>
        <h1>{editing ? t('evidenceForm.editTitle') : t('evidenceForm.createTitle')}</h1>
        {!editing && <p className="muted">{t('evidenceForm.createIntro')}</p>}
      </div>

      {conflict && (
        <div className="notice notice-warning" role="alert">
          <p className="notice-message">{t('evidenceForm.conflict', { version: conflict.version })}</p>
          <div className="notice-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                const latest = valuesOf(conflict);
                setValues(latest);
                setSaved({ values: latest, version: conflict.version });
                setConflict(null);
                setServerError(null);
                setSubmitted(false);
              }}
            >
              {t('evidenceForm.conflictReload')}
            </button>
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy}
              onClick={() => {
                const base = { values: valuesOf(conflict), version: conflict.version };
                setSaved(base);
                setConflict(null);
                setBusy(true);
                void submitUpdate(conflict, base).finally(() => setBusy(false));
              }}
            >
              {t('evidenceForm.conflictOverwrite')}
            </button>
          </div>
        </div>
      )}

      <form className="form evidence-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby={errorCount ? `${id}-summary` : undefined}>
        {submitted && errorCount > 0 && (
          <div id={`${id}-summary`} className="notice notice-error" role="alert">
            <p className="notice-message">{t('evidenceForm.invalid', { count: errorCount })}</p>
          </div>
        )}

        <FormCard title={t('evidenceForm.basics')}>
          <Field label={t('evidenceForm.title')} hint={t('evidenceForm.titleHint', { max: EVIDENCE_TITLE_MAX_LENGTH })} error={errors.title} required>
            {(control) => (
              <input
                {...control}
                className="input"
                value={values.title}
                maxLength={EVIDENCE_TITLE_MAX_LENGTH}
                required
                onChange={(event) => set('title')(event.target.value)}
                data-testid={TEST_IDS.evidenceTitleInput}
              />
            )}
          </Field>
          <div className="form-row">
            <Field label={t('evidenceForm.sourceType')} error={errors.sourceType} required>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={values.sourceType}
                  required
                  onChange={(event) => set('sourceType')(event.target.value as EvidenceFormValues['sourceType'])}
                  data-testid={TEST_IDS.evidenceSourceTypeSelect}
                >
                  <option value="" disabled>
                    {t('evidenceForm.sourceTypePlaceholder')}
                  </option>
                  {EVIDENCE_SOURCE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {labels.sourceType(type)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('evidenceForm.dateFrom')} hint={t('evidenceForm.dateFromHint')} error={errors.dateFrom} required>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className="input"
                  value={values.dateFrom}
                  max={values.dateTo || undefined}
                  required
                  onChange={(event) => set('dateFrom')(event.target.value)}
                  data-testid={TEST_IDS.evidenceDateFromInput}
                />
              )}
            </Field>
            <Field label={t('evidenceForm.dateTo')} hint={t('evidenceForm.dateToHint')} error={errors.dateTo} optional>
              {(control) => <input {...control} type="date" className="input" value={values.dateTo} min={values.dateFrom || undefined} onChange={(event) => set('dateTo')(event.target.value)} />}
            </Field>
          </div>
        </FormCard>

        <FormCard title={t('evidenceForm.place')}>
          <div className="form-row">
            <Field label={t('evidenceForm.district')} error={errors.districtId ?? (districts.error ? t('evidenceForm.districtsFailed') : undefined)} optional>
              {(control) => (
                <select {...control} className="input" value={values.districtId} onChange={(event) => set('districtId')(event.target.value)} data-testid={TEST_IDS.evidenceDistrictSelect}>
                  <option value="">{t('evidenceForm.noDistrict')}</option>
                  {districts.districts.map((district) => (
                    <option key={district.id} value={district.id}>
                      {orgLabels.organization(district)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('evidenceForm.town')} error={errors.town} optional>
              {(control) => (
                <input {...control} className="input" value={values.town} maxLength={EVIDENCE_PLACE_MAX_LENGTH} placeholder={t('evidenceForm.townPlaceholder')} onChange={(event) => set('town')(event.target.value)} />
              )}
            </Field>
            <Field label={t('evidenceForm.community')} error={errors.community} optional>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={values.community}
                  maxLength={EVIDENCE_PLACE_MAX_LENGTH}
                  placeholder={t('evidenceForm.communityPlaceholder')}
                  onChange={(event) => set('community')(event.target.value)}
                />
              )}
            </Field>
          </div>
        </FormCard>

        <FormCard title={t('evidenceForm.narrative')}>
          <Field label={t('evidenceForm.narrative')} hint={t('evidenceForm.narrativeHint', { max: EVIDENCE_NARRATIVE_MAX_LENGTH })} error={errors.narrative} optional hideLabel>
            {(control) => (
              <PiiTextarea
                {...control}
                ref={narrativeRef}
                className="input textarea"
                rows={8}
                value={values.narrative}
                maxLength={EVIDENCE_NARRATIVE_MAX_LENGTH}
                highlights={narrativeHighlights}
                onChange={set('narrative')}
                data-testid={TEST_IDS.evidenceNarrativeInput}
              />
            )}
          </Field>
          <LiveFindings findings={findings} />
          <MarkedNamesField value={values.markedNames} onChange={set('markedNames')} getSelection={narrativeSelection} error={errors.markedNames} />
        </FormCard>

        <FormCard title={t('evidenceForm.classification')}>
          <PopulationsField value={values.populations} onChange={set('populations')} />
          <ThemesField value={values.themes} onChange={set('themes')} error={errors.themes} />
        </FormCard>

        <FormCard title={t('evidenceForm.figures')} intro={t('evidenceForm.figuresHint')}>
          <FiguresEditor value={values.figures} onChange={set('figures')} errors={errors} />
        </FormCard>

        <FormCard title={t('evidenceForm.protection')}>
          <div className="field">
            <label className="check">
              <input type="checkbox" checked={values.aboutIdentifiablePeople} onChange={(event) => set('aboutIdentifiablePeople')(event.target.checked)} />
              <span className="field-label">{t('evidenceForm.aboutPeople')}</span>
            </label>
            <p className="field-hint">{t('evidenceForm.aboutPeopleHint')}</p>
          </div>
          <SensitivityField value={values.sensitivity} onChange={set('sensitivity')} error={errors.sensitivity} />
          {sensitivityChanged && (
            <Field label={t('evidenceForm.sensitivityReason')} hint={t('evidenceForm.sensitivityReasonHint')} optional>
              {(control) => <input {...control} className="input" value={values.sensitivityReason} maxLength={500} onChange={(event) => set('sensitivityReason')(event.target.value)} />}
            </Field>
          )}
          <ConsentFields value={values.consent} onChange={set('consent')} errors={consentFieldErrors} />
          <EffectivePreview sensitivity={values.sensitivity} aboutIdentifiablePeople={values.aboutIdentifiablePeople} consent={values.consent} />
        </FormCard>

        {failure && (
          <ErrorNotice
            error={failure.error}
            title={failure.partly ? t('evidenceForm.partlySaved') : undefined}
            message={failure.error.code === 'BAD_USER_INPUT' && failure.error.field ? evidenceFieldError(t, failure.error.field) : undefined}
          />
        )}

        <div className="form-actions form-actions-sticky">
          <Link to={editing ? `/evidence/${evidence!.id}` : '/evidence'} className="button">
            {t('evidenceForm.cancel')}
          </Link>
          <button type="submit" className="button button-primary" disabled={busy} data-testid={TEST_IDS.evidenceSave}>
            {busy ? t('evidenceForm.saving') : editing ? t('evidenceForm.save') : t('evidenceForm.create')}
          </button>
        </div>
      </form>
    </div>
  );
}

function FormCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card section form-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title}
      </h2>
      {intro && <p className="field-hint form-card-intro">{intro}</p>}
      {children}
    </section>
  );
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  optional?: boolean;
  /** The card's heading already names it (kept for assistive technology). */
  hideLabel?: boolean;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

function Field({ label, hint, error, required, optional, hideLabel, children }: FieldProps) {
  return (
    <div className={hideLabel ? 'field-label-hidden' : undefined}>
      <FieldFrame label={label} hint={hint} error={error} required={required} optional={optional}>
        {children}
      </FieldFrame>
    </div>
  );
}
