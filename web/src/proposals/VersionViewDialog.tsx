import { useTranslation } from 'react-i18next';
import type { ProposalVersionDetail } from '../graphql/types';
import { useFormat } from '../i18n/format';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import type { SectionProps } from './section';
import { TextParagraphs } from './TextParagraphs';
import { useProposalVersions } from './useProposalVersions';
import { useVersionLabels } from './versionLabels';

interface VersionViewDialogProps extends SectionProps {
  open: boolean;
  number: number;
  onClose: () => void;
}

/** One version, read-only: its title, summary, numbered suggestions and body, paragraphs kept. */
export function VersionViewDialog({ open, number, onClose, ...props }: VersionViewDialogProps) {
  const labels = useVersionLabels();
  const listed = props.proposal.versions.find((v) => v.number === number);
  return (
    <Dialog open={open} title={listed ? labels.full(listed) : labels.numbered({ number })} onClose={onClose}>
      <VersionContent {...props} number={number} />
    </Dialog>
  );
}

function VersionContent({ proposal, number }: SectionProps & { number: number }) {
  const { t } = useTranslation();
  const versions = useProposalVersions(proposal);
  const version = versions.version(number);
  if (!version) {
    if (versions.error) return <ErrorNotice error={versions.error} title={t('versions.loadFailed')} onRetry={versions.retry} />;
    if (versions.loading) return <Loading label={t('versions.loading')} />;
    return <p className="notice notice-info">{t('versions.notFound')}</p>;
  }
  return <VersionDocument version={version} />;
}

function VersionDocument({ version }: { version: ProposalVersionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useVersionLabels();
  const suggestions = [...version.suggestions].sort((a, b) => a.number - b.number);
  return (
    <div className="version-document dialog-wide">
      <p className="muted small version-document-meta">
        {t('versions.viewMeta', { kind: labels.kind(version.kind), name: version.createdBy.displayName, date: format.dateTime(version.createdAt) })}
        <span className="version-readonly">{t('versions.readOnly')}</span>
      </p>
      <div className="version-document-scroll">
        <section className="version-part">
          <h3 className="version-part-title">{t('versions.versionTitle')}</h3>
          <p className="version-doc-title">{version.title}</p>
        </section>
        <section className="version-part">
          <h3 className="version-part-title">{t('versions.summary')}</h3>
          {version.summary.trim() ? <TextParagraphs text={version.summary} /> : <p className="muted">{t('versions.noSummary')}</p>}
        </section>
        <section className="version-part">
          <h3 className="version-part-title">{t('versions.suggestions')}</h3>
          {suggestions.length === 0 ? (
            <p className="muted">{t('versions.noSuggestions')}</p>
          ) : (
            <ol className="version-suggestions">
              {suggestions.map((s) => (
                <li key={s.number} className="version-suggestion">
                  <span className="suggestion-number">{s.number}.</span>
                  <div>
                    <p className="version-suggestion-title">{s.title}</p>
                    {s.text.trim() && <TextParagraphs text={s.text} />}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="version-part">
          <h3 className="version-part-title">{t('versions.body')}</h3>
          {version.bodyText?.trim() ? <TextParagraphs text={version.bodyText} className="text-paragraphs body-text" /> : <p className="muted">{t('versions.noBody')}</p>}
        </section>
      </div>
    </div>
  );
}
