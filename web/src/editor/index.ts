/*
 * The collaborative editor. Import the lazy components (the editor's code then loads only on the
 * pages that show it); `./ProposalEditor` and `./EditorPreviewPage` are the eager modules.
 */
export { ProposalEditorLazy, EditorPreviewPageLazy } from './lazy';
export { EDITOR_TEST_IDS, toolbarTestId } from './testids';
