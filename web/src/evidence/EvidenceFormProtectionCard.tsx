import { useTranslation } from 'react-i18next';
import { Field, FormCard } from './EvidenceFormLayout';
import type { EvidenceFormCardProps } from './EvidenceFormCards';
import { ConsentFields, EffectivePreview, SensitivityField } from './ProtectionFields';

/**
 * 保护与同意: whether it is about identifiable people, the sensitivity (with a reason when an edit
 * changes it), the consent, and the protection that results.
 */
export function ProtectionCard({ values, set, errors, sensitivityChanged }: EvidenceFormCardProps & { sensitivityChanged: boolean }) {
  const { t } = useTranslation();
  const consentFieldErrors = {
    obtainedBy: errors['consent.obtainedBy'],
    obtainedOn: errors['consent.obtainedOn'],
    scope: errors['consent.scope'],
    expiresOn: errors['consent.expiresOn'] ?? errors.consent,
  };
  return (
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
  );
}
