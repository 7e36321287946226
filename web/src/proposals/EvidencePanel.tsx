import { useMutation, useQuery } from '@apollo/client';
import { capabilitiesOf, type ProposalRole } from '@jianyan/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { FiguresInline } from '../evidence/FiguresTable';
import { useEvidenceLabels } from '../evidence/labels';
import { LockIcon, SensitivityBadges } from '../evidence/SensitivityBadge';
import {
  PROPOSAL_EVIDENCE_OPERATION,
  PROPOSAL_EVIDENCE_QUERY,
  UNLINK_EVIDENCE_MUTATION,
  type ProposalEvidence,
  type ProposalEvidenceLink,
} from '../graphql/evidence';
import { toAppError, type AppError } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { LinkForm } from './EvidenceLinkForm';
import { useLinkEvidence } from './useLinkEvidence';
import type { Notify } from './useNotice';
import '../evidence/evidence.css';

/**
 * Cites one piece of evidence in the proposal's text. The editor provides it: it wraps the current
 * selection in an `evidenceCitation` mark (shared/src/editor: attrs evidenceId and a new
 * citationId) and records the passage link with `useLinkEvidence(proposalId)` ({ evidenceId,
 * citationId, quote: the selected text, suggestionId when the selection is inside one }).
 */
export type CiteEvidenceHandler = (evidenceId: string) => void;

export interface EvidencePanelProps {
  proposalId: string;
  /** The caller's role on the proposal: owners and co-authors link and unlink. */
  myRole: ProposalRole | null;
  notify: Notify;
  /** When given (by the editor), each visible link offers "cite in text". */
  onCiteEvidence?: CiteEvidenceHandler;
}

/**
 * 证据: the evidence linked to the proposal, grouped as the API groups it (the whole proposal,
 * then each suggestion). Evidence the viewer is not cleared for shows as a placeholder that says
 * so and nothing else. Owners and co-authors link evidence (search as you type) and unlink it.
 */
