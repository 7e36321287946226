import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEST_IDS } from '../app/testids';
import type { ProposalVersion } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { CompareVersionsDialog } from './CompareVersionsDialog';
import { RestoreVersionDialog } from './RestoreVersionDialog';
import { SaveVersionDialog } from './SaveVersionDialog';
import type { SectionProps } from './section';
import { useVersionLabels } from './versionLabels';
import { VersionViewDialog } from './VersionViewDialog';

type DialogKind = 'save' | 'view' | 'compare' | 'restore';

/**
 * The numbered versions of the proposal, newest first: saved by hand with a name, frozen at each
 * submission, or made by a restore. Anyone who can read the proposal views and compares them;
 * owners and co-authors save and restore while it is draft or in review.
 */
export function VersionsSection(props: SectionProps) {
  const { proposal, permissions } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState<DialogKind | null>(null);
  /** The version of the view, compare or restore dialog; kept while the dialog closes. */
  const [number, setNumber] = useState(0);
  const close = () => setOpen(null);
  const newestFirst = [...proposal.versions].sort((a, b) => b.number - a.number);

  return (
    <section className="card section" aria-labelledby={headingId}>
      <header className="section-header">
        <h2 id={headingId} className="card-title">
          {t('versions.title')}
          {proposal.versions.length > 0 && <span className="count">{proposal.versions.length}</span>}
        </h2>
        {permissions.canEdit && (
          <button type="button" className="button button-small" onClick={() => setOpen('save')} data-testid={TEST_IDS.versionSave}>
            {t('versions.save')}
          </button>
        )}
      </header>
      {newestFirst.length === 0 ? (
        <p className="muted small">{t('versions.empty')}</p>
      ) : (
        <ol className="version-list" aria-label={t('versions.listLabel')}>
          {newestFirst.map((version) => (
            <VersionItem
              key={version.id}
              version={version}
              canRestore={permissions.canEdit}
              onOpen={(dialog) => {
                setNumber(version.number);
                setOpen(dialog);
              }}
            />
          ))}
        </ol>
      )}

      <SaveVersionDialog {...props} open={open === 'save'} onClose={close} />
      <VersionViewDialog {...props} open={open === 'view'} number={number} onClose={close} />
      <CompareVersionsDialog {...props} open={open === 'compare'} number={number} onClose={close} />
      <RestoreVersionDialog {...props} open={open === 'restore'} number={number} onClose={close} />
    </section>
  );
}

function VersionItem({
  version,
  canRestore,
  onOpen,
}: {
  version: ProposalVersion;
  canRestore: boolean;
  onOpen: (dialog: 'view' | 'compare' | 'restore') => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useVersionLabels();
  const named = version.kind === 'manual' && Boolean(version.name?.trim());
  return (
    <li className="version" data-testid={TEST_IDS.versionItem} data-number={version.number} data-kind={version.kind}>
      <div className="version-head">
        <span className="version-number">{labels.numbered(version)}</span>
        <span className={`badge badge-small version-kind version-kind-${version.kind}`}>{labels.kind(version.kind)}</span>
      </div>
      {(named || version.kind === 'restored') && <p className="version-name">{labels.name(version)}</p>}
      <p className="version-meta muted small">
        {version.createdBy.displayName} · <time dateTime={version.createdAt}>{format.dateTime(version.createdAt)}</time>
      </p>
      <div className="version-actions" role="group" aria-label={t('versions.actionsLabel', { number: version.number })}>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onOpen('view')}
          aria-label={t('versions.viewLabel', { number: version.number })}
          data-testid={TEST_IDS.versionView}
        >
          {t('versions.view')}
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onOpen('compare')}
          aria-label={t('versions.compareLabel', { number: version.number })}
          data-testid={TEST_IDS.versionCompare}
        >
          {t('versions.compare')}
        </button>
        {canRestore && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => onOpen('restore')}
            aria-label={t('versions.restoreLabel', { number: version.number })}
            data-testid={TEST_IDS.versionRestore}
          >
            {t('versions.restore')}
          </button>
        )}
      </div>
    </li>
  );
}
