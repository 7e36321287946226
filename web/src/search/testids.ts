/**
 * `data-testid`s of the search page (/search). Tests depend on them: never rename one, only add.
 *
 *   nav-search                navigation: Search (检索), every signed-in role
 *   search-input              the search box (search as you type)
 *   search-index-evidence     scope switch: search evidence (aria-pressed)
 *   search-index-proposals    scope switch: search proposals (aria-pressed)
 *   search-index-clauses      scope switch: search development program clauses (aria-pressed)
 *   search-results            the list of hits (data-count: hits on this page)
 *   search-hit                one hit (data-id, data-index = evidence | proposals | clauses)
 *   search-hit-title          a hit's title (link to /evidence/:id, /proposals/:id or /programs/:programId#clause-:id)
 *   search-hit-program        a clause hit: the name of its program (data-program-id)
 *   search-snippet            a hit's excerpt, the matched words in <mark>
 *   search-facet-<field>      one facet fieldset: search-facet-district, search-facet-year…
 *   search-facet-value        one facet value: a label holding its checkbox (data-field, data-value, data-count)
 *   search-facets-clear       facet panel: clears every filter
 *   search-total              result count and time (data-total)
 *   search-empty              the "nothing found" state
 *   search-error              the error state
 *   search-page-previous      pagination: previous page
 *   search-page-next          pagination: next page
 *   search-link-proposal      an evidence hit: opens the "link to proposal" dialog (proposal authors)
 *   search-link-option        link dialog: one editable proposal (radio, data-proposal-id)
 *   search-link-suggestion    link dialog: whole proposal or one of its suggestions (select)
 *   search-link-note          link dialog: the note
 *   search-link-submit        link dialog: submit button
 *   search-link-notice        search page: "linked" success notice
 */
export const SEARCH_TEST_IDS = {
  nav: 'nav-search',
  input: 'search-input',
  indexEvidence: 'search-index-evidence',
  indexProposals: 'search-index-proposals',
  indexClauses: 'search-index-clauses',
  results: 'search-results',
  hit: 'search-hit',
  hitTitle: 'search-hit-title',
  hitProgram: 'search-hit-program',
  snippet: 'search-snippet',
  facetValue: 'search-facet-value',
  facetsClear: 'search-facets-clear',
  total: 'search-total',
  empty: 'search-empty',
  error: 'search-error',
  pagePrevious: 'search-page-previous',
  pageNext: 'search-page-next',
  linkProposal: 'search-link-proposal',
  linkOption: 'search-link-option',
  linkSuggestion: 'search-link-suggestion',
  linkNote: 'search-link-note',
  linkSubmit: 'search-link-submit',
  linkNotice: 'search-link-notice',
} as const;

/** The fieldset of one facet: `search-facet-district`, `search-facet-year`… */
export function facetTestId<F extends string>(field: F): `search-facet-${F}` {
  return `search-facet-${field}`;
}
