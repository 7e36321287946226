import { useMutation } from '@apollo/client';
import { type SensitivityLevel } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGE_EVIDENCE_SENSITIVITY_MUTATION, RECORD_EVIDENCE_CONSENT_MUTATION, type EvidenceDetail } from '../graphql/evidence';
import type { AppError } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useEvidenceLabels } from './labels';
import {
  ConsentFields,
  EffectivePreview,
  NO_CONSENT,
  SensitivityField,
  consentErrors,
  consentInput,
  previewEffective,
  type ConsentErrors,
  type ConsentValues,
} from './ProtectionFields';
import { evidenceFieldError, fieldHead, runChange, type RecordSectionProps } from './recordContext';
import { SensitivityBadges } from './SensitivityBadge';

/**
 * 保护与同意: the level applied and why (the consent rule may hold a record at restricted above
 * the level asked for), whether it is about identifiable people, the consent; for managers, the
 * changes (each audited).
 */
export function ProtectionSection(props: RecordSectionProps) {
  const { evidence } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const format = useFormat();
  const headingId = useId();
  const [dialog, setDialog] = useState<null | 'sensitivity' | 'consent'>(null);
  const consent = evidence.consent;
  const reason = evidence.sensitivityHeld ? evidence.sensitivityHeldReason : null;

  return (
    <section className="card section protection" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.protection')}
        </h2>
      </header>
      <dl className="details-grid details-grid-single protection-grid">
        <div>
          <dt>{t('evidenceRecord.effectiveLevel')}</dt>
          <dd className="protection-level">
            <SensitivityBadges record={evidence} compact />
          </dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.whoSees')}</dt>
          <dd>{labels.sensitivityWho(evidence.effectiveSensitivity)}</dd>
        </div>
        {reason && (
          <div className="held-explained" role="note">
            <dt>{t('evidenceRecord.requestedLevel')}</dt>
            <dd>
              {labels.sensitivity(evidence.sensitivity)}
              <p className="held-reason">{labels.heldReason(reason)}</p>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('evidenceRecord.aboutPeople')}</dt>
          <dd>{evidence.aboutIdentifiablePeople ? t('evidenceRecord.aboutPeopleYes') : t('evidenceRecord.aboutPeopleNo')}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.consent')}</dt>
          <dd>
            {evidence.consentObtained ? t('evidenceRecord.consentObtained') : t('evidenceRecord.consentMissing')}
            {consent?.obtained && (
              <ul className="consent-facts small">
                {consent.obtainedBy && <Fact label={t('evidenceRecord.consentBy')} value={consent.obtainedBy} />}
                {consent.obtainedOn && <Fact label={t('evidenceRecord.consentOn')} value={format.day(consent.obtainedOn)} />}
                {consent.scope && <Fact label={t('evidenceRecord.consentScope')} value={consent.scope} />}
                <Fact label={t('evidenceRecord.consentExpires')} value={consent.expiresOn ? format.day(consent.expiresOn) : t('evidenceRecord.consentNoExpiry')} />
              </ul>
            )}
            {!consent && evidence.consentObtained && <p className="muted small">{t('evidenceRecord.consentHidden')}</p>}
          </dd>
        </div>
      </dl>
      {evidence.viewerCanManage && (
        <div className="section-actions">
          <button type="button" className="button button-small" onClick={() => setDialog('sensitivity')}>
            {t('evidenceRecord.changeSensitivity')}
          </button>
          <button type="button" className="button button-small" onClick={() => setDialog('consent')}>
            {t('evidenceRecord.recordConsent')}
          </button>
        </div>
      )}
      <Dialog open={dialog === 'sensitivity'} title={t('evidenceRecord.sensitivityTitle')} onClose={() => setDialog(null)}>
        <SensitivityForm {...props} onClose={() => setDialog(null)} />
      </Dialog>
      <Dialog open={dialog === 'consent'} title={t('evidenceRecord.consentTitle')} onClose={() => setDialog(null)}>
        <ConsentForm {...props} onClose={() => setDialog(null)} />
      </Dialog>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <li>
      <span className="fact-label">{label}</span>
      <span>{value}</span>
    </li>
  );
}

function consentValuesOf(evidence: EvidenceDetail): ConsentValues {
  const c = evidence.consent;
  if (!c) return { ...NO_CONSENT, obtained: evidence.consentObtained };
  return { obtained: c.obtained, obtainedBy: c.obtainedBy ?? '', obtainedOn: c.obtainedOn ?? '', scope: c.scope ?? '', expiresOn: c.expiresOn ?? '' };
}

function SensitivityForm({ evidence, notify, reload, onClose }: RecordSectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const [level, setLevel] = useState<SensitivityLevel>(evidence.sensitivity);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [change, { loading }] = useMutation(CHANGE_EVIDENCE_SENSITIVITY_MUTATION);
  const consent = consentValuesOf(evidence);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const failure = await runChange(t, { notify, reload }, async () => {
      const { data } = await change({ variables: { input: { id: evidence.id, sensitivity: level, reason: reason.trim() || null, expectedVersion: evidence.version } } });
      const saved = data?.changeEvidenceSensitivity;
      if (saved?.sensitivityHeld && saved.sensitivityHeldReason) {
        notify(t('evidenceRecord.sensitivityStillHeld', { level: labels.sensitivity(level), reason: labels.heldShort(saved.sensitivityHeldReason) }), 'warning');
      } else {
        notify(t('evidenceRecord.sensitivitySaved', { level: labels.sensitivity(level) }));
      }
    });
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <SensitivityField value={level} onChange={setLevel} label={t('evidenceRecord.sensitivityNew')} />
      <EffectivePreview sensitivity={level} aboutIdentifiablePeople={evidence.aboutIdentifiablePeople} consent={consent} />
      <TextField label={t('evidenceRecord.sensitivityReason')} hint={t('evidenceRecord.sensitivityReasonHint')} value={reason} onChange={setReason} maxLength={500} optional />
      <ErrorNotice error={error} message={error && fieldHead(error) ? evidenceFieldError(t, error.field) : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading || level === evidence.sensitivity}>
          {loading ? t('common.working') : t('evidenceForm.save')}
        </button>
      </div>
    </form>
  );
}

