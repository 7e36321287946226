import { useQuery } from '@apollo/client';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { EVIDENCE_QUERY, type EvidenceDetail } from '../graphql/evidence';
import { toAppError } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { useNotice } from '../proposals/useNotice';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { AttachmentsSection } from './AttachmentsSection';
import { DetailsSection } from './DetailsSection';
import { LibraryBreadcrumb } from './EvidenceBreadcrumbs';
import { EvidenceNotFound } from './EvidenceNotFound';
import { FiguresSection } from './FiguresSection';
import { GrantsSection } from './GrantsSection';
import { useEvidenceLabels } from './labels';
import { NarrativeSection } from './NarrativeSection';
import { NoticeToast } from './NoticeToast';
import { ProtectionSection } from './ProtectionSection';
import { RecordActions } from './RecordActions';
import type { RecordSectionProps } from './recordContext';
import { RecordNotices } from './RecordNotices';
import { SensitivityBadges } from './SensitivityBadge';
import { SupportsSection } from './SupportsSection';
import './evidence.css';

/** Sent by the form after saving, so that the record page confirms it. */
export interface EvidencePageState {
  notice?: 'created' | 'saved';
}

/** /evidence/:id */
export function EvidencePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery(EVIDENCE_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const evidence = query.data?.evidence;
  usePageTitle(evidence?.title ?? t('evidenceList.title'));
  const { refetch } = query;
  const reload = useCallback(() => refetch().catch(() => undefined), [refetch]);

  if (!evidence) {
    if (query.error) {
      const error = toAppError(query.error);
      if (error.code === 'NOT_FOUND') return <EvidenceNotFound />;
      return (
        <div className="stack">
          <LibraryBreadcrumb />
          <ErrorNotice error={error} title={t('evidence.loadFailed')} onRetry={() => void reload()} />
        </div>
      );
    }
    return <Loading label={t('evidence.loading')} />;
  }
  return <EvidenceView key={evidence.id} evidence={evidence} reload={reload} />;
}

function EvidenceView({ evidence, reload }: { evidence: EvidenceDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const location = useLocation();
  const navigate = useNavigate();
  const { notice, notify, dismiss } = useNotice();
  const section: RecordSectionProps = { evidence, notify, reload };

  // The form sent us here after saving: confirm it once, then forget it (so "back" does not repeat it).
  const arrival = (location.state as EvidencePageState | null)?.notice;
  useEffect(() => {
    if (!arrival) return;
    notify(arrival === 'created' ? t('evidenceForm.created') : t('evidenceForm.saved'));
    navigate(location.pathname, { replace: true, state: null });
  }, [arrival, notify, t, navigate, location.pathname]);

  const place = [evidence.district ? orgLabels.organization(evidence.district) : null, evidence.town, evidence.community].filter(Boolean).join(' ');

  return (
    <div className="stack evidence-page">
      <LibraryBreadcrumb />
      <header className="proposal-header evidence-header">
        <div className="proposal-header-text">
          <div className="proposal-header-badges">
            <SensitivityBadges record={evidence} />
            <span className={`badge status-${evidence.status}`} data-testid={TEST_IDS.evidenceStatus} data-status={evidence.status}>
              {labels.status(evidence.status)}
            </span>
            <span className="badge badge-outline">{labels.sourceType(evidence.sourceType)}</span>
          </div>
          <h1 className="proposal-title" data-testid={TEST_IDS.evidenceDetailTitle}>
            {evidence.title}
          </h1>
          <p className="meta">
            <span>{labels.period(evidence.dateFrom, evidence.dateTo)}</span>
            {place && <span>{place}</span>}
            <span>{t('evidence.contributor', { name: evidence.contributor.displayName })}</span>
            <span>{t('evidence.updated', { date: format.date(evidence.updatedAt) })}</span>
          </p>
        </div>
        {evidence.viewerCanManage && <RecordActions {...section} />}
      </header>

      <RecordNotices evidence={evidence} />

      <div className="proposal-layout">
        <div className="proposal-main">
          <NarrativeSection {...section} />
          <FiguresSection evidence={evidence} />
          <AttachmentsSection evidence={evidence} reload={reload} />
          <SupportsSection links={evidence.links} />
        </div>
        <div className="proposal-aside">
          <DetailsSection evidence={evidence} />
          <ProtectionSection {...section} />
          {evidence.grants && <GrantsSection {...section} />}
        </div>
      </div>

      <NoticeToast notice={notice} onDismiss={dismiss} />
    </div>
  );
}
