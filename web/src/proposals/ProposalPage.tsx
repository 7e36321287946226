import { useQuery } from '@apollo/client';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentUser } from '../auth/session';
import { toAppError } from '../graphql/errors';
import { PROPOSAL_QUERY } from '../graphql/proposals';
import type { ProposalDetail } from '../graphql/types';
import { useLabels } from '../i18n/labels';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { AnswerSection } from './AnswerSection';
import { BodySlot } from './BodySlot';
import { CommentsSection } from './Comments';
import { citeAtSelection } from '../editor/citations';
import { EvidencePanel, useLinkEvidence } from './EvidencePanel';
import { ExportActions } from './ExportActions';
import { FollowButton } from '../notifications/FollowButton';
import { useProposalLabels } from './labels';
import { MembersSection } from './MembersSection';
import { permissionsOf } from './permissions';
import { ProposalDetails } from './ProposalDetails';
import { ProposalStatusBadge } from './StatusBadge';
import { SuggestionsSection } from './SuggestionsSection';
import { TimelineSection } from './Timeline';
import type { SectionProps } from './section';
import { useNotice, type Notice } from './useNotice';
import { VersionsSection } from './VersionsSection';
import { WorkflowActions } from './WorkflowActions';

/** /proposals/:id */
export function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery(PROPOSAL_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  // While the cache briefly lacks a field (another query wrote part of the proposal), keep showing the
  // page rather than unmounting it: open dialogs and forms would otherwise lose what was typed.
  const previous = query.previousData?.proposal;
  const proposal = query.data?.proposal ?? (!query.error && previous?.id === id ? previous : undefined);
  usePageTitle(proposal?.title ?? t('proposals.title'));
  const { refetch } = query;
  const reload = useCallback(() => refetch().catch(() => undefined), [refetch]);

  if (!proposal) {
    if (query.error) {
      const error = toAppError(query.error);
      if (error.code === 'NOT_FOUND') {
        return (
          <section className="state-page">
            <h1>{t('proposal.notFoundTitle')}</h1>
            <p className="muted">{t('proposal.notFoundBody')}</p>
            <Link to="/proposals" className="button button-primary">
              {t('proposal.backToList')}
            </Link>
          </section>
        );
      }
      return (
        <div className="stack">
          <Breadcrumb />
          <ErrorNotice error={error} title={t('proposal.loadFailed')} onRetry={() => void reload()} />
        </div>
      );
    }
    return <Loading label={t('proposal.loading')} />;
  }
  return <ProposalView key={proposal.id} proposal={proposal} reload={reload} />;
}

function Breadcrumb() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('proposal.breadcrumb')} className="breadcrumb">
      <Link to="/proposals">{t('proposal.backToList')}</Link>
    </nav>
  );
}

function ProposalView({ proposal, reload }: { proposal: ProposalDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const proposalLabels = useProposalLabels();
  const { notice, notify, dismiss } = useNotice();
  const permissions = permissionsOf(proposal, me.id);
  const section: SectionProps = { proposal, permissions, notify, reload };
  const [linkEvidence] = useLinkEvidence(proposal.id);
  const citeEvidence = useCallback(
    async (evidenceId: string) => {
      const citation = citeAtSelection(proposal.id, evidenceId);
      if (!citation) return notify(t('evidencePanel.citeSelectFirst'), 'warning');
      try {
        await linkEvidence({ evidenceId, citationId: citation.citationId, quote: citation.quote, suggestionId: citation.suggestionId });
        notify(t('evidencePanel.cited'), 'success');
      } catch {
        notify(t('evidencePanel.citeFailed'), 'warning');
      }
    },
    [proposal.id, linkEvidence, notify, t],
  );

  return (
    <div className="stack proposal-page">
      <Breadcrumb />
      <header className="proposal-header">
        <div className="proposal-header-text">
          <div className="proposal-header-badges">
            <ProposalStatusBadge status={proposal.status} testId={TEST_IDS.proposalStatus} />
            {proposal.myRole ? (
              <span className="badge badge-outline">{t('proposal.myRole', { role: proposalLabels.proposalRole(proposal.myRole) })}</span>
            ) : (
              <span className="badge badge-outline">{t('proposal.following', { role: labels.role(me.role) })}</span>
            )}
          </div>
          <h1 className="proposal-title" data-testid={TEST_IDS.proposalTitle}>
            {proposal.title}
          </h1>
          <p className="meta">
            <span>{labels.organization(proposal.district)}</span>
            <span>{t('proposals.yearValue', { year: proposal.year })}</span>
            {proposal.target && <span>{proposal.target}</span>}
            <span>{t('proposals.leadAuthor', { name: proposal.leadAuthor.displayName })}</span>
          </p>
        </div>
        <div className="proposal-header-side">
          <FollowButton targetType="proposal" targetId={proposal.id} />
          <ExportActions proposalId={proposal.id} onError={(message) => notify(message, 'warning')} />
          <WorkflowActions {...section} />
        </div>
      </header>

      <div className="proposal-layout">
        <div className="proposal-main">
          <ProposalDetails {...section} />
          <BodySlot proposalId={proposal.id} canEdit={permissions.canEdit} />
          <SuggestionsSection {...section} />
          <EvidencePanel
            proposalId={proposal.id}
            myRole={proposal.myRole}
            notify={notify}
            onCiteEvidence={permissions.canEdit ? citeEvidence : undefined}
          />
          <CommentsSection {...section} />
        </div>
        <div className="proposal-aside">
          <MembersSection {...section} />
          <TimelineSection {...section} />
          <AnswerSection {...section} />
          <VersionsSection {...section} />
        </div>
      </div>

      <NoticeToast notice={notice} onDismiss={dismiss} />
    </div>
  );
}

function NoticeToast({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {notice && (
        <div key={notice.id} className={`toast toast-${notice.kind}`} data-testid={TEST_IDS.proposalNotice} data-kind={notice.kind}>
          <p>{notice.message}</p>
          <button type="button" className="button button-ghost button-small" onClick={onDismiss}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}
