import type { TFunction } from 'i18next';
import {
  EVIDENCE_CONSENT_TEXT_MAX_LENGTH,
  SENSITIVITY_LEVELS,
  effectiveSensitivity,
  todayInChina,
  type SensitivityLevel,
} from '@jianyan/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { useEvidenceLabels } from './labels';
import { LockIcon } from './SensitivityBadge';

/** The consent as edited in forms (dates YYYY-MM-DD, '' when empty). */
export interface ConsentValues {
  obtained: boolean;
  obtainedBy: string;
  obtainedOn: string;
  scope: string;
  expiresOn: string;
}

export const NO_CONSENT: ConsentValues = { obtained: false, obtainedBy: '', obtainedOn: '', scope: '', expiresOn: '' };

export type ConsentErrors = Partial<Record<keyof ConsentValues, string>>;

/** Client-side checks mirroring the API's consent rules; messages are i18n keys' results. */
export function consentErrors(t: TFunction, consent: ConsentValues): ConsentErrors {
  const errors: ConsentErrors = {};
  if (consent.obtained && !consent.obtainedBy.trim()) errors.obtainedBy = t('evidenceForm.errors.consentByRequired');
  if (consent.obtained && !consent.obtainedOn) errors.obtainedOn = t('evidenceForm.errors.consentOnRequired');
  if (consent.obtainedBy.length > 60) errors.obtainedBy = t('evidenceForm.errors.consentTooLong', { max: 60 });
  if (consent.scope.length > EVIDENCE_CONSENT_TEXT_MAX_LENGTH) errors.scope = t('evidenceForm.errors.consentTooLong', { max: EVIDENCE_CONSENT_TEXT_MAX_LENGTH });
  if (consent.expiresOn && consent.obtainedOn && consent.expiresOn < consent.obtainedOn) errors.expiresOn = t('evidenceForm.errors.consentExpiresBeforeObtained');
  return errors;
}

/** The GraphQL consent input (blank text left out). */
export function consentInput(consent: ConsentValues) {
  return {
    obtained: consent.obtained,
    obtainedBy: consent.obtained ? consent.obtainedBy.trim() || null : null,
    obtainedOn: consent.obtained ? consent.obtainedOn || null : null,
    scope: consent.obtained ? consent.scope.trim() || null : null,
    expiresOn: consent.obtained ? consent.expiresOn || null : null,
  };
}

/** The level the record will be treated at, by the shared consent rule (today in China). */
export function previewEffective(sensitivity: SensitivityLevel, aboutIdentifiablePeople: boolean, consent: ConsentValues) {
  return effectiveSensitivity(
    { sensitivity, aboutIdentifiablePeople, consent: { obtained: consent.obtained, expiresOn: consent.obtained && consent.expiresOn ? consent.expiresOn : null } },
    todayInChina(),
  );
}

interface SensitivityFieldProps {
  value: SensitivityLevel;
  onChange: (level: SensitivityLevel) => void;
  error?: string | null;
  label?: string;
}

/** The level asked for, with who sees the record at each level spelled out. */
export function SensitivityField({ value, onChange, error, label }: SensitivityFieldProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-level`} className="field-label">
        {label ?? t('evidenceForm.sensitivity')}
        <span className="field-mark" aria-hidden="true">
          {' '}
          *
        </span>
      </label>
      <select
        id={`${id}-level`}
        className="input"
        value={value}
        aria-describedby={`${id}-levels`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value as SensitivityLevel)}
        data-testid={TEST_IDS.evidenceSensitivitySelect}
      >
        {SENSITIVITY_LEVELS.map((level) => (
          <option key={level} value={level}>
            {labels.sensitivity(level)}
          </option>
        ))}
      </select>
      <ul id={`${id}-levels`} className="level-list" aria-label={t('evidenceForm.sensitivityHint')}>
        {SENSITIVITY_LEVELS.map((level) => (
          <li key={level} className={`level level-${level}${level === value ? ' level-current' : ''}`} aria-current={level === value ? 'true' : undefined}>
            <span className={`badge sens-badge sens-${level}`}>
              <LockIcon level={level} />
              {labels.sensitivity(level)}
            </span>
            <span className="level-who">{labels.sensitivityWho(level)}</span>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ConsentFieldsProps {
  value: ConsentValues;
  onChange: (consent: ConsentValues) => void;
  errors?: ConsentErrors;
}

/** Whether consent was obtained, by whom, when, for what, until when. */
export function ConsentFields({ value, onChange, errors = {} }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof ConsentValues>(key: K, v: ConsentValues[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="fieldset consent-fields">
      <legend className="field-label">{t('evidenceForm.consent')}</legend>
      <label className="check">
        <input type="checkbox" checked={value.obtained} onChange={(event) => set('obtained', event.target.checked)} />
        <span>{t('evidenceForm.consentObtained')}</span>
      </label>
      {value.obtained && (
        <div className="consent-grid">
          <Input id={`${id}-by`} label={t('evidenceForm.consentBy')} value={value.obtainedBy} onChange={(v) => set('obtainedBy', v)} error={errors.obtainedBy} required maxLength={60} />
          <Input id={`${id}-on`} label={t('evidenceForm.consentOn')} type="date" value={value.obtainedOn} onChange={(v) => set('obtainedOn', v)} error={errors.obtainedOn} required />
          <Input
            id={`${id}-scope`}
            label={t('evidenceForm.consentScope')}
            value={value.scope}
            onChange={(v) => set('scope', v)}
            error={errors.scope}
            placeholder={t('evidenceForm.consentScopePlaceholder')}
            wide
          />
          <Input
            id={`${id}-expires`}
            label={t('evidenceForm.consentExpires')}
            type="date"
            value={value.expiresOn}
            onChange={(v) => set('expiresOn', v)}
            error={errors.expiresOn}
            hint={t('evidenceForm.consentExpiresHint')}
            min={value.obtainedOn || undefined}
          />
        </div>
      )}
    </fieldset>
  );
}

interface InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  maxLength?: number;
  min?: string;
  wide?: boolean;
}

function Input({ id, label, value, onChange, error, hint, required, type = 'text', placeholder, maxLength, min, wide }: InputProps) {
  const { t } = useTranslation();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? (
          <span className="field-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : (
          <span className="field-optional">（{t('common.optional')}）</span>
        )}
      </label>
      <input
        id={id}
        type={type}
        className="input"
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        min={min}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** "保存后实际级别：受限" and, when the consent rule holds it, why. */
export function EffectivePreview({ sensitivity, aboutIdentifiablePeople, consent }: { sensitivity: SensitivityLevel; aboutIdentifiablePeople: boolean; consent: ConsentValues }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const effective = previewEffective(sensitivity, aboutIdentifiablePeople, consent);
  return (
    <div className={`notice ${effective.held ? 'notice-warning' : 'notice-info'} effective-preview`} aria-live="polite" data-effective={effective.level}>
      <p className="notice-title">
        {t('evidenceForm.effectivePreview', { level: labels.sensitivity(effective.level) })} · {labels.sensitivityWho(effective.level)}
      </p>
      {effective.held && effective.reason && (
        <>
          <p className="notice-message">{labels.heldReason(effective.reason)}</p>
          <p className="notice-message">{t('evidenceForm.heldPreview', { reason: labels.heldShort(effective.reason) })}</p>
        </>
      )}
    </div>
  );
}
