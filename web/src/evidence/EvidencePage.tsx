import type { TFunction } from 'i18next';
import { useMutation, useQuery } from '@apollo/client';
import { canMoveEvidence } from '@jianyan/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { EVIDENCE_QUERY, PUBLISH_EVIDENCE_MUTATION, WITHDRAW_EVIDENCE_MUTATION, type EvidenceDetail, type PiiFindingView } from '../graphql/evidence';
import { toAppError, type AppError } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { useLabels } from '../i18n/labels';
import { useNotice } from '../proposals/useNotice';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { AttachmentsSection } from './AttachmentsSection';
import { FiguresTable } from './FiguresTable';
import { GrantsSection } from './GrantsSection';
import { useEvidenceLabels } from './labels';
import { MarkNamesDialog } from './MarkNamesDialog';
import { NoticeToast } from './NoticeToast';
import { MaskedText, PiiText } from './PiiText';
import { ProtectionSection } from './ProtectionSection';
import { runChange, type RecordSectionProps } from './recordContext';
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
      if (error.code === 'NOT_FOUND') {
        return (
          <section className="state-page">
            <h1>{t('evidence.notFoundTitle')}</h1>
            <p className="muted">{t('evidence.notFoundBody')}</p>
            <Link to="/evidence" className="button button-primary">
              {t('evidence.backToLibrary')}
            </Link>
          </section>
        );
      }
      return (
        <div className="stack">
          <Breadcrumb />
          <ErrorNotice error={error} title={t('evidence.loadFailed')} onRetry={() => void reload()} />
        </div>
      );
    }
    return <Loading label={t('evidence.loading')} />;
  }
  return <EvidenceView key={evidence.id} evidence={evidence} reload={reload} />;
}

export function Breadcrumb() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('evidence.breadcrumb')} className="breadcrumb">
      <Link to="/evidence">{t('evidence.backToLibrary')}</Link>
    </nav>
  );
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
      <Breadcrumb />
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

