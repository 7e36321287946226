import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import type { EvidenceDetail } from '../graphql/evidence';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LibraryBreadcrumb, RecordBreadcrumb } from './EvidenceBreadcrumbs';
import type { EvidenceFormValues } from './evidenceForm';
import { BasicsCard, NarrativeCard, PlaceCard } from './EvidenceFormCards';
import { EvidenceFormConflictNotice } from './EvidenceFormConflictNotice';
import { FormCard } from './EvidenceFormLayout';
import { ProtectionCard } from './EvidenceFormProtectionCard';
import { FiguresEditor, PopulationsField, ThemesField } from './FormFields';
import { evidenceFieldError } from './recordContext';
import { useEvidenceFormSubmission } from './useEvidenceFormSubmission';

interface EvidenceFormViewProps {
  /** The record being edited (absent when creating). */
  evidence?: EvidenceDetail;
  initial: EvidenceFormValues;
}

/** The form that records a new piece of evidence or edits one. */
export function EvidenceFormView({ evidence, initial }: EvidenceFormViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const { values, set, saved, errors, submitted, busy, failure, conflict, onSubmit, reloadLatest, overwriteLatest } = useEvidenceFormSubmission(evidence, initial);
  const editing = Boolean(evidence);

  const errorCount = Object.keys(errors).length;
  const sensitivityChanged = editing && saved !== null && values.sensitivity !== saved.values.sensitivity;
  const card = { values, set, errors };

  return (
    <div className="stack narrow evidence-form-page">
      {editing ? <RecordBreadcrumb evidence={evidence!} /> : <LibraryBreadcrumb />}
      <div>
        <h1>{editing ? t('evidenceForm.editTitle') : t('evidenceForm.createTitle')}</h1>
        {!editing && <p className="muted">{t('evidenceForm.createIntro')}</p>}
      </div>

      {conflict && <EvidenceFormConflictNotice conflict={conflict} busy={busy} onReload={reloadLatest} onOverwrite={overwriteLatest} />}

      <form className="form evidence-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby={errorCount ? `${id}-summary` : undefined}>
        {submitted && errorCount > 0 && (
          <div id={`${id}-summary`} className="notice notice-error" role="alert">
            <p className="notice-message">{t('evidenceForm.invalid', { count: errorCount })}</p>
          </div>
        )}

        <BasicsCard {...card} />
        <PlaceCard {...card} savedDistrictId={saved?.values.districtId} />
        <NarrativeCard {...card} />

        <FormCard title={t('evidenceForm.classification')}>
          <PopulationsField value={values.populations} onChange={set('populations')} />
          <ThemesField value={values.themes} onChange={set('themes')} error={errors.themes} />
        </FormCard>

        <FormCard title={t('evidenceForm.figures')} intro={t('evidenceForm.figuresHint')}>
          <FiguresEditor value={values.figures} onChange={set('figures')} errors={errors} />
        </FormCard>

        <ProtectionCard {...card} sensitivityChanged={sensitivityChanged} />

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
