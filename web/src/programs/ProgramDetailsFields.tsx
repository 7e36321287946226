import { SelectField, TextField } from '../ui/Field';
import type { EditFieldErrors } from './editErrors';
import { useProgramsText } from './useProgramsText';

/** A program's details as typed in a form (the years as text until sent). */
export interface ProgramDetails {
  name: string;
  issuingBody: string;
  districtId: string;
  periodStart: string;
  periodEnd: string;
  promulgatedOn: string;
  sourceDocument: string;
}

/** The details as the API takes them (createProgram and updateProgram alike). */
export function programDetailsInput(values: ProgramDetails) {
  return {
    name: values.name.trim(),
    issuingBody: values.issuingBody.trim(),
    districtId: values.districtId || null,
    periodStart: Number(values.periodStart),
    periodEnd: Number(values.periodEnd),
    promulgatedOn: values.promulgatedOn.trim() || null,
    sourceDocument: values.sourceDocument.trim() || null,
  };
}

export interface ProgramDetailsTestIds {
  name: string;
  issuer: string;
  district: string;
  periodStart: string;
  periodEnd: string;
  promulgated: string;
  source: string;
}

interface ProgramDetailsFieldsProps {
  values: ProgramDetails;
  onChange: (changes: Partial<ProgramDetails>) => void;
  districts: { value: string; label: string }[];
  errors?: EditFieldErrors;
  testIds: ProgramDetailsTestIds;
  autoFocus?: boolean;
}

/** Name, issuing body, district, period, promulgation date and source document: the import wizard's last step and the edit dialog. */
export function ProgramDetailsFields({ values, onChange, districts, errors = {}, testIds, autoFocus }: ProgramDetailsFieldsProps) {
  const t = useProgramsText();
  return (
    <>
      <TextField
        label={t('import.name')}
        value={values.name}
        onChange={(name) => onChange({ name })}
        error={errors.name}
        required
        maxLength={200}
        autoFocus={autoFocus}
        testId={testIds.name}
      />
      <TextField
        label={t('import.issuingBody')}
        value={values.issuingBody}
        onChange={(issuingBody) => onChange({ issuingBody })}
        error={errors.issuingBody}
        required
        maxLength={200}
        testId={testIds.issuer}
      />
      <SelectField
        label={t('import.district')}
        value={values.districtId}
        onChange={(districtId) => onChange({ districtId })}
        options={[{ value: '', label: t('import.noDistrict') }, ...districts]}
        error={errors.districtId}
        testId={testIds.district}
      />
      <div className="form-row">
        <TextField
          label={t('import.periodStart')}
          type="number"
          value={values.periodStart}
          onChange={(periodStart) => onChange({ periodStart })}
          error={errors.periodStart}
          required
          testId={testIds.periodStart}
        />
        <TextField
          label={t('import.periodEnd')}
          type="number"
          value={values.periodEnd}
          onChange={(periodEnd) => onChange({ periodEnd })}
          error={errors.periodEnd}
          required
          testId={testIds.periodEnd}
        />
        <TextField
          label={t('import.promulgatedOn')}
          hint={t('import.promulgatedHint')}
          value={values.promulgatedOn}
          onChange={(promulgatedOn) => onChange({ promulgatedOn })}
          error={errors.promulgatedOn}
          optional
          testId={testIds.promulgated}
        />
      </div>
      <TextField
        label={t('import.sourceDocument')}
        value={values.sourceDocument}
        onChange={(sourceDocument) => onChange({ sourceDocument })}
        error={errors.sourceDocument}
        optional
        maxLength={500}
        testId={testIds.source}
      />
    </>
  );
}
