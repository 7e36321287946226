/**
 * `data-testid`s of the collaborative editor (never rename one, only add):
 *
 *   proposal-editor     wrapper of the editable text (`[data-testid=proposal-editor] .ProseMirror`)
 *   editor-toolbar      formatting toolbar (absent when read-only)
 *   toolbar-<command>   toolbar buttons: toolbar-bold, toolbar-suggestion, toolbar-undo…
 *   presence-user       one person in the document (text: display name; data-self="true" for oneself)
 *   connection-status   save / connection indicator, data-state = saved | saving | offline | readonly
 *   editor-preview-page the page at /proposals/:id/edit
 *   comment-anchor-dialog        dialog of the first comment on the selected text (toolbar-comment opens it)
 *   comment-anchor-dialog-input  its text
 *   comment-anchor-dialog-submit its post button
 *   editor-size-refusal the notice of a change refused for the document's size limit
 *   (anchored text in the body: `.comment-anchor[data-comment-thread="<threadId>"]`)
 */
export const EDITOR_TEST_IDS = {
  editor: 'proposal-editor',
  toolbar: 'editor-toolbar',
  presenceUser: 'presence-user',
  connectionStatus: 'connection-status',
  previewPage: 'editor-preview-page',
  commentDialog: 'comment-anchor-dialog',
  commentDialogInput: 'comment-anchor-dialog-input',
  commentDialogSubmit: 'comment-anchor-dialog-submit',
  sizeRefusal: 'editor-size-refusal',
} as const;

export function toolbarTestId<C extends string>(command: C): `toolbar-${C}` {
  return `toolbar-${command}`;
}
