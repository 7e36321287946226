import { useApolloClient, useMutation } from '@apollo/client';
import { BULK_PUBLISH_REFUSED, ERROR_CODES, EVIDENCE_STATUSES, type EvidenceStatus } from '@jianyan/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import { EVIDENCE_FACETS_OPERATION, EVIDENCE_LIST_OPERATION, PUBLISH_EVIDENCE_MANY_MUTATION, type EvidenceSummary } from '../graphql/evidence';
import { graphQLErrorsOf, toAppError, type AppError } from '../graphql/errors';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useEvidenceLabels } from './labels';

const FAILURE_CODES = [ERROR_CODES.notFound, ERROR_CODES.forbidden, ERROR_CODES.badUserInput] as const;
type FailureCode = (typeof FAILURE_CODES)[number];

/** One record the server refused to publish, and why. */
interface BulkFailure {
  id: string;
  code: FailureCode;
  status: EvidenceStatus | null;
}

/** The per-record failures of a refused bulk publish (nothing was published), or null for another error. */
function failuresOf(error: unknown): BulkFailure[] | null {
  const extensions = graphQLErrorsOf(error)[0]?.extensions;
  if (extensions?.reason !== BULK_PUBLISH_REFUSED || !Array.isArray(extensions.failures)) return null;
  return (extensions.failures as Record<string, unknown>[]).flatMap((f) =>
    typeof f.id === 'string' && (FAILURE_CODES as readonly unknown[]).includes(f.code)
      ? [{ id: f.id, code: f.code as FailureCode, status: (EVIDENCE_STATUSES as readonly unknown[]).includes(f.status) ? (f.status as EvidenceStatus) : null }]
      : [],
  );
}

interface PublishState {
  published: number | null;
  failures: BulkFailure[] | null;
  error: AppError | null;
}

/** publishEvidenceMany, with its outcome kept for BulkPublishOutcome; the library and facets reload after it. */
export function usePublishMany() {
  const client = useApolloClient();
  const [run, mutation] = useMutation(PUBLISH_EVIDENCE_MANY_MUTATION);
  const [state, setState] = useState<PublishState>({ published: null, failures: null, error: null });

  async function publish(ids: string[]): Promise<string[]> {
    setState({ published: null, failures: null, error: null });
    try {
      const { data } = await run({ variables: { input: { ids } } });
      const published = (data?.publishEvidenceMany ?? []).map((e) => e.id);
      setState({ published: published.length, failures: null, error: null });
      void client.refetchQueries({ include: [EVIDENCE_LIST_OPERATION, EVIDENCE_FACETS_OPERATION] }).catch(() => undefined);
      return published;
    } catch (caught) {
      setState({ published: null, failures: failuresOf(caught), error: toAppError(caught) });
      return [];
    }
  }

  return { publish, busy: mutation.loading, state };
}

/** What came of a bulk publish: how many were published, or which records stood in the way. */
export function BulkPublishOutcome({ state, titleOf }: { state: PublishState; titleOf: (id: string) => string }) {
  const { t } = useTranslation();
  const labels = useEvidenceLabels();
  if (state.published !== null) return <SuccessNotice message={t('evidenceBulk.published', { count: state.published })} />;
  if (state.failures && state.failures.length > 0) {
    return (
      <div className="notice notice-error" role="alert" data-testid={TEST_IDS.bulkPublishRefused}>
        <p className="notice-title">{t('evidenceBulk.refusedTitle', { count: state.failures.length })}</p>
        <ul className="import-error-list">
          {state.failures.map((f) => (
            <li key={f.id} data-evidence-id={f.id} data-code={f.code}>
              <strong>{titleOf(f.id)}</strong> {t(`evidenceBulk.failure.${f.code}`, { status: f.status ? labels.status(f.status) : '' })}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <ErrorNotice error={state.error} title={state.error ? t('evidenceBulk.failed') : undefined} />;
}

type Imported = Pick<EvidenceSummary, 'id' | 'title' | 'status'>;

/** After an import: "发布这 N 条" publishes the drafts just imported, all at once. */
export function PublishImported({ records }: { records: Imported[] }) {
  const { t } = useTranslation();
  const { publish, busy, state } = usePublishMany();
  const [done, setDone] = useState<Set<string>>(new Set());
  const drafts = records.filter((r) => r.status === 'draft' && !done.has(r.id));
  const titles = new Map(records.map((r) => [r.id, r.title]));
  return (
    <div className="stack">
      <BulkPublishOutcome state={state} titleOf={(id) => titles.get(id) ?? id} />
      {drafts.length > 0 && (
        <div className="form-actions form-actions-start">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void publish(drafts.map((d) => d.id)).then((ids) => setDone(new Set([...done, ...ids])))}
            data-testid={TEST_IDS.bulkPublishImported}
          >
            {busy ? t('evidenceBulk.publishing') : t('evidenceBulk.publishImported', { count: drafts.length })}
          </button>
        </div>
      )}
    </div>
  );
}

interface LibrarySelectionProps {
  /** The records on the page the viewer may publish. */
  selectable: EvidenceSummary[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}

/** The library filtered to drafts: select records on the page and publish them at once. */
export function LibrarySelectionBar({ selectable, selected, onChange }: LibrarySelectionProps) {
  const { t } = useTranslation();
  const { publish, busy, state } = usePublishMany();
  const titles = new Map(selectable.map((r) => [r.id, r.title]));
  const ids = [...selected];
  return (
    <section className="card section bulk-publish" aria-label={t('evidenceBulk.selectionLabel')}>
      <p className="muted small">{t('evidenceBulk.selectHint')}</p>
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-small" onClick={() => onChange(new Set(selectable.map((r) => r.id)))} disabled={selectable.length === 0}>
          {t('evidenceBulk.selectAll')}
        </button>
        <button type="button" className="button button-small" onClick={() => onChange(new Set())} disabled={ids.length === 0}>
          {t('evidenceBulk.clearSelection')}
        </button>
        <button
          type="button"
          className="button button-primary button-small"
          disabled={ids.length === 0 || busy}
          onClick={() => void publish(ids).then((published) => published.length > 0 && onChange(new Set()))}
          data-testid={TEST_IDS.bulkPublishSelected}
        >
          {busy ? t('evidenceBulk.publishing') : t('evidenceBulk.publishSelected', { count: ids.length })}
        </button>
      </div>
      <BulkPublishOutcome state={state} titleOf={(id) => titles.get(id) ?? id} />
    </section>
  );
}

/** The checkbox of one record in the library's selection. */
export function SelectRecord({ title, checked, onToggle }: { title: string; checked: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <input
      type="checkbox"
      className="evidence-row-select"
      checked={checked}
      onChange={onToggle}
      aria-label={t('evidenceBulk.selectRow', { title })}
      data-testid={TEST_IDS.bulkPublishSelect}
    />
  );
}