/** Draft / withdrawn, and what the viewer sees of the personal data. */
function RecordNotices({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const notices: { key: string; kind: 'info' | 'warning'; lines: string[] }[] = [];
  if (evidence.status === 'draft' && evidence.viewerCanManage) notices.push({ key: 'draft', kind: 'info', lines: [t('evidenceRecord.draftNotice')] });
  if (evidence.status === 'withdrawn') notices.push({ key: 'withdrawn', kind: 'warning', lines: [t('evidenceRecord.withdrawnNotice')] });
  const privacy: string[] = [];
  if (evidence.piiCount > 0) privacy.push(evidence.rawContent ? t('evidenceRecord.rawNotice', { count: evidence.piiCount }) : t('evidenceRecord.maskedNotice', { count: evidence.piiCount }));
  if (evidence.rawContent && evidence.effectiveSensitivity === 'restricted') privacy.push(t('evidenceRecord.rawAudited'));
  if (privacy.length > 0) notices.push({ key: evidence.rawContent ? 'raw' : 'masked', kind: 'info', lines: privacy });
  if (notices.length === 0) return null;
  return (
    <div className="record-notices">
      {notices.map((n) => (
        <div key={n.key} className={`notice notice-${n.kind} notice-compact`} data-notice={n.key}>
          {n.lines.map((line) => (
            <p key={line} className="notice-message">
              {line}
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}

/** Edit, publish, withdraw (the contributor and administrators). */
function RecordActions(props: RecordSectionProps) {
  const { evidence, notify } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const [confirming, setConfirming] = useState<null | 'published' | 'withdrawn'>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [publish, publishing] = useMutation(PUBLISH_EVIDENCE_MUTATION);
  const [withdraw, withdrawing] = useMutation(WITHDRAW_EVIDENCE_MUTATION);
  const busy = publishing.loading || withdrawing.loading;
  const input = { id: evidence.id, expectedVersion: evidence.version };

  async function onConfirm() {
    const to = confirming;
    if (!to) return;
    setError(null);
    const failure = await runChange(t, props, async () => {
      if (to === 'published') await publish({ variables: { input } });
      else await withdraw({ variables: { input } });
      notify(t(to === 'published' ? 'evidenceRecord.published' : 'evidenceRecord.withdrawn'));
    });
    if (failure) setError(failure);
    else setConfirming(null);
  }

  return (
    <div className="proposal-header-side">
      <div className="workflow">
        <Link to={`/evidence/${evidence.id}/edit`} className="button" data-testid={TEST_IDS.evidenceEdit}>
          {t('evidenceRecord.edit')}
        </Link>
        {evidence.status === 'published' && (
          <button type="button" className="button button-danger-outline" onClick={() => setConfirming('withdrawn')} data-testid={TEST_IDS.evidenceWithdraw}>
            {t('evidenceRecord.withdraw')}
          </button>
        )}
        {canMoveEvidence(evidence.status, 'published') && (
          <button type="button" className="button button-primary" onClick={() => setConfirming('published')} data-testid={TEST_IDS.evidencePublish}>
            {evidence.status === 'withdrawn' ? t('evidenceRecord.republish') : t('evidenceRecord.publish')}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'withdrawn' ? t('evidenceRecord.withdrawTitle') : t('evidenceRecord.publishTitle')}
        body={
          confirming === 'withdrawn'
            ? t('evidenceRecord.withdrawBody')
            : t('evidenceRecord.publishBody', { level: labels.sensitivity(evidence.effectiveSensitivity), who: labels.sensitivityWho(evidence.effectiveSensitivity) })
        }
        confirmLabel={confirming === 'withdrawn' ? t('evidenceRecord.withdraw') : t('evidenceRecord.publish')}
        tone={confirming === 'withdrawn' ? 'danger' : 'primary'}
        busy={busy}
        error={error}
        onConfirm={() => void onConfirm()}
        onCancel={() => {
          setConfirming(null);
          setError(null);
        }}
      />
    </div>
  );
}

/** Which field a finding is in, for the list ("标题", "叙述", "数据第 2 项"). */
function fieldLabel(t: TFunction, field: string): string {
  if (field === 'title') return t('evidenceRecord.piiField.title');
  if (field === 'narrative') return t('evidenceRecord.piiField.narrative');
  const figure = /^figures\.(\d+)\.label$/.exec(field);
  return figure ? t('evidenceRecord.piiField.figure', { number: Number(figure[1]) + 1 }) : field;
}

/** The raw text a finding covers (title, narrative or a figure label). */
function findingText(evidence: EvidenceDetail, finding: PiiFindingView): string {
  const source =
    finding.field === 'title'
      ? evidence.title
      : finding.field === 'narrative'
        ? evidence.narrative
        : (evidence.figures[Number(/^figures\.(\d+)\.label$/.exec(finding.field)?.[1] ?? -1)]?.label ?? '');
  return source.slice(finding.start, finding.end);
}

/**
 * 案例叙述, as the viewer may see it: masked by the API unless she may read it raw; for those who
 * may, the personal data found on save is highlighted and listed with the form others see, and
 * managers can mark names to mask.
 */
function NarrativeSection(props: RecordSectionProps) {
  const { evidence } = props;
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const headingId = useId();
  const narrativeRef = useRef<HTMLDivElement>(null);
  const [marking, setMarking] = useState<string | null>(null);
  const findings = evidence.piiFindings ?? [];
  const inNarrative = findings.filter((f) => f.field === 'narrative');

  /** Opens the dialog with the text selected in the narrative, if any. */
  function openMarking() {
    const selection = window.getSelection();
    const inside = selection && narrativeRef.current && selection.rangeCount > 0 && narrativeRef.current.contains(selection.anchorNode);
    setMarking(inside ? selection.toString() : '');
  }

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.narrative')}
        </h2>
        {evidence.viewerCanManage && evidence.rawContent && (
          // Keep the selection in the narrative when the button is pressed.
          <button type="button" className="button button-small" onMouseDown={(event) => event.preventDefault()} onClick={openMarking} data-testid={TEST_IDS.evidenceMarkName}>
            {t('evidenceRecord.markName')}
          </button>
        )}
      </header>
      {evidence.narrative ? (
        <div ref={narrativeRef} className="narrative prewrap" data-testid={TEST_IDS.evidenceNarrative} data-raw={evidence.rawContent}>
          {evidence.rawContent ? <PiiText text={evidence.narrative} highlights={inNarrative} /> : <MaskedText text={evidence.narrative} />}
        </div>
      ) : (
        <p className="muted section-empty" data-testid={TEST_IDS.evidenceNarrative}>
          {t('evidenceRecord.noNarrative')}
        </p>
      )}
      {findings.length > 0 && (
        <div className="pii-panel">
          <h3 className="pii-panel-title">
            {t('evidenceRecord.piiTitle')}
            <span className="count">{findings.length}</span>
          </h3>
          <p className="muted small">{t('evidenceRecord.piiIntro')}</p>
          <ul className="pii-list">
            {findings.map((finding, index) => (
              <li key={index} className="pii-item" data-testid={TEST_IDS.evidencePiiFinding} data-kind={finding.kind} data-field={finding.field} data-masked={finding.masked}>
                <span className={`pii-kind pii-kind-${finding.kind}`}>{labels.piiKind(finding.kind)}</span>
                <span className="pii-where muted small">{fieldLabel(t, finding.field)}</span>
                <mark className={`pii pii-${finding.kind} pii-raw`}>{findingText(evidence, finding)}</mark>
                <span className="pii-arrow" aria-hidden="true">
                  →
                </span>
                <code className="pii-masked" aria-label={t('evidenceRecord.piiMaskedAs', { masked: finding.masked })}>
                  {finding.masked}
                </code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <MarkNamesDialog {...props} open={marking !== null} selection={marking ?? ''} onClose={() => setMarking(null)} />
    </section>
  );
}

function FiguresSection({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.figures')}
          <span className="count">{evidence.figures.length}</span>
        </h2>
      </header>
      {evidence.figures.length === 0 ? <p className="muted section-empty">{t('evidenceRecord.noFigures')}</p> : <FiguresTable figures={evidence.figures} caption={t('evidenceRecord.figures')} />}
    </section>
  );
}

function DetailsSection({ evidence }: { evidence: EvidenceDetail }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  const orgLabels = useLabels();
  const format = useFormat();
  const headingId = useId();
  const place = [evidence.district ? orgLabels.organization(evidence.district) : null, evidence.town, evidence.community].filter(Boolean).join(' · ');
  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('evidenceRecord.details')}
        </h2>
      </header>
      <dl className="details-grid details-grid-single">
        <div>
          <dt>{t('evidenceRecord.date')}</dt>
          <dd>{labels.period(evidence.dateFrom, evidence.dateTo)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.place')}</dt>
          <dd>{place || <span className="muted">{t('evidenceRecord.noPlace')}</span>}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.sourceType')}</dt>
          <dd>{labels.sourceType(evidence.sourceType)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.populations')}</dt>
          <dd>
            {evidence.populations.length === 0 ? (
              <span className="muted">{t('evidenceRecord.none')}</span>
            ) : (
              <ul className="tags tags-small">
                {evidence.populations.map((p) => (
                  <li key={p} className="tag tag-population">
                    {labels.population(p)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.themes')}</dt>
          <dd>
            {evidence.themes.length === 0 ? (
              <span className="muted">{t('evidenceRecord.none')}</span>
            ) : (
              <ul className="tags tags-small">
                {evidence.themes.map((theme) => (
                  <li key={theme} className="tag">
                    {labels.theme(theme)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.contributor')}</dt>
          <dd>{evidence.contributor.displayName}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.organization')}</dt>
          <dd>{orgLabels.organization(evidence.organization)}</dd>
        </div>
        <div>
          <dt>{t('evidenceRecord.createdAt')}</dt>
          <dd>{format.dateTime(evidence.createdAt)}</dd>
        </div>
        {evidence.publishedAt && (
          <div>
            <dt>{t('evidenceRecord.publishedAt')}</dt>
            <dd>{format.dateTime(evidence.publishedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('evidenceRecord.updatedAt')}</dt>
          <dd>
            {format.dateTime(evidence.updatedAt)} · {t('evidenceRecord.version')} {evidence.version}
          </dd>
        </div>
      </dl>
    </section>
  );
}
