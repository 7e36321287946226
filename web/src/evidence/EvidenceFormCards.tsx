import { EVIDENCE_NARRATIVE_MAX_LENGTH, EVIDENCE_PLACE_MAX_LENGTH, EVIDENCE_SOURCE_TYPES, EVIDENCE_TITLE_MAX_LENGTH } from '@jianyan/shared';
import { useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useLabels } from '../i18n/labels';
import { useFilingDistricts } from '../proposals/districts';
import { liveFindings, type EvidenceFormValues, type FormErrors } from './evidenceForm';
import { Field, FormCard } from './EvidenceFormLayout';
import { LiveFindings, MarkedNamesField } from './FormFields';
import { useEvidenceLabels } from './labels';
import { PiiTextarea } from './PiiTextarea';
import type { SetEvidenceField } from './useEvidenceFormSubmission';

/** What each card of the evidence form gets. */
export interface EvidenceFormCardProps {
  values: EvidenceFormValues;
  set: SetEvidenceField;
  errors: FormErrors;
}

/** 基本信息: title, source type and dates. */
export function BasicsCard({ values, set, errors }: EvidenceFormCardProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  return (
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
  );
}

/** 地点: district (those she may file under, and the saved one when editing), town and community. */
export function PlaceCard({ values, set, errors, savedDistrictId }: EvidenceFormCardProps & { savedDistrictId?: string | null }) {
  const { t } = useTranslation();
  const orgLabels = useLabels();
  const districts = useFilingDistricts(savedDistrictId);
  return (
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
  );
}

/** 案例叙述, with the personal data detected as she types and the names she marks to mask. */
export function NarrativeCard({ values, set, errors }: EvidenceFormCardProps) {
  const { t } = useTranslation();
  const narrativeRef = useRef<HTMLTextAreaElement>(null);

  // Detection follows the typing without holding it up.
  const deferred = useDeferredValue(values);
  const findings = useMemo(() => liveFindings(deferred), [deferred]);
  const narrativeHighlights = useMemo(() => findings.filter((f) => f.field === 'narrative'), [findings]);

  /** The narrative's current selection (for "mark the selected text as a name"). */
  function narrativeSelection(): string {
    const element = narrativeRef.current;
    if (!element) return '';
    return element.value.slice(element.selectionStart, element.selectionEnd);
  }

  return (
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
  );
}
