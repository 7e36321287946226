import { PROPOSAL_SUMMARY_MAX_LENGTH, PROPOSAL_TARGET_MAX_LENGTH, PROPOSAL_TITLE_MAX_LENGTH, PROPOSAL_YEAR_MAX, PROPOSAL_YEAR_MIN } from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useLabels } from '../i18n/labels';
import { SelectField, TextAreaField, TextField } from '../ui/Field';
import { useFilingDistricts } from './districts';
import type { ProposalFormErrors, ProposalFormValues } from './proposalForm';
import { TopicsField } from './TopicsField';

interface ProposalFormFieldsProps {
  values: ProposalFormValues;
  errors: ProposalFormErrors;
  onChange: (values: ProposalFormValues) => void;
  /** When editing: the owners and co-authors who may be lead author. */
  leadAuthorOptions?: readonly { value: string; label: string }[];
  /** When editing: the district the proposal is filed under now (on offer even if she may not choose it). */
  keepDistrictId?: string;
  autoFocus?: boolean;
}

/** The fields of a proposal's details, shared by the create form and the edit-in-place form. */
export function ProposalFormFields({ values, errors, onChange, leadAuthorOptions, keepDistrictId, autoFocus }: ProposalFormFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const districts = useFilingDistricts(keepDistrictId);
  const set =
    <K extends keyof ProposalFormValues>(field: K) =>
    (value: ProposalFormValues[K]) =>
      onChange({ ...values, [field]: value });

  return (
    <>
      <TextField
        label={t('proposalForm.title')}
        value={values.title}
        onChange={set('title')}
        hint={t('proposalForm.titleHint', { max: PROPOSAL_TITLE_MAX_LENGTH })}
        error={errors.title}
        maxLength={PROPOSAL_TITLE_MAX_LENGTH}
        testId={TEST_IDS.proposalTitleInput}
        autoComplete="off"
        autoFocus={autoFocus}
        required
      />
      <TextAreaField
        label={t('proposalForm.summary')}
        value={values.summary}
        onChange={set('summary')}
        hint={t('proposalForm.summaryHint')}
        error={errors.summary}
        maxLength={PROPOSAL_SUMMARY_MAX_LENGTH}
        rows={4}
        optional
      />
      <div className="form-row">
        <TextField
          label={t('proposalForm.target')}
          value={values.target}
          onChange={set('target')}
          hint={t('proposalForm.targetHint')}
          error={errors.target}
          maxLength={PROPOSAL_TARGET_MAX_LENGTH}
          autoComplete="off"
          optional
        />
        <TextField
          label={t('proposalForm.year')}
          type="number"
          inputMode="numeric"
          value={values.year}
          onChange={set('year')}
          error={errors.year}
          min={PROPOSAL_YEAR_MIN}
          max={PROPOSAL_YEAR_MAX}
          testId={TEST_IDS.proposalYearInput}
          required
        />
        <SelectField<string>
          label={t('proposalForm.district')}
          value={values.districtId}
          onChange={set('districtId')}
          options={districts.districts.map((d) => ({ value: d.id, label: labels.organization(d) }))}
          placeholder={districts.loading ? t('app.loading') : t('proposalForm.districtPlaceholder')}
          error={errors.districtId ?? (districts.error ? t('proposalForm.districtsFailed') : null)}
          disabled={districts.loading}
          testId={TEST_IDS.proposalDistrictSelect}
          required
        />
      </div>
      {leadAuthorOptions && (
        <SelectField<string>
          label={t('proposalForm.leadAuthor')}
          value={values.leadAuthorId}
          onChange={set('leadAuthorId')}
          options={leadAuthorOptions}
          error={errors.leadAuthorId}
          required
        />
      )}
      <TopicsField value={values.topics} onChange={set('topics')} error={errors.topics} />
    </>
  );
}
