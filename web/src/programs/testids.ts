/**
 * `data-testid`s of programs, adoption and matching. Tests depend on them: never rename one, only add.
 *
 *   nav-programs              navigation: Programs (发展纲要), every signed-in role
 *   program-list              programs page: the list
 *   program-row               programs page: one program (its name links to the program page)
 *   program-import            programs page: opens the import wizard (admins)
 *   program-title             program page: the name heading
 *   program-clause            program page: one clause (data-clause-id, data-kind, data-depth)
 *   clause-adoption-badge     a clause's adoption badge (data-count), toggles its adoption list
 *   clause-adoption           one adoption of a clause
 *   program-matches           program page: opens the match review (admins, leaders)
 *   program-delete            program page: delete (admins)
 *   program-edit              program page: opens the details dialog (admins who may correct it)
 *   program-edit-name         details dialog: name
 *   program-edit-issuer       details dialog: issuing body
 *   program-edit-district     details dialog: district select
 *   program-edit-period-start details dialog: first year
 *   program-edit-period-end   details dialog: last year
 *   program-edit-promulgated  details dialog: promulgation date
 *   program-edit-source       details dialog: source document
 *   program-edit-save         details dialog: saves the details
 *   clause-edit               program page: turns a clause into its inline form (admins who may correct it)
 *   clause-edit-form          program page: a clause's inline form
 *   clause-edit-number        clause form: number
 *   clause-edit-text          clause form: text
 *   clause-edit-kind          clause form: kind (within its class: area/heading or goal/measure)
 *   clause-edit-save          clause form: saves
 *   clause-edit-cancel        clause form: back to the clause, unchanged
 *   program-import-text       import wizard: the pasted text
 *   program-import-file       import wizard: the .docx file input
 *   program-import-recognise  import wizard: recognises the tree
 *   program-preview-node      import wizard: one recognised node (data-depth)
 *   program-node-number       preview node: its number
 *   program-node-text         preview node: its text
 *   program-node-kind         preview node: its kind
 *   program-node-indent       preview node: one level down
 *   program-node-outdent      preview node: one level up
 *   program-node-remove       preview node: removes it
 *   program-name-input        import wizard: program name
 *   program-issuer-input      import wizard: issuing body
 *   program-period-start      import wizard: first year
 *   program-period-end        import wizard: last year
 *   program-promulgated       import wizard: promulgation date
 *   program-source            import wizard: source document
 *   program-district          import wizard: district select
 *   program-save              import wizard: saves the program
 *   suggestion-adoptions      proposal page: the adoption records of a suggestion
 *   suggestion-adoption-item  one adoption record of a suggestion
 *   adoption-record           proposal page: opens the record-adoption dialog of a suggestion
 *   adoption-find-clauses     proposal page: opens the match review of a suggestion
 *   adoption-target-kind      adoption dialog: clause / official reply / policy document
 *   adoption-program          adoption dialog: program select
 *   adoption-clause           adoption dialog: clause select
 *   adoption-document-title   adoption dialog: document title
 *   adoption-status           adoption dialog: outcome
 *   adoption-decided-on       adoption dialog: date
 *   adoption-note             adoption dialog: note / reason
 *   (the adoption dialog saves with confirm-dialog-confirm)
 *   match-suggestion          match review: one suggestion with its proposals (data-suggestion-id)
 *   match-item                match review: one proposed clause (data-clause-id)
 *   match-overlap             match review: a shared word, highlighted (<mark>)
 *   match-confirm             match review: confirms a proposed clause
 *   match-reject              match review: rejects a proposed clause
 *   match-decided-on          match review: the adoption date used when confirming
 *   match-empty               match review: nothing to review
 *   match-notice              match review: confirmation notice
 *   match-no-match            match review: a suggestion's "no good match" and its reason (data-reason)
 *   match-unmatched           program match review: the suggestions with no good match
 */
export const PROGRAMS_TEST_IDS = {
  nav: 'nav-programs',
  list: 'program-list',
  row: 'program-row',
  import: 'program-import',
  title: 'program-title',
  clause: 'program-clause',
  adoptionBadge: 'clause-adoption-badge',
  clauseAdoption: 'clause-adoption',
  matches: 'program-matches',
  delete: 'program-delete',
  edit: 'program-edit',
  editName: 'program-edit-name',
  editIssuer: 'program-edit-issuer',
  editDistrict: 'program-edit-district',
  editPeriodStart: 'program-edit-period-start',
  editPeriodEnd: 'program-edit-period-end',
  editPromulgated: 'program-edit-promulgated',
  editSource: 'program-edit-source',
  editSave: 'program-edit-save',
  clauseEdit: 'clause-edit',
  clauseEditForm: 'clause-edit-form',
  clauseEditNumber: 'clause-edit-number',
  clauseEditText: 'clause-edit-text',
  clauseEditKind: 'clause-edit-kind',
  clauseEditSave: 'clause-edit-save',
  clauseEditCancel: 'clause-edit-cancel',
  importText: 'program-import-text',
  importFile: 'program-import-file',
  importRecognise: 'program-import-recognise',
  previewNode: 'program-preview-node',
  nodeNumber: 'program-node-number',
  nodeText: 'program-node-text',
  nodeKind: 'program-node-kind',
  nodeIndent: 'program-node-indent',
  nodeOutdent: 'program-node-outdent',
  nodeRemove: 'program-node-remove',
  nameInput: 'program-name-input',
  issuerInput: 'program-issuer-input',
  periodStart: 'program-period-start',
  periodEnd: 'program-period-end',
  promulgated: 'program-promulgated',
  source: 'program-source',
  district: 'program-district',
  save: 'program-save',
  suggestionAdoptions: 'suggestion-adoptions',
  suggestionAdoptionItem: 'suggestion-adoption-item',
  adoptionRecord: 'adoption-record',
  adoptionFindClauses: 'adoption-find-clauses',
  adoptionTargetKind: 'adoption-target-kind',
  adoptionProgram: 'adoption-program',
  adoptionClause: 'adoption-clause',
  adoptionDocumentTitle: 'adoption-document-title',
  adoptionStatus: 'adoption-status',
  adoptionDecidedOn: 'adoption-decided-on',
  adoptionNote: 'adoption-note',
  matchSuggestion: 'match-suggestion',
  matchItem: 'match-item',
  matchOverlap: 'match-overlap',
  matchConfirm: 'match-confirm',
  matchReject: 'match-reject',
  matchDecidedOn: 'match-decided-on',
  matchEmpty: 'match-empty',
  matchNotice: 'match-notice',
  matchNoMatch: 'match-no-match',
  matchUnmatched: 'match-unmatched',
} as const;
