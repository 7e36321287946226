/**
 * Stable `data-testid` values for end-to-end tests. Tests depend on them: never rename one,
 * only add. Use these constants in components instead of string literals.
 *
 *   login-identifier        login page: e-mail or mobile number input
 *   login-password          login page: password input
 *   login-submit            login page: submit button
 *   login-error             login page: error message (wrong credentials, lock-out, network, invalid input)
 *   current-user-name       top bar: display name of the signed-in user
 *   language-switch         button toggling the interface between zh-CN and en (top bar and login page)
 *   logout                  top bar: sign-out button
 *   nav-home                navigation: Home (首页)
 *   nav-users               navigation: Users (用户管理), only for administrators
 *   home-greeting           home page: greeting with the user's name
 *   change-password         top bar: opens the change-password dialog
 *   change-password-submit  change-password dialog: submit button
 *   users-table             admin users page: the table of accounts
 *   users-create            admin users page: opens the create-user dialog
 *   create-user-submit      create-user dialog: submit button
 *   temporary-password      admin users page: the generated temporary password (shown once)
 *   confirm-dialog-confirm  any confirmation dialog: the confirm button
 *   no-permission           "no permission" state of a page the user's role may not open
 *   not-found               404 page
 *   nav-proposals           navigation: Proposals (建议), every signed-in role
 *   proposal-new            proposal list: opens the create form (members, leaders, admins)
 *   proposal-title-input    proposal create / edit form: title
 *   proposal-year-input     proposal create / edit form: year
 *   proposal-district-select proposal create / edit form: district
 *   proposal-create-submit  proposal create form: submit button
 *   proposal-list           proposal list: the list of proposals
 *   proposal-row            proposal list: one proposal (its title links to the proposal page)
 *   proposals-next          proposal list: next page
 *   proposals-previous      proposal list: previous page
 *   proposal-filter-text    proposal list: title search
 *   proposal-filter-status  proposal list: status filter
 *   proposal-filter-mine    proposal list: "only mine" checkbox
 *   proposal-title          proposal page: the title heading
 *   proposal-status         proposal page: the status badge
 *   proposal-edit           proposal page: opens the in-place edit form of the details
 *   proposal-save           proposal page: saves the edited details
 *   proposal-notice         proposal page: success / conflict notices
 *   proposal-body-slot      proposal page: section where the collaborative editor is mounted
 *   transition-<status>     proposal page: workflow buttons (transition-in_review, transition-submitted…)
 *   answer-submit           record-official-reply form: submit button
 *   suggestion-add          proposal page: opens the new-suggestion form
 *   suggestion-title-input  suggestion form: title
 *   suggestion-text-input   suggestion form: text
 *   suggestion-save         suggestion form: save button
 *   suggestion-item         proposal page: one suggestion
 *   suggestion-status-change suggestion: opens the "record outcome" dialog
 *   member-add              proposal page: opens the add-member dialog (owners)
 *   member-search           add-member dialog: search input
 *   member-option           add-member dialog: one person found
 *   member-role-select      add-member dialog: role of the new member
 *   member-add-submit       add-member dialog: submit button
 *   member-item             proposal page: one member
 *   timeline                proposal page: the status timeline (oldest first)
 *   timeline-item           proposal page: one timeline entry (data-entity, data-status attributes)
 *   comment-input           comment form: text
 *   comment-submit          comment form: post button
 *   comment-item            one comment (first comment or reply)
 *   version-save            proposal page: opens the save-a-named-version dialog (owners, co-authors, while editable)
 *   version-name-input      save-version dialog: the name
 *   version-save-submit     save-version dialog: submit button
 *   version-item            proposal page: one version (data-number, data-kind attributes)
 *   version-view            version: opens the read-only view of that version
 *   version-compare         version: opens the comparison, that version against the current text
 *   version-restore         version: opens the restore confirmation (owners, co-authors, while editable)
 *   diff-view               compare dialog: the differences, paragraph by paragraph
 *   diff-insert             diff view: one run of inserted text (<ins>)
 *   diff-delete             diff view: one run of deleted text (<del>)
 *   export-docx             proposal page: link downloading the proposal as a Word document
 *   print-view              print page (/proposals/:id/print): the formal document
 *   print-title             print page: the centered title of the document
 *   nav-evidence            navigation: Evidence library (证据库), every signed-in role
 *   nav-audit               navigation: Audit log (审计日志), only for administrators
 *   evidence-list           evidence library: the list of records
 *   evidence-row            evidence library: one record (data-evidence-id; its title links to the record page)
 *   evidence-filter-text    evidence library: the words search
 *   evidence-facets         evidence library: the facet counts (data-total: records counted)
 *   evidence-facet-option   evidence library: one facet value with its count (data-facet, data-value, aria-pressed)
 *   evidence-new            evidence library: opens the new-record form (contributors, members, admins)
 *   evidence-import         evidence library: opens the import page (contributors, members, admins)
 *   evidence-export-csv     evidence library: exports the current results as CSV
 *   evidence-export-xlsx    evidence library: exports the current results as XLSX
 *   evidence-title-input    evidence form: title
 *   evidence-narrative-input evidence form: narrative (personal data highlighted as you type)
 *   evidence-sensitivity-select evidence form: sensitivity level
 *   evidence-district-select evidence form: district
 *   evidence-source-type-select evidence form: source type
 *   evidence-date-from-input evidence form: date (start of the period)
 *   evidence-save           evidence form: save button
 *   evidence-pii-finding    evidence form and record page: one piece of personal data found (data-kind, data-masked)
 *   evidence-detail-title   evidence record page: the title heading
 *   evidence-status         evidence record page: the status badge (data-status)
 *   evidence-sensitivity    evidence record page / library row: the sensitivity badge (data-sensitivity: applied level)
 *   evidence-narrative      evidence record page: the narrative as the viewer may see it
 *   evidence-publish        evidence record page: publish (drafts and withdrawn records)
 *   evidence-withdraw       evidence record page: withdraw (published records)
 *   evidence-edit           evidence record page: opens the edit form
 *   evidence-mark-name      evidence record page: opens the "names to mask" dialog
 *   evidence-links          evidence record page: the "supports" section (proposals and suggestions citing it)
 *   evidence-support-item   evidence record page: one proposal / suggestion it supports
 *   evidence-notice         evidence pages: success / conflict notices
 *   attachment-upload       evidence record page: the attachment file input (inside the drop zone)
 *   attachment-progress     evidence record page: one upload's progress bar (aria-valuenow 0–100)
 *   attachment-item         evidence record page: one attachment (download link)
 *   attachment-error        evidence record page: why an upload was refused
 *   grant-add               evidence record page: opens the grant-access dialog
 *   grant-item              evidence record page: one access grant (data-level)
 *   import-file-input       import page: the CSV / XLSX file input
 *   import-commit           import page: imports the previewed file
 *   bulk-publish-imported   import page, after an import: publishes the imported drafts at once
 *   bulk-publish-drafts     evidence library: filters to drafts to select and publish them at once
 *   bulk-publish-select     evidence library filtered to drafts: one record's checkbox
 *   bulk-publish-selected   evidence library filtered to drafts: publishes the selected records
 *   bulk-publish-refused    bulk publish: the records refused (data-evidence-id, data-code); none was published
 *   evidence-panel          proposal page: the evidence section (links grouped by suggestion)
 *   evidence-link-add       evidence panel: opens the link-evidence dialog (owners, co-authors)
 *   evidence-link-search    link dialog: search as you type
 *   evidence-link-option    link dialog: one record found
 *   evidence-link-target    link dialog: whole proposal or one suggestion
 *   evidence-link-submit    link dialog: submit button
 *   evidence-link-group     evidence panel: the links of the proposal (data-suggestion-id empty) or of one suggestion
 *   evidence-link-item      evidence panel: one link the viewer may see (data-evidence-id)
 *   evidence-link-unlink    evidence panel: removes one link
 *   evidence-cite           evidence panel: "cite in text" (only when the editor provides onCiteEvidence)
 *   evidence-placeholder    evidence panel: a link to evidence the viewer is not cleared for (no content)
 *   audit-table             audit log page: the table of entries
 *   audit-row               audit log page: one entry (data-action)
 */
