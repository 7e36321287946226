import { useMutation } from '@apollo/client';
import { PROPOSAL_AUTHOR_ROLES } from '@jianyan/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { RequireRole } from '../auth/RequireAuth';
import { toAppError, type AppError } from '../graphql/errors';
import { CREATE_PROPOSAL_MUTATION } from '../graphql/proposals';
import { ErrorNotice } from '../ui/ErrorNotice';
import { isFilingScopeRefusal } from '../i18n/errorMessages';
import { useFilingDistricts } from './districts';
import { proposalFieldError } from './errors';
import { ProposalFormFields } from './ProposalFormFields';
import {
  emptyProposalForm,
  proposalFormFieldOf,
  toCreateProposalInput,
  validateProposalForm,
  type ProposalFormErrors,
  type ProposalFormValues,
} from './proposalForm';

/** /proposals/new, for the roles that may create proposals. */
export function NewProposalRoute() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={PROPOSAL_AUTHOR_ROLES} message={t('noPermission.bodyCreateProposal')}>
      <NewProposalPage />
    </RequireRole>
  );
}

function NewProposalPage() {
  const { t } = useTranslation();
  usePageTitle(t('proposalForm.createTitle'));
  const navigate = useNavigate();
  const districts = useFilingDistricts();
  const [createProposal, { loading }] = useMutation(CREATE_PROPOSAL_MUTATION);
  const [values, setValues] = useState<ProposalFormValues>(() => emptyProposalForm(null));
  const [fieldErrors, setFieldErrors] = useState<ProposalFormErrors>({});
  const [error, setError] = useState<AppError | null>(null);

  const defaultDistrict = districts.defaultDistrictId ?? '';
  const current: ProposalFormValues = { ...values, districtId: values.districtId || defaultDistrict };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const errors = validateProposalForm(current, t);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    try {
      const result = await createProposal({ variables: { input: toCreateProposalInput(current) } });
      const id = result.data?.createProposal.id;
      if (id) navigate(`/proposals/${id}`);
    } catch (caught) {
      const appError = toAppError(caught);
      const field = appError.code === 'BAD_USER_INPUT' ? proposalFormFieldOf(appError.field) : null;
      if (isFilingScopeRefusal(appError)) setFieldErrors({ districtId: t('fieldErrors.outsideFilingScope') });
      else if (field) setFieldErrors({ [field]: proposalFieldError(t, field) });
      setError(appError);
    }
  }

  return (
    <div className="stack narrow">
      <nav aria-label={t('proposal.breadcrumb')} className="breadcrumb">
        <Link to="/proposals">{t('proposal.backToList')}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{t('proposalForm.createTitle')}</h1>
          <p className="muted">{t('proposalForm.createIntro')}</p>
        </div>
      </div>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <ProposalFormFields values={current} errors={fieldErrors} onChange={setValues} autoFocus />
        <ErrorNotice error={error} />
        <div className="form-actions">
          <Link to="/proposals" className="button">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.proposalCreateSubmit}>
            {loading ? t('proposalForm.submitting') : t('proposalForm.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