function ConsentForm({ evidence, notify, reload, onClose }: RecordSectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const [consent, setConsent] = useState<ConsentValues>(() => consentValuesOf(evidence));
  const [about, setAbout] = useState(evidence.aboutIdentifiablePeople);
  const [errors, setErrors] = useState<ConsentErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const [record, { loading }] = useMutation(RECORD_EVIDENCE_CONSENT_MUTATION);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const found = consentErrors(t, consent);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const failure = await runChange(t, { notify, reload }, async () => {
      await record({ variables: { input: { id: evidence.id, consent: consentInput(consent), aboutIdentifiablePeople: about, expectedVersion: evidence.version } } });
      notify(t('evidenceRecord.consentSaved'));
    });
    if (failure) {
      // consent.obtainedBy → the field; anything else as a notice.
      const [head, sub] = (failure.field ?? '').split('.');
      if (failure.code === 'BAD_USER_INPUT' && head === 'consent' && sub) setErrors({ [sub]: evidenceFieldError(t, 'consent') });
      else setError(failure);
    } else onClose();
  }

  const effective = previewEffective(evidence.sensitivity, about, consent);
  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      {!evidence.consent && evidence.consentObtained && <p className="muted small">{t('evidenceRecord.consentHidden')}</p>}
      <label className="check">
        <input type="checkbox" checked={about} onChange={(event) => setAbout(event.target.checked)} />
        <span>{t('evidenceForm.aboutPeople')}</span>
      </label>
      <p className="field-hint">{t('evidenceForm.aboutPeopleHint')}</p>
      <ConsentFields value={consent} onChange={setConsent} errors={errors} />
      <EffectivePreview sensitivity={evidence.sensitivity} aboutIdentifiablePeople={about} consent={consent} />
      <ErrorNotice error={error} message={error && fieldHead(error) ? evidenceFieldError(t, error.field) : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-effective={effective.level}>
          {loading ? t('common.working') : t('evidenceForm.save')}
        </button>
      </div>
    </form>
  );
}