export const TEST_IDS = {
  loginIdentifier: 'login-identifier',
  loginPassword: 'login-password',
  loginSubmit: 'login-submit',
  loginError: 'login-error',
  currentUserName: 'current-user-name',
  languageSwitch: 'language-switch',
  logout: 'logout',
  navHome: 'nav-home',
  navUsers: 'nav-users',
  homeGreeting: 'home-greeting',
  changePassword: 'change-password',
  changePasswordSubmit: 'change-password-submit',
  usersTable: 'users-table',
  usersCreate: 'users-create',
  createUserSubmit: 'create-user-submit',
  temporaryPassword: 'temporary-password',
  confirmDialogConfirm: 'confirm-dialog-confirm',
  noPermission: 'no-permission',
  notFound: 'not-found',
  navProposals: 'nav-proposals',
  proposalNew: 'proposal-new',
  proposalTitleInput: 'proposal-title-input',
  proposalYearInput: 'proposal-year-input',
  proposalDistrictSelect: 'proposal-district-select',
  proposalCreateSubmit: 'proposal-create-submit',
  proposalList: 'proposal-list',
  proposalRow: 'proposal-row',
  proposalsNext: 'proposals-next',
  proposalsPrevious: 'proposals-previous',
  proposalFilterText: 'proposal-filter-text',
  proposalFilterStatus: 'proposal-filter-status',
  proposalFilterMine: 'proposal-filter-mine',
  proposalTitle: 'proposal-title',
  proposalStatus: 'proposal-status',
  proposalEdit: 'proposal-edit',
  proposalSave: 'proposal-save',
  proposalNotice: 'proposal-notice',
  proposalBodySlot: 'proposal-body-slot',
  answerSubmit: 'answer-submit',
  suggestionAdd: 'suggestion-add',
  suggestionTitleInput: 'suggestion-title-input',
  suggestionTextInput: 'suggestion-text-input',
  suggestionSave: 'suggestion-save',
  suggestionItem: 'suggestion-item',
  suggestionStatusChange: 'suggestion-status-change',
  memberAdd: 'member-add',
  memberSearch: 'member-search',
  memberOption: 'member-option',
  memberRoleSelect: 'member-role-select',
  memberAddSubmit: 'member-add-submit',
  memberItem: 'member-item',
  timeline: 'timeline',
  timelineItem: 'timeline-item',
  commentInput: 'comment-input',
  commentSubmit: 'comment-submit',
  commentItem: 'comment-item',
  versionSave: 'version-save',
  versionNameInput: 'version-name-input',
  versionSaveSubmit: 'version-save-submit',
  versionItem: 'version-item',
  versionView: 'version-view',
  versionCompare: 'version-compare',
  versionRestore: 'version-restore',
  diffView: 'diff-view',
  diffInsert: 'diff-insert',
  diffDelete: 'diff-delete',
  exportDocx: 'export-docx',
  printView: 'print-view',
  printTitle: 'print-title',
  navEvidence: 'nav-evidence',
  navAudit: 'nav-audit',
  evidenceList: 'evidence-list',
  evidenceRow: 'evidence-row',
  evidenceFilterText: 'evidence-filter-text',
  evidenceFacets: 'evidence-facets',
  evidenceFacetOption: 'evidence-facet-option',
  evidenceNew: 'evidence-new',
  evidenceImport: 'evidence-import',
  evidenceExportCsv: 'evidence-export-csv',
  evidenceExportXlsx: 'evidence-export-xlsx',
  evidenceTitleInput: 'evidence-title-input',
  evidenceNarrativeInput: 'evidence-narrative-input',
  evidenceSensitivitySelect: 'evidence-sensitivity-select',
  evidenceDistrictSelect: 'evidence-district-select',
  evidenceSourceTypeSelect: 'evidence-source-type-select',
  evidenceDateFromInput: 'evidence-date-from-input',
  evidenceSave: 'evidence-save',
  evidencePiiFinding: 'evidence-pii-finding',
  evidenceDetailTitle: 'evidence-detail-title',
  evidenceStatus: 'evidence-status',
  evidenceSensitivity: 'evidence-sensitivity',
  evidenceNarrative: 'evidence-narrative',
  evidencePublish: 'evidence-publish',
  evidenceWithdraw: 'evidence-withdraw',
  evidenceEdit: 'evidence-edit',
  evidenceMarkName: 'evidence-mark-name',
  evidenceLinks: 'evidence-links',
  evidenceSupportItem: 'evidence-support-item',
  evidenceNotice: 'evidence-notice',
  attachmentUpload: 'attachment-upload',
  attachmentProgress: 'attachment-progress',
  attachmentItem: 'attachment-item',
  attachmentError: 'attachment-error',
  grantAdd: 'grant-add',
  grantItem: 'grant-item',
  importFileInput: 'import-file-input',
  importCommit: 'import-commit',
  bulkPublishImported: 'bulk-publish-imported',
  bulkPublishDrafts: 'bulk-publish-drafts',
  bulkPublishSelect: 'bulk-publish-select',
  bulkPublishSelected: 'bulk-publish-selected',
  bulkPublishRefused: 'bulk-publish-refused',
  evidencePanel: 'evidence-panel',
  evidenceLinkAdd: 'evidence-link-add',
  evidenceLinkSearch: 'evidence-link-search',
  evidenceLinkOption: 'evidence-link-option',
  evidenceLinkTarget: 'evidence-link-target',
  evidenceLinkSubmit: 'evidence-link-submit',
  evidenceLinkGroup: 'evidence-link-group',
  evidenceLinkItem: 'evidence-link-item',
  evidenceLinkUnlink: 'evidence-link-unlink',
  evidenceCite: 'evidence-cite',
  evidencePlaceholder: 'evidence-placeholder',
  auditTable: 'audit-table',
  auditRow: 'audit-row',
} as const;

export type TestId = (typeof TEST_IDS)[keyof typeof TEST_IDS];

/** The workflow button moving a proposal to `status`: `transition-in_review`, `transition-submitted`… */
export function transitionTestId<S extends string>(status: S): `transition-${S}` {
  return `transition-${status}`;
}
