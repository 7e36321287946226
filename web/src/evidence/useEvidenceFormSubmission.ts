import { useApolloClient, useMutation } from '@apollo/client';
import { ERROR_CODES } from '@jianyan/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
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
import { isFilingScopeRefusal } from '../i18n/errorMessages';
import type { EvidencePageState } from './EvidencePage';
import { consentChanged, namesChanged, toCreateInput, toUpdateInput, validate, valuesOf, type EvidenceFormValues, type FormErrors } from './evidenceForm';
import { consentInput } from './ProtectionFields';
import { evidenceFieldError } from './recordContext';

/** What the server has (edit): the base of the next save and of "what changed". */
export interface SavedEvidence {
  values: EvidenceFormValues;
  version: number;
}

/** `set('title')(value)`: a setter for one field of the form. */
export type SetEvidenceField = <K extends keyof EvidenceFormValues>(key: K) => (value: EvidenceFormValues[K]) => void;

/** Where a BAD_USER_INPUT field is shown: figures.0.label and consent.obtainedBy stay precise, lists at the list. */
function errorKeyOf(field: string): string {
  if (/^figures\.\d+\.(label|value|unit|period)$/.test(field)) return field;
  if (/^consent\.\w+$/.test(field)) return field;
  return field.split('.')[0];
}

/**
 * The evidence form's values, validation and saving: create, or update followed by the protection
 * changes; server field errors, partial saves and version conflicts.
 */
export function useEvidenceFormSubmission(evidence: EvidenceDetail | undefined, initial: EvidenceFormValues) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [values, setValues] = useState<EvidenceFormValues>(initial);
  const [saved, setSaved] = useState<SavedEvidence | null>(evidence ? { values: initial, version: evidence.version } : null);
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

  const set: SetEvidenceField = (key) => (value) => setValues((v) => ({ ...v, [key]: value }));

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
    if (isFilingScopeRefusal(error)) {
      setServerError({ key: 'districtId', message: t('fieldErrors.outsideFilingScope') });
      showFirstError();
    } else if (error.code === 'BAD_USER_INPUT' && error.field) {
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
  async function submitUpdate(record: EvidenceDetail, base: SavedEvidence) {
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

  /** Conflict: drop her changes and continue from the latest version. */
  function reloadLatest(latestRecord: EvidenceDetail) {
    const latest = valuesOf(latestRecord);
    setValues(latest);
    setSaved({ values: latest, version: latestRecord.version });
    setConflict(null);
    setServerError(null);
    setSubmitted(false);
  }

  /** Conflict: save her changes over the latest version. */
  function overwriteLatest(latestRecord: EvidenceDetail) {
    const base = { values: valuesOf(latestRecord), version: latestRecord.version };
    setSaved(base);
    setConflict(null);
    setBusy(true);
    void submitUpdate(latestRecord, base).finally(() => setBusy(false));
  }

  return { values, set, saved, errors, submitted, busy, failure, conflict, onSubmit, reloadLatest, overwriteLatest };
}
