import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client';
import { EVIDENCE_LINK_NOTE_MAX_LENGTH, EVIDENCE_LINK_QUOTE_MAX_LENGTH, capabilitiesOf, type ProposalRole } from '@jianyan/shared';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { FiguresInline } from '../evidence/FiguresTable';
import { useEvidenceLabels } from '../evidence/labels';
import { LockIcon, SensitivityBadges } from '../evidence/SensitivityBadge';
import {
  EVIDENCE_OPTIONS_QUERY,
  LINK_EVIDENCE_MUTATION,
  PROPOSAL_EVIDENCE_OPERATION,
  PROPOSAL_EVIDENCE_QUERY,
  UNLINK_EVIDENCE_MUTATION,
  type EvidenceOption,
  type LinkEvidenceInput,
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
 * Links evidence to the proposal (a whole-proposal, suggestion or passage link) and refreshes the
 * panel. For the editor's "cite in text": pass citationId and quote.
 */
export function useLinkEvidence(proposalId: string) {
  const [link, state] = useMutation(LINK_EVIDENCE_MUTATION, { refetchQueries: [PROPOSAL_EVIDENCE_OPERATION], awaitRefetchQueries: true });
  const run = useCallback(
    async (input: Omit<LinkEvidenceInput, 'proposalId'>): Promise<ProposalEvidenceLink | null> => {
      const { data } = await link({ variables: { input: { ...input, proposalId } } });
      return data?.linkEvidence ?? null;
    },
    [link, proposalId],
  );
  return [run, state] as const;
}

/** A BAD_USER_INPUT / FORBIDDEN on linking, in words. */
function linkErrorMessage(t: TFunction, error: AppError): string | undefined {
  if (error.code === 'FORBIDDEN') return t('evidencePanel.errors.forbidden');
  if (error.code !== 'BAD_USER_INPUT') return undefined;
  if (error.field === 'suggestionId') return t('evidencePanel.errors.suggestion');
  if (error.field === 'evidenceId') return /already linked/i.test(error.message ?? '') ? t('evidencePanel.errors.alreadyLinked') : t('evidencePanel.errors.notPublished');
  if (error.field === 'note') return t('evidencePanel.noteTooLong', { max: EVIDENCE_LINK_NOTE_MAX_LENGTH });
  if (error.field === 'quote') return t('evidencePanel.quoteTooLong', { max: EVIDENCE_LINK_QUOTE_MAX_LENGTH });
  return undefined;
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
  const proposal = query.data?.proposal;
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

const SEARCH_DELAY_MS = 250;
const RESULTS = 8;

/** Search (as you type, over published evidence the viewer is cleared for), choose, target, note, quote, link. */
function LinkForm({ proposal, notify, onClose }: { proposal: ProposalEvidence; notify: Notify; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<EvidenceOption | null>(null);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [quote, setQuote] = useState('');
  const [chooseHint, setChooseHint] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [linkEvidence, { loading }] = useLinkEvidence(proposal.id);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const options = useQuery(EVIDENCE_OPTIONS_QUERY, {
    variables: { first: RESULTS, filter: { text: search || null, status: 'published' } },
    fetchPolicy: 'cache-and-network',
  });
  const results = options.data?.evidenceList.nodes ?? [];

  /** Where a record is already linked (whole proposal '' or a suggestion id), passages aside. */
  const linkedTargetsOf = (option: EvidenceOption | null) =>
    new Set(option ? proposal.evidenceLinks.all.filter((l) => l.evidence?.id === option.id && !l.citationId).map((l) => l.suggestionId ?? '') : []);
  const linkedTargets = linkedTargetsOf(chosen);

  function choose(option: EvidenceOption) {
    setChosen(option);
    setChooseHint(false);
    setError(null);
    // Move off a target where it is already linked, to the first free one.
    const taken = linkedTargetsOf(option);
    if (taken.has(target)) {
      const free = ['', ...proposal.suggestions.map((s) => s.id)].find((candidate) => !taken.has(candidate));
      if (free !== undefined) setTarget(free);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!chosen) {
      setChooseHint(true);
      return;
    }
    try {
      await linkEvidence({ evidenceId: chosen.id, suggestionId: target || null, note: note.trim() || null, quote: quote.trim() || null });
      notify(t('evidencePanel.linked', { title: chosen.title }));
      onClose();
    } catch (caught) {
      setError(toAppError(caught));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-search`} className="field-label">
          {t('evidencePanel.search')}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input"
          value={typed}
          placeholder={t('evidencePanel.searchPlaceholder')}
          aria-describedby={`${id}-search-hint`}
          aria-controls={`${id}-results`}
          autoComplete="off"
          autoFocus
          onChange={(event) => setTyped(event.target.value)}
          data-testid={TEST_IDS.evidenceLinkSearch}
        />
        <p id={`${id}-search-hint`} className="field-hint">
          {t('evidencePanel.searchHint')}
        </p>
      </div>

      <div className="people evidence-options" aria-busy={options.loading}>
        {options.error ? (
          <ErrorNotice error={toAppError(options.error)} title={t('evidencePanel.searchFailed')} onRetry={() => void options.refetch().catch(() => undefined)} />
        ) : options.loading && results.length === 0 ? (
          <p className="muted small">{t('evidencePanel.searching')}</p>
        ) : results.length === 0 ? (
          <p className="muted small">{t('evidencePanel.noResults')}</p>
        ) : (
          <ul id={`${id}-results`} className="people-list" aria-label={t('evidencePanel.resultsLabel')}>
            {results.map((option) => {
              const selected = chosen?.id === option.id;
              return (
                <li key={option.id}>
                  <button
                    type="button"
                    className={`person-option evidence-option${selected ? ' person-option-selected' : ''}`}
                    aria-pressed={selected}
                    aria-label={t('evidencePanel.choose', { title: option.title })}
                    onClick={() => choose(option)}
                    data-testid={TEST_IDS.evidenceLinkOption}
                    data-evidence-id={option.id}
                  >
                    <span className="person-name evidence-option-title">{option.title}</span>
                    <span className="evidence-option-meta muted small">
                      <span className={`badge sens-badge sens-${option.effectiveSensitivity}`}>
                        <LockIcon level={option.effectiveSensitivity} />
                        {labels.sensitivity(option.effectiveSensitivity)}
                      </span>
                      {labels.sourceType(option.sourceType)} · {labels.period(option.dateFrom, option.dateTo)}
                      {option.district ? ` · ${orgLabels.organization(option.district)}` : ''}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {chooseHint && (
        <p className="field-error" role="alert">
          {t('evidencePanel.chooseFirst')}
        </p>
      )}

      <div className="field">
        <label htmlFor={`${id}-target`} className="field-label">
          {t('evidencePanel.target')}
        </label>
        <select
          id={`${id}-target`}
          className="input"
          value={target}
          aria-describedby={`${id}-target-hint`}
          onChange={(event) => setTarget(event.target.value)}
          data-testid={TEST_IDS.evidenceLinkTarget}
        >
          <option value="" disabled={linkedTargets.has('')}>
            {t('evidencePanel.targetGeneral')}
            {linkedTargets.has('') ? t('evidencePanel.alreadyLinked') : ''}
          </option>
          {proposal.suggestions.map((suggestion) => (
            <option key={suggestion.id} value={suggestion.id} disabled={linkedTargets.has(suggestion.id)}>
              {t('evidencePanel.targetSuggestion', { number: suggestion.number, title: suggestion.title })}
              {linkedTargets.has(suggestion.id) ? t('evidencePanel.alreadyLinked') : ''}
            </option>
          ))}
        </select>
        <p id={`${id}-target-hint`} className="field-hint">
          {t('evidencePanel.targetHint')}
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('evidencePanel.noteLabel')}
          <span className="field-optional">（{t('common.optional')}）</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="input textarea"
          rows={2}
          value={note}
          maxLength={EVIDENCE_LINK_NOTE_MAX_LENGTH}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => setNote(event.target.value)}
        />
        <p id={`${id}-note-hint`} className="field-hint">
          {t('evidencePanel.noteHint')}
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${id}-quote`} className="field-label">
          {t('evidencePanel.quoteLabel')}
          <span className="field-optional">（{t('common.optional')}）</span>
        </label>
        <textarea
          id={`${id}-quote`}
          className="input textarea"
          rows={2}
          value={quote}
          maxLength={EVIDENCE_LINK_QUOTE_MAX_LENGTH}
          aria-describedby={`${id}-quote-hint`}
          onChange={(event) => setQuote(event.target.value)}
        />
        <p id={`${id}-quote-hint`} className="field-hint">
          {t('evidencePanel.quoteHint')}
        </p>
      </div>

      <ErrorNotice error={error} message={error ? linkErrorMessage(t, error) : undefined} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={loading}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={loading} data-testid={TEST_IDS.evidenceLinkSubmit}>
          {loading ? t('common.working') : t('evidencePanel.submit')}
        </button>
      </div>
    </form>
  );
}
