import { gql, useQuery, type TypedDocumentNode } from '@apollo/client';
import { capabilitiesOf, isProposalEditable, type ProposalRole, type ProposalStatus } from '@jianyan/shared';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../app/usePageTitle';
import { toAppError } from '../graphql/errors';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Status';
import { ProposalEditor } from './ProposalEditor';
import { EDITOR_TEST_IDS } from './testids';
import { useEditorText } from './useEditorText';

interface EditorProposalQuery {
  proposal: { id: string; title: string; status: ProposalStatus; myRole: ProposalRole | null };
}

const EDITOR_PROPOSAL_QUERY: TypedDocumentNode<EditorProposalQuery, { id: string }> = gql`
  query EditorProposal($id: ID!) {
    proposal(id: $id) {
      id
      title
      status
      myRole
    }
  }
`;

/** Owners and co-authors, while the proposal is a draft or in review (the server's rule too). */
export function canEditProposalText(proposal: Pick<EditorProposalQuery['proposal'], 'myRole' | 'status'>): boolean {
  return capabilitiesOf(proposal.myRole).canEdit && isProposalEditable(proposal.status);
}

/** /proposals/:id/edit: the proposal's text in the collaborative editor, on a page of its own. */
export function EditorPreviewPage() {
  const { id = '' } = useParams();
  const t = useEditorText();
  const query = useQuery(EDITOR_PROPOSAL_QUERY, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const proposal = query.data?.proposal;
  usePageTitle(proposal ? `${t('preview.title')} · ${proposal.title}` : t('preview.title'));

  const back = (
    <nav className="breadcrumb">
      <Link to={`/proposals/${id}`}>{t('preview.back')}</Link>
    </nav>
  );

  if (!proposal) {
    if (query.error) {
      const error = toAppError(query.error);
      return (
        <div className="stack">
          {back}
          <ErrorNotice error={error} message={error.code === 'NOT_FOUND' ? t('preview.notFound') : undefined} title={t('preview.loadFailed')} />
        </div>
      );
    }
    return <Loading label={t('preview.loading')} />;
  }

  const canEdit = canEditProposalText(proposal);
  return (
    <div className="stack pe-page" data-testid={EDITOR_TEST_IDS.previewPage}>
      {back}
      <header>
        <p className="pe-page-kicker">{canEdit ? t('preview.title') : t('preview.readOnlyTitle')}</p>
        <h1 className="pe-page-title">{proposal.title}</h1>
      </header>
      <ProposalEditor key={proposal.id} proposalId={proposal.id} canEdit={canEdit} />
    </div>
  );
}