export function EvidencePanel({ proposalId, myRole, notify, onCiteEvidence }: EvidencePanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useQuery(PROPOSAL_EVIDENCE_QUERY, { variables: { id: proposalId }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const previous = query.previousData?.proposal;
  const proposal = query.data?.proposal ?? (!query.error && previous?.id === proposalId ? previous : undefined);
  // The API lets owners and co-authors link whatever the proposal's status.
  const canEdit = capabilitiesOf(myRole).canEdit;
  const [linking, setLinking] = useState(false);
  const [unlinking, setUnlinking] = useState<ProposalEvidenceLink | null>(null);
  const [unlinkError, setUnlinkError] = useState<AppError | null>(null);
  const [unlink, unlinkState] = useMutation(UNLINK_EVIDENCE_MUTATION, { refetchQueries: [PROPOSAL_EVIDENCE_OPERATION], awaitRefetchQueries: true });
  const total = proposal?.evidenceLinks.all.length ?? 0;

  async function onUnlink() {
    if (!unlinking) return;
    setUnlinkError(null);
    try {
      await unlink({ variables: { linkId: unlinking.id } });
      setUnlinking(null);
      notify(t('evidencePanel.unlinked'));
    } catch (caught) {
      setUnlinkError(toAppError(caught));
    }
  }

  return (
    <section className="card section evidence-panel" aria-labelledby={headingId} data-testid={TEST_IDS.evidencePanel} aria-busy={query.loading}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidencePanel.title')}
          <span className="count">{total}</span>
        </h2>
        {canEdit && (
          <button type="button" className="button button-small" onClick={() => setLinking(true)} data-testid={TEST_IDS.evidenceLinkAdd}>
            {t('evidencePanel.add')}
          </button>
        )}
      </header>
      {!proposal ? (
        query.error ? (
          <ErrorNotice error={toAppError(query.error)} title={t('evidencePanel.loadFailed')} onRetry={() => void query.refetch().catch(() => undefined)} />
        ) : (
          <Loading label={t('evidencePanel.loading')} />
        )
      ) : total === 0 ? (
        <EmptyState>
          <p>{t('evidencePanel.empty')}</p>
          {canEdit && <p>{t('evidencePanel.emptyEditable')}</p>}
        </EmptyState>
      ) : (
        <>
          <p className="muted small section-intro">{t('evidencePanel.intro')}</p>
          <LinkGroups proposal={proposal} canEdit={canEdit} onUnlink={setUnlinking} onCiteEvidence={onCiteEvidence} />
        </>
      )}
      {proposal && (
        <Dialog open={linking} title={t('evidencePanel.dialogTitle')} onClose={() => setLinking(false)}>
          <LinkForm proposal={proposal} notify={notify} onClose={() => setLinking(false)} />
        </Dialog>
      )}
      <ConfirmDialog
        open={unlinking !== null}
        title={t('evidencePanel.unlinkTitle')}
        body={
          unlinking?.evidence ? t('evidencePanel.unlinkBody', { title: unlinking.evidence.title }) : unlinking ? t('evidencePanel.unlinkPlaceholderBody') : ''
        }
        confirmLabel={t('evidencePanel.unlink')}
        tone="danger"
        busy={unlinkState.loading}
        error={unlinkError}
        onConfirm={() => void onUnlink()}
        onCancel={() => {
          setUnlinking(null);
          setUnlinkError(null);
        }}
      />
    </section>
  );
}

interface LinkGroupsProps {
  proposal: ProposalEvidence;
  canEdit: boolean;
  onUnlink: (link: ProposalEvidenceLink) => void;
  onCiteEvidence?: CiteEvidenceHandler;
}

/** The whole-proposal links first, then each suggestion's, in the suggestions' order. */
function LinkGroups({ proposal, canEdit, onUnlink, onCiteEvidence }: LinkGroupsProps) {
  const { t } = useTranslation();
  const { general, bySuggestion } = proposal.evidenceLinks;
  const numberOf = new Map(proposal.suggestions.map((s) => [s.id, s]));
  const groups = [...bySuggestion].sort((a, b) => (numberOf.get(a.suggestionId)?.number ?? Infinity) - (numberOf.get(b.suggestionId)?.number ?? Infinity));
  return (
    <div className="link-groups">
      {general.length > 0 && (
        <LinkGroup title={t('evidencePanel.general')} suggestionId="" links={general} canEdit={canEdit} onUnlink={onUnlink} onCiteEvidence={onCiteEvidence} />
      )}
      {groups.map((group) => {
        const suggestion = numberOf.get(group.suggestionId);
        return (
          <LinkGroup
            key={group.suggestionId}
            title={suggestion ? t('evidencePanel.suggestionGroup', { number: suggestion.number, title: suggestion.title }) : t('evidencePanel.suggestionGone')}
            suggestionId={group.suggestionId}
            links={group.links}
            canEdit={canEdit}
            onUnlink={onUnlink}
            onCiteEvidence={onCiteEvidence}
          />
        );
      })}
    </div>
  );
}

interface LinkGroupProps {
  title: string;
  suggestionId: string;
  links: ProposalEvidenceLink[];
  canEdit: boolean;
  onUnlink: (link: ProposalEvidenceLink) => void;
  onCiteEvidence?: CiteEvidenceHandler;
}

function LinkGroup({ title, suggestionId, links, canEdit, onUnlink, onCiteEvidence }: LinkGroupProps) {
  const headingId = useId();
  return (
    <section className="link-group" aria-labelledby={headingId} data-testid={TEST_IDS.evidenceLinkGroup} data-suggestion-id={suggestionId}>
      <h3 id={headingId} className="link-group-title">
        {title}
        <span className="count">{links.length}</span>
      </h3>
      <ul className="link-list">
        {links.map((link) =>
          link.restricted || !link.evidence ? (
            <Placeholder key={link.id} link={link} canEdit={canEdit} onUnlink={onUnlink} />
          ) : (
            <LinkItem key={link.id} link={link} canEdit={canEdit} onUnlink={onUnlink} onCiteEvidence={onCiteEvidence} />
          ),
        )}
      </ul>
    </section>
  );
}

/** A link to evidence the viewer is not cleared for: it says so, and shows nothing of the evidence. */
function Placeholder({ link, canEdit, onUnlink }: { link: ProposalEvidenceLink; canEdit: boolean; onUnlink: (link: ProposalEvidenceLink) => void }) {
  const { t } = useTranslation();
  return (
    <li className="evidence-link evidence-link-restricted" data-testid={TEST_IDS.evidencePlaceholder}>
      <span className="placeholder-icon" aria-hidden="true">
        <LockIcon level="restricted" />
      </span>
      <div className="evidence-link-body">
        <p className="placeholder-text">{t('evidencePanel.placeholder')}</p>
        <p className="muted small">{t('evidencePanel.placeholderHint')}</p>
      </div>
      {canEdit && (
        <div className="evidence-link-actions">
          <button
            type="button"
            className="button button-ghost button-small button-danger-text"
            aria-label={t('evidencePanel.unlinkPlaceholderLabel')}
            onClick={() => onUnlink(link)}
            data-testid={TEST_IDS.evidenceLinkUnlink}
          >
            {t('evidencePanel.unlink')}
          </button>
        </div>
      )}
    </li>
  );
}

interface LinkItemProps {
  link: ProposalEvidenceLink;
  canEdit: boolean;
  onUnlink: (link: ProposalEvidenceLink) => void;
  onCiteEvidence?: CiteEvidenceHandler;
}

function LinkItem({ link, canEdit, onUnlink, onCiteEvidence }: LinkItemProps) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const evidence = link.evidence!;
  return (
    <li className="evidence-link" data-testid={TEST_IDS.evidenceLinkItem} data-evidence-id={evidence.id} data-link-id={link.id} data-kind={link.kind}>
      <div className="evidence-link-body">
        <div className="evidence-link-head">
          <Link to={`/evidence/${evidence.id}`} className="evidence-link-title">
            {evidence.title}
          </Link>
          <span className="evidence-link-badges">
            <SensitivityBadges record={evidence} compact />
          </span>
        </div>
        <p className="meta">
          <span>{labels.sourceType(evidence.sourceType)}</span>
          <span>{labels.period(evidence.dateFrom, evidence.dateTo)}</span>
          {evidence.district && <span>{orgLabels.organization(evidence.district)}</span>}
        </p>
        <FiguresInline figures={evidence.figures} />
        {link.quote && (
          <blockquote className="link-quote" aria-label={t('evidencePanel.quote')}>
            {link.quote}
          </blockquote>
        )}
        {link.note && (
          <p className="link-note">
            <span className="link-note-label">{t('evidencePanel.note')}</span>
            {link.note}
          </p>
        )}
        <p className="muted small">{t('evidencePanel.linkedBy', { name: link.createdBy.displayName, date: format.date(link.createdAt) })}</p>
      </div>
      {(canEdit || onCiteEvidence) && (
        <div className="evidence-link-actions">
          {onCiteEvidence && canEdit && (
            <button
              type="button"
              className="button button-small"
              aria-label={t('evidencePanel.citeLabel', { title: evidence.title })}
              onClick={() => onCiteEvidence(evidence.id)}
              data-testid={TEST_IDS.evidenceCite}
            >
              {t('evidencePanel.cite')}
            </button>
          )}
          {canEdit && (
            <button
              type="button"
              className="button button-ghost button-small button-danger-text"
              aria-label={t('evidencePanel.unlinkLabel', { title: evidence.title })}
              onClick={() => onUnlink(link)}
              data-testid={TEST_IDS.evidenceLinkUnlink}
            >
              {t('evidencePanel.unlink')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

export { useLinkEvidence };
