/**
 * `data-testid`s of the leaders' dashboard (/dashboard). Tests depend on them: never rename one, only add.
 *
 *   nav-dashboard             navigation: Dashboard (领导看板), leaders and admins
 *   dashboard-filter-year     filter: year (select; empty = all years)
 *   dashboard-filter-district filter: district (select; empty = all districts)
 *   dashboard-total-<name>    one headline figure (data-value): proposals, submitted, adopted, rate, median, mean, awaiting
 *   dashboard-chart-<dim>     one chart (drawn by ECharts, hidden from screen readers): district, area, year, author
 *   dashboard-table-<dim>     the same numbers as a table, beside the chart
 *   dashboard-awaiting        the list of suggestions waiting more than three months
 *   dashboard-awaiting-item   one of them (data-suggestion-id)
 *   dashboard-adoption        one adopted suggestion with its chain (data-suggestion-id)
 *   dashboard-chain-evidence  a link to an evidence record in a chain (data-evidence-id)
 *   dashboard-chain-suggestion a link to the suggestion's proposal in a chain
 *   dashboard-chain-clause    a link to the adopting clause in its program (data-clause-id)
 *   dashboard-download-csv    download the figures as CSV
 *   dashboard-download-summary download the annual summary (DOCX)
 */
export const DASHBOARD_TEST_IDS = {
  nav: 'nav-dashboard',
  filterYear: 'dashboard-filter-year',
  filterDistrict: 'dashboard-filter-district',
  awaiting: 'dashboard-awaiting',
  awaitingItem: 'dashboard-awaiting-item',
  adoption: 'dashboard-adoption',
  chainEvidence: 'dashboard-chain-evidence',
  chainSuggestion: 'dashboard-chain-suggestion',
  chainClause: 'dashboard-chain-clause',
  downloadCsv: 'dashboard-download-csv',
  downloadSummary: 'dashboard-download-summary',
} as const;

export type DashboardDimension = 'district' | 'area' | 'year' | 'author';
export const totalTestId = (name: string) => `dashboard-total-${name}`;
export const chartTestId = (dimension: DashboardDimension) => `dashboard-chart-${dimension}`;
export const tableTestId = (dimension: DashboardDimension) => `dashboard-table-${dimension}`;
