import { useMutation } from '@apollo/client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { toAppError, type AppError } from '../graphql/errors';
import { UPDATE_PROPOSAL_MUTATION } from '../graphql/proposals';
import { isFilingScopeRefusal } from '../i18n/errorMessages';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { proposalFieldError } from './errors';
import { useProposalLabels } from './labels';
import { ProposalFormFields } from './ProposalFormFields';
import {
  proposalFormFieldOf,
  proposalFormOf,
  toUpdateProposalInput,
  validateProposalForm,
  type ProposalFormErrors,
  type ProposalFormValues,
} from './proposalForm';
import type { SectionProps } from './section';

/** Summary and metadata; owners and co-authors edit them in place while draft or in review. */
export function ProposalDetails(props: SectionProps) {
  const { proposal, permissions } = props;
  const { t } = useTranslation();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const format = useFormat();
  const headingId = useId();
  const [editing, setEditing] = useState(false);

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {editing ? t('proposal.editTitle') : t('proposal.details')}
        </h2>
        {permissions.canEdit && !editing && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)} data-testid={TEST_IDS.proposalEdit}>
            {t('proposal.edit')}
          </button>
        )}
      </header>
      {editing && permissions.canEdit ? (
        <DetailsForm {...props} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="summary">
            {proposal.summary ? <p className="prewrap">{proposal.summary}</p> : <p className="muted">{t('proposal.noSummary')}</p>}
          </div>
          <dl className="details-grid">
            <div>
              <dt>{t('proposal.target')}</dt>
              <dd>{proposal.target || <span className="muted">{t('proposal.noValue')}</span>}</dd>
            </div>
            <div>
              <dt>{t('proposal.year')}</dt>
              <dd>{proposal.year}</dd>
            </div>
            <div>
              <dt>{t('proposal.district')}</dt>
              <dd>{labels.organization(proposal.district)}</dd>
            </div>
            <div>
              <dt>{t('proposal.leadAuthor')}</dt>
              <dd>{proposal.leadAuthor.displayName}</dd>
            </div>
            <div>
              <dt>{t('proposal.createdAt')}</dt>
              <dd>
                <time dateTime={proposal.createdAt}>{format.dateTime(proposal.createdAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{t('proposal.updatedAt')}</dt>
              <dd>
                <time dateTime={proposal.updatedAt}>{format.dateTime(proposal.updatedAt)}</time>
              </dd>
            </div>
            <div className="details-wide">
              <dt>{t('proposal.topics')}</dt>
              <dd>
                {proposal.topics.length > 0 ? (
                  <ul className="tags">
                    {proposal.topics.map((topic) => (
                      <li key={topic} className="tag">
                        {proposalLabels.topic(topic)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t('proposal.noValue')}</span>
                )}
              </dd>
            </div>
          </dl>
          {permissions.lockedForEditor && <p className="muted small">{t('proposal.lockedHint')}</p>}
        </>
      )}
    </section>
  );
}

function DetailsForm({ proposal, notify, reload, onDone }: SectionProps & { onDone: () => void }) {
  const { t } = useTranslation();
  const [updateProposal, { loading }] = useMutation(UPDATE_PROPOSAL_MUTATION);
  const [values, setValues] = useState<ProposalFormValues>(() => proposalFormOf(proposal));
  const [fieldErrors, setFieldErrors] = useState<ProposalFormErrors>({});
  const [error, setError] = useState<AppError | null>(null);
  const leadAuthorOptions = proposal.members
    .filter((m) => m.role === 'owner' || m.role === 'coauthor')
    .map((m) => ({ value: m.user.id, label: m.user.displayName }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors = validateProposalForm(values, t);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      // expectedVersion: the version this form was opened on; the server refuses if it moved on.
      await updateProposal({ variables: { input: toUpdateProposalInput(values, proposal) } });
      notify(t('proposal.saved'));
      onDone();
    } catch (caught) {
      const appError = toAppError(caught);
      if (appError.code === 'CONFLICT') {
        await reload();
        notify(t('proposal.conflict'), 'warning');
        onDone();
        return;
      }
      const field = appError.code === 'BAD_USER_INPUT' ? proposalFormFieldOf(appError.field) : null;
      if (isFilingScopeRefusal(appError)) setFieldErrors({ districtId: t('fieldErrors.outsideFilingScope') });
      else if (field) setFieldErrors({ [field]: proposalFieldError(t, field) });
      setError(appError);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ProposalFormFields
        values={values}
        errors={fieldErrors}
        onChange={setValues}
        leadAuthorOptions={leadAuthorOptions}
        keepDistrictId={proposal.district.id}
        autoFocus
      />
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.proposalSave}>
          {loading ? t('proposalForm.saving') : t('proposalForm.save')}
        </button>
      </div>
    </form>
  );
}
