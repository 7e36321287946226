import i18n from '../i18n';

/**
 * i18next namespace of the leaders' dashboard (领导看板), registered here so the app catalogues stay
 * untouched; use `useDashboardText()` for typed keys and `dashboard:nav` for the navigation entry.
 */
export const DASHBOARD_NS = 'dashboard';

const zhCN = {
  nav: '领导看板',
  title: '领导看板',
  intro: '已提交建议的采纳情况：按区、领域、年度和建议人统计采纳率，提交至采纳的用时，超过三个月未答复的建议条目，以及每条采纳背后的证据。',
  noPermission: '领导看板仅供领导和管理员查看。',
  loading: '正在加载看板…',
  failed: '看板加载失败',
  retry: '重试',
  filters: {
    label: '筛选',
    year: '年度',
    allYears: '全部年度',
    district: '区',
    allDistricts: '全部区',
  },
  downloads: {
    label: '导出',
    csv: '下载数据（CSV）',
    summary: '下载年度摘要（Word）',
    summaryHint: '年度摘要按所选年度生成；未选年度时为今年。',
  },
  totals: {
    label: '总体情况',
    proposals: '建议件数',
    submitted: '已提交建议条目',
    adopted: '已采纳条目',
    rate: '采纳率',
    median: '提交至采纳（中位数）',
    mean: '提交至采纳（平均）',
    days: '{{days}} 天',
    awaiting: '超过三个月未答复',
    none: '—',
  },
  charts: {
    byDistrict: '各区采纳率',
    byProgramArea: '各领域采纳率',
    byYear: '各年度采纳率',
    byAuthor: '各建议人采纳率',
    submitted: '已提交',
    adopted: '已采纳',
    rate: '采纳率（%）',
    name: '名称',
    empty: '暂无已提交的建议条目。',
    tableCaption: '{{title}}（数据表）',
  },
  awaiting: {
    title: '超过三个月未答复的建议条目',
    empty: '没有超过三个月未答复的建议条目。',
    suggestion: '建议条目',
    proposal: '建议',
    submittedOn: '提交日期',
    days: '已等待',
    daysValue: '{{days}} 天',
  },
  adopted: {
    title: '采纳事项与证据链',
    intro: '证据 → 建议条目 → 纲要条款。只列出您有权查看的证据。',
    empty: '暂无采纳记录。',
    evidence: '证据',
    noEvidence: '无可查看的证据',
    suggestion: '建议条目',
    clause: '采纳条款',
    adoptedOn: '采纳于 {{date}}',
    daysToAdoption: '提交后 {{days}} 天采纳',
    suggestionLabel: '第 {{number}} 条：{{title}}',
    otherTarget: '其他采纳依据（答复或政策文件）',
  },
  definitions: {
    title: '统计口径',
    body: '建议提交后，其建议条目计入统计。至少有一条“已采纳、部分采纳、列入计划或已落实”记录的条目计为已采纳；采纳率 = 已采纳条目 ÷ 已提交条目。用时从建议首次提交之日算到最早的采纳日期。未答复：条目仍为已提交或办理中、没有任何采纳记录、建议尚无正式答复，且提交已超过 90 天。',
  },
};

type DashboardMessages = typeof zhCN;

const en: DashboardMessages = {
  nav: 'Dashboard',
  title: 'Leaders’ dashboard',
  intro: 'What became of submitted suggestions: adoption rates by district, program area, year and author, the time from submission to adoption, suggestions waiting more than three months for an answer, and the evidence behind each adoption.',
  noPermission: 'The dashboard is for leaders and administrators.',
  loading: 'Loading the dashboard…',
  failed: 'Could not load the dashboard',
  retry: 'Retry',
  filters: {
    label: 'Filters',
    year: 'Year',
    allYears: 'All years',
    district: 'District',
    allDistricts: 'All districts',
  },
  downloads: {
    label: 'Export',
    csv: 'Download the figures (CSV)',
    summary: 'Download the annual summary (Word)',
    summaryHint: 'The annual summary covers the chosen year, or this year when none is chosen.',
  },
  totals: {
    label: 'Overview',
    proposals: 'Proposals',
    submitted: 'Submitted suggestions',
    adopted: 'Adopted suggestions',
    rate: 'Adoption rate',
    median: 'Submission to adoption (median)',
    mean: 'Submission to adoption (mean)',
    days: '{{days}} days',
    awaiting: 'Waiting over three months',
    none: '—',
  },
  charts: {
    byDistrict: 'Adoption rate by district',
    byProgramArea: 'Adoption rate by program area',
    byYear: 'Adoption rate by year',
    byAuthor: 'Adoption rate by author',
    submitted: 'Submitted',
    adopted: 'Adopted',
    rate: 'Rate (%)',
    name: 'Name',
    empty: 'No submitted suggestions yet.',
    tableCaption: '{{title}} (table)',
  },
  awaiting: {
    title: 'Suggestions waiting more than three months for an answer',
    empty: 'No suggestion has waited more than three months.',
    suggestion: 'Suggestion',
    proposal: 'Proposal',
    submittedOn: 'Submitted on',
    days: 'Waiting',
    daysValue: '{{days}} days',
  },
  adopted: {
    title: 'Adoptions and their evidence',
    intro: 'Evidence → suggestion → program clause. Only evidence you are cleared for is listed.',
    empty: 'No adoption recorded yet.',
    evidence: 'Evidence',
    noEvidence: 'No evidence you may see',
    suggestion: 'Suggestion',
    clause: 'Adopted by',
    adoptedOn: 'Adopted on {{date}}',
    daysToAdoption: 'adopted {{days}} days after submission',
    suggestionLabel: 'No. {{number}}: {{title}}',
    otherTarget: 'Other adoption (official reply or policy document)',
  },
  definitions: {
    title: 'Definitions',
    body: 'A suggestion counts once its proposal is submitted. It is adopted when at least one record says adopted, partially adopted, included in plan or implemented; the rate is adopted ÷ submitted. The time runs from the proposal’s first submission to the earliest adoption date. Awaiting: still submitted or under consideration, with no adoption record, no official reply to the proposal, and submitted more than 90 days ago.',
  },
};

export const dashboardMessages = { 'zh-CN': zhCN, en } as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type DashboardMessageKey = Leaves<DashboardMessages>;

for (const [language, messages] of Object.entries(dashboardMessages)) {
  i18n.addResourceBundle(language, DASHBOARD_NS, messages, true, true);
}
