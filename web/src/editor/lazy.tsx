import { lazy, Suspense } from 'react';
import { Loading } from '../ui/Status';
import type { ProposalEditorProps } from './ProposalEditor';
import { useEditorText } from './useEditorText';

/*
 * The editor (tiptap, ProseMirror, Yjs: ~600 kB) in a chunk of its own, loaded when a page shows
 * it, so the rest of the app does not download it. Mount these rather than the modules directly.
 */
const ProposalEditorChunk = lazy(() => import('./ProposalEditor').then((module) => ({ default: module.ProposalEditor })));
const EditorPreviewPageChunk = lazy(() => import('./EditorPreviewPage').then((module) => ({ default: module.EditorPreviewPage })));

function EditorLoading() {
  const t = useEditorText();
  return <Loading label={t('editor.loading')} />;
}

/** `<ProposalEditor proposalId canEdit />`, loaded on demand. */
export function ProposalEditorLazy(props: ProposalEditorProps) {
  return (
    <Suspense fallback={<EditorLoading />}>
      <ProposalEditorChunk {...props} />
    </Suspense>
  );
}

/** The /proposals/:id/edit page, loaded on demand. */
export function EditorPreviewPageLazy() {
  return (
    <Suspense fallback={<EditorLoading />}>
      <EditorPreviewPageChunk />
    </Suspense>
  );
}
