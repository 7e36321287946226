import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { TEST_IDS } from '../app/testids';
import { usePageTitle } from '../app/usePageTitle';
import { toAppError } from '../graphql/errors';
import { PROPOSAL_QUERY } from '../graphql/proposals';
import type { ProposalDetail } from '../graphql/types';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { ExportActions, PrintIcon } from './ExportActions';
import { printAuthors, printBlocks, printDay } from './printDocument';

/**
 * /proposals/:id/print — the proposal laid out as a formal Chinese document (title, addressee,
 * body with two-character indents, numbered suggestions with their titles, authors and the day it
 * was handed in), in the order of the Word export, on an A4 sheet on
 * screen and alone on the paper when printed. Rendered without the app shell.
 */
export function ProposalPrintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useQuery(PROPOSAL_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  const proposal = query.data?.proposal;
  const [downloadError, setDownloadError] = useState<string | null>(null);
  usePageTitle(proposal ? t('print.pageTitle', { title: proposal.title }) : t('print.heading'));

  return (
    <div className="print-page">
      <div className="print-toolbar">
        <div className="print-toolbar-inner">
          <Link to={`/proposals/${encodeURIComponent(id)}`} className="print-back">
            {t('print.back')}
          </Link>
          <div className="print-toolbar-text">
            <h1 className="print-toolbar-title">{t('print.heading')}</h1>
            <p className="muted small">{t('print.hint')}</p>
            {downloadError && (
              <p className="field-error" role="alert">
                {downloadError}
              </p>
            )}
          </div>
          <div className="print-toolbar-actions">
            {proposal && <ExportActions proposalId={proposal.id} showPrint={false} onError={setDownloadError} onStart={() => setDownloadError(null)} />}
            <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!proposal}>
              <PrintIcon />
              {t('print.print')}
            </button>
          </div>
        </div>
      </div>
      {proposal ? (
        <FormalDocument proposal={proposal} />
      ) : query.error ? (
        <div className="print-state">
          <ErrorNotice
            error={toAppError(query.error)}
            title={toAppError(query.error).code === 'NOT_FOUND' ? t('proposal.notFoundTitle') : t('proposal.loadFailed')}
            onRetry={() => void query.refetch().catch(() => undefined)}
          />
        </div>
      ) : (
        <Loading label={t('print.loading')} fullPage />
      )}
    </div>
  );
}

function FormalDocument({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  // The document itself is always in Chinese, like the Word export, whatever the interface language.
  const { t: doc } = useTranslation(undefined, { lng: 'zh-CN' });
  const day = printDay(proposal);
  const [year, month, date] = day.split('-').map(Number);
  const blocks = printBlocks(proposal);
  return (
    <article className="print-sheet" lang="zh-CN" aria-label={t('print.documentLabel')} data-testid={TEST_IDS.printView}>
      <h1 className="print-title" data-testid={TEST_IDS.printTitle}>
        {proposal.title}
      </h1>
      {proposal.target?.trim() && <p className="print-addressee">{doc('printDocument.addressee', { target: proposal.target.trim() })}</p>}
      <div className="print-body">
        {blocks.map((block, index) => {
          if (block.kind === 'heading') {
            return (
              <h2 key={index} className="print-heading">
                {block.text}
              </h2>
            );
          }
          if (block.kind === 'suggestion') {
            return (
              <p key={index} className="print-paragraph print-suggestion" data-number={block.number}>
                {block.lead && (block.lead.number || block.lead.title) && (
                  <strong className="print-suggestion-number">
                    {block.lead.number}
                    {block.lead.title}
                  </strong>
                )}
                {block.text}
              </p>
            );
          }
          return (
            <p key={index} className="print-paragraph">
              {block.text}
            </p>
          );
        })}
      </div>
      <div className="print-signature">
        <p>{doc('printDocument.authors', { names: printAuthors(proposal).join(doc('printDocument.separator')) })}</p>
        <p>
          <time dateTime={day}>{doc('printDocument.date', { year, month, day: date })}</time>
        </p>
      </div>
    </article>
  );
}
