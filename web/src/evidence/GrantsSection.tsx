import { useMutation } from '@apollo/client';
import { EVIDENCE_GRANT_LEVELS, type EvidenceGrantLevel } from '@jianyan/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { GRANT_EVIDENCE_ACCESS_MUTATION, REVOKE_EVIDENCE_ACCESS_MUTATION, type EvidenceGrant } from '../graphql/evidence';
import type { AppError } from '../graphql/errors';
import type { PersonSummary } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useEvidenceLabels } from './labels';
import { PersonPicker } from './PersonPicker';
import { runChange, type RecordSectionProps } from './recordContext';

/**
 * 访问授权 (managers only; the API gives `grants` to nobody else): who was granted read (masked)
 * or raw access, by whom and when; grant to someone found with `people(search)`, revoke.
 */
export function GrantsSection(props: RecordSectionProps) {
  const { evidence } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const headingId = useId();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<EvidenceGrant | null>(null);
  const [revokeError, setRevokeError] = useState<AppError | null>(null);
  const [revoke, revocation] = useMutation(REVOKE_EVIDENCE_ACCESS_MUTATION);
  const grants = evidence.grants ?? [];

  async function onRevoke() {
    if (!revoking) return;
    setRevokeError(null);
    const name = revoking.user.displayName;
    const failure = await runChange(t, props, async () => {
      await revoke({ variables: { input: { evidenceId: evidence.id, userId: revoking.user.id } } });
      props.notify(t('evidenceRecord.revoked', { name }));
    });
    if (failure) setRevokeError(failure);
    else setRevoking(null);
  }

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.grants')}
          <span className="count">{grants.length}</span>
        </h2>
        <button type="button" className="button button-small" onClick={() => setAdding(true)} data-testid={TEST_IDS.grantAdd}>
          {t('evidenceRecord.grantAdd')}
        </button>
      </header>
      <p className="muted small section-intro">{t('evidenceRecord.grantsIntro')}</p>
      {grants.length === 0 ? (
        <p className="muted section-empty">{t('evidenceRecord.grantsEmpty')}</p>
      ) : (
        <ul className="member-list">
          {grants.map((grant) => (
            <li key={grant.id} className="member" data-testid={TEST_IDS.grantItem} data-level={grant.level} data-user-id={grant.user.id}>
              <div className="member-who">
                <span className="member-name">{grant.user.displayName}</span>
                <span className="muted small member-org">
                  {orgLabels.organization(grant.user.organization)} · {orgLabels.role(grant.user.role)}
                </span>
                <span className={`badge grant-level grant-level-${grant.level}`}>{labels.grantLevel(grant.level)}</span>
                <span className="muted small">{t('evidenceRecord.grantedBy', { name: grant.grantedBy.displayName, date: format.date(grant.grantedAt) })}</span>
              </div>
              <div className="member-actions">
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  aria-label={t('evidenceRecord.revokeLabel', { name: grant.user.displayName })}
                  onClick={() => setRevoking(grant)}
                >
                  {t('evidenceRecord.revoke')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={adding} title={t('evidenceRecord.grantTitle')} onClose={() => setAdding(false)}>
        <GrantForm {...props} onClose={() => setAdding(false)} />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={t('evidenceRecord.revokeTitle')}
        body={revoking ? t('evidenceRecord.revokeBody', { name: revoking.user.displayName }) : ''}
        confirmLabel={t('evidenceRecord.revoke')}
        tone="danger"
        busy={revocation.loading}
        error={revokeError}
        onConfirm={() => void onRevoke()}
        onCancel={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
      />
    </section>
  );
}

function GrantForm({ evidence, notify, reload, onClose }: RecordSectionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const id = useId();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [level, setLevel] = useState<EvidenceGrantLevel>('read');
  const [chooseHint, setChooseHint] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [grant, { loading }] = useMutation(GRANT_EVIDENCE_ACCESS_MUTATION);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!person) {
      setChooseHint(true);
      return;
    }
    const failure = await runChange(t, { notify, reload }, async () => {
      await grant({ variables: { input: { evidenceId: evidence.id, userId: person.id, level } } });
      notify(t('evidenceRecord.granted', { name: person.displayName, level: labels.grantLevel(level) }));
    });
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <PersonPicker
        label={t('evidenceRecord.grantSearch')}
        hint={t('evidenceRecord.grantSearchHint')}
        placeholder={t('evidenceRecord.grantSearchPlaceholder')}
        value={person}
        onChange={(chosen) => {
          setPerson(chosen);
          setChooseHint(false);
        }}
        excludeIds={[evidence.contributor.id]}
        excludedNote={t('evidenceRecord.contributorAlways')}
        noResults={t('members.noResults')}
        clearLabel={t('audit.actorClear')}
        autoFocus
      />
      {chooseHint && (
        <p className="field-error" role="alert">
          {t('evidenceRecord.grantChooseFirst')}
        </p>
      )}
      <fieldset className="fieldset">
        <legend className="field-label">{t('evidenceRecord.grantLevel')}</legend>
        <div className="radio-list">
          {EVIDENCE_GRANT_LEVELS.map((value) => (
            <label key={value} className="check">
              <input type="radio" name={`${id}-level`} value={value} checked={level === value} onChange={() => setLevel(value)} />
              <span>{labels.grantLevel(value)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorNotice error={error} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading}>
          {loading ? t('common.working') : t('evidenceRecord.grantSubmit')}
        </button>
      </div>
    </form>
  );
}
