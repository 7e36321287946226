import { useQuery } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { RequireRole } from '../auth/RequireAuth';
import { usePageTitle } from '../app/usePageTitle';
import { EVIDENCE_QUERY } from '../graphql/evidence';
import { toAppError } from '../graphql/errors';
import { useFilingDistricts } from '../proposals/districts';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { EvidenceFormView } from './EvidenceFormView';
import { emptyValues, valuesOf } from './evidenceForm';
import { EvidenceNotFound } from './EvidenceNotFound';
import { EVIDENCE_RECORDER_ROLES } from './permissions';
import './evidence.css';

/** /evidence/new: contributors, members and admins; others see why they cannot. */
export function NewEvidenceRoute() {
  const { t } = useTranslation();
  return (
    <RequireRole roles={EVIDENCE_RECORDER_ROLES} message={t('evidence.recordersOnly')}>
      <NewEvidencePage />
    </RequireRole>
  );
}

function NewEvidencePage() {
  const { t } = useTranslation();
  usePageTitle(t('evidenceForm.createTitle'));
  const { defaultDistrictId, loading } = useFilingDistricts();
  if (loading) return <Loading />;
  return <EvidenceFormView initial={emptyValues(defaultDistrictId)} />;
}

/** /evidence/:id/edit (the contributor and administrators of its organisation). */
export function EditEvidencePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('evidenceForm.editTitle'));
  // Always from the server: the form starts from the latest version.
  const query = useQuery(EVIDENCE_QUERY, { variables: { id }, fetchPolicy: 'network-only' });
  const evidence = query.data?.evidence;
  if (!evidence) {
    if (query.error) {
      const error = toAppError(query.error);
      if (error.code === 'NOT_FOUND') return <EvidenceNotFound />;
      return <ErrorNotice error={error} title={t('evidenceForm.loadFailed')} onRetry={() => void query.refetch().catch(() => undefined)} />;
    }
    return <Loading label={t('evidence.loading')} />;
  }
  if (!evidence.viewerCanManage) {
    return (
      <section className="state-page" data-testid={TEST_IDS.noPermission}>
        <h1>{t('noPermission.title')}</h1>
        <p className="muted">{t('evidenceForm.noPermission')}</p>
        <Link to={`/evidence/${evidence.id}`} className="button button-primary">
          {t('evidence.backToLibrary')}
        </Link>
      </section>
    );
  }
  return <EvidenceFormView key={evidence.id} evidence={evidence} initial={valuesOf(evidence)} />;
}
