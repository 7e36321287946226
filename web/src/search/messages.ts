import i18n from '../i18n';

/**
 * i18next namespace of the search page (检索). Registered here with addResourceBundle, so the app
 * catalogs (i18n/zh-CN.ts, i18n/en.ts) stay untouched; use `useSearchText()` for typed keys, and
 * `search:<key>` where only a plain i18next key fits (the navigation entry).
 * Domain values (population groups, source types, sensitivity, statuses, program areas) come from
 * `@jianyan/shared` in both languages, not from here.
 */
export const SEARCH_NS = 'search';

/** Chinese strings (the reference catalogue; English must have the same keys). */
const zhCN = {
  nav: '检索',
  title: '检索',
  intro: '在您有权查看的证据和建议中按词语检索，并按区县、人群、主题、年份等分类筛选。中文词语会自动切分，例如输入“流失”也能找到“流失率”。',
  box: {
    label: '检索词',
    placeholder: '输入词语，例如 流动妇女、职业技能培训、晋安区',
    submit: '检索',
    scope: '检索范围',
    evidence: '证据',
    proposals: '建议',
    hint: '边输入边检索；使用输入法时，选定文字后才开始检索。',
  },
  results: {
    label: '检索结果',
    one: '找到 {{count}} 条结果',
    other: '找到 {{count}} 条结果',
    allOne: '共 {{count}} 条',
    allOther: '共 {{count}} 条',
    took: '用时 {{ms}} 毫秒',
    updating: '正在更新…',
    loading: '正在检索…',
    failed: '检索失败',
    untitled: '（无标题）',
    browseEvidence: '未输入检索词时，按时间列出您可查看的全部证据。',
    browseProposals: '未输入检索词时，按时间列出您可查看的全部建议。',
  },
  empty: {
    title: '没有找到与“{{q}}”相关的{{scope}}',
    titleNoQuery: '没有可显示的{{scope}}',
    tips: '可以试试：',
    tipShorter: '换一个更短或更常用的词，例如“培训”而不是“免费职业技能培训课程”；',
    tipFilters: '取消部分筛选条件；',
    tipOtherIndex: '改为检索{{scope}}；',
    tipRestricted: '受限证据只对录入人、管理员和被单独授权的人可见，其他人检索不到。',
    examples: '常用检索词：',
    clearFilters: '清除筛选',
    switchTo: '改为检索{{scope}}',
    pageOut: '这一页没有结果。',
    firstPage: '回到第一页',
  },
  facets: {
    label: '按分类筛选',
    clear: '清除筛选',
    active: '已筛选',
    remove: '移除筛选：{{label}}',
    showAll: '显示全部（{{count}}）',
    showFewer: '收起',
    none: '没有可选项',
    option: '{{label}}，{{count}} 条',
    fields: {
      district: '区县',
      population: '人群',
      theme: '主题',
      sourceType: '来源类型',
      sensitivity: '敏感级别',
      year: '年份',
      status: '状态',
      topic: '议题',
    },
    year: '{{year}} 年',
    unknownDistrict: '其他区县',
  },
  hit: {
    sensitivity: '敏感级别：{{level}}',
    district: '区县：{{name}}',
    sourceType: '来源：{{type}}',
    date: '日期：{{date}}',
    year: '{{year}} 年度',
    linkToProposal: '关联到建议',
    linkToProposalLabel: '把“{{title}}”关联到建议',
  },
  pagination: {
    label: '结果分页',
    previous: '上一页',
    next: '下一页',
    page: '第 {{page}} / {{pages}} 页',
  },
  link: {
    title: '关联到建议',
    evidence: '证据：{{title}}',
    proposal: '选择建议',
    proposalHint: '只列出您作为牵头人或联名人、可以修改的建议。',
    loadingProposals: '正在载入您的建议…',
    proposalsFailed: '无法载入您的建议。',
    noProposals: '您还没有可以关联证据的建议：只有建议的牵头人和联名人可以关联证据。',
    newProposal: '新建建议',
    suggestion: '关联到',
    wholeProposal: '整篇建议',
    suggestionOption: '第 {{number}} 条：{{title}}',
    loadingSuggestions: '正在载入建议条目…',
    note: '说明',
    notePlaceholder: '这条证据说明了什么，例如：服务成效数据，说明购买服务的效果',
    submit: '关联',
    submitting: '正在关联…',
    cancel: '取消',
    success: '已把证据关联到《{{title}}》。',
    successSuggestion: '已把证据关联到《{{title}}》第 {{number}} 条。',
    open: '查看建议',
    dismiss: '关闭提示',
    failed: '关联失败',
    errors: {
      alreadyLinked: '这条证据已经关联到这里了。',
      notPublished: '这条证据尚未发布，不能关联。',
      forbidden: '只有建议的牵头人和联名人可以关联证据。',
      suggestion: '这条建议条目不属于所选的建议，请重新选择。',
      notFound: '找不到这条证据或这份建议，它可能已被撤回或删除。',
    },
  },
};

export type SearchMessages = typeof zhCN;

const en: SearchMessages = {
  nav: 'Search',
  title: 'Search',
  intro:
    'Search the evidence and proposals you are cleared to see, by words, and narrow the results by district, population, theme, year and more. Chinese words are segmented for you: 流失 also finds 流失率.',
  box: {
    label: 'Search words',
    placeholder: 'Type words, e.g. 流动妇女, 职业技能培训, 晋安区',
    submit: 'Search',
    scope: 'Search in',
    evidence: 'Evidence',
    proposals: 'Proposals',
    hint: 'Results update as you type; with an input method, the search starts once you pick the characters.',
  },
  results: {
    label: 'Search results',
    one: '{{count}} result',
    other: '{{count}} results',
    allOne: '{{count}} record',
    allOther: '{{count}} records',
    took: '{{ms}} ms',
    updating: 'Updating…',
    loading: 'Searching…',
    failed: 'The search failed',
    untitled: '(untitled)',
    browseEvidence: 'With no search words, all the evidence you may see is listed, newest first.',
    browseProposals: 'With no search words, all the proposals you may see are listed, newest first.',
  },
  empty: {
    title: 'No {{scope}} found for “{{q}}”',
    titleNoQuery: 'No {{scope}} to show',
    tips: 'You could:',
    tipShorter: 'try a shorter or more common word, e.g. 培训 rather than 免费职业技能培训课程;',
    tipFilters: 'remove some filters;',
    tipOtherIndex: 'search {{scope}} instead;',
    tipRestricted: 'note that restricted evidence is visible only to its contributor, administrators and people granted access.',
    examples: 'Common searches:',
    clearFilters: 'Clear filters',
    switchTo: 'Search {{scope}}',
    pageOut: 'There are no results on this page.',
    firstPage: 'Back to the first page',
  },
  facets: {
    label: 'Filters',
    clear: 'Clear filters',
    active: 'Filtered by',
    remove: 'Remove filter: {{label}}',
    showAll: 'Show all ({{count}})',
    showFewer: 'Show fewer',
    none: 'Nothing to choose',
    option: '{{label}}, {{count}}',
    fields: {
      district: 'District',
      population: 'Population',
      theme: 'Theme',
      sourceType: 'Source type',
      sensitivity: 'Sensitivity',
      year: 'Year',
      status: 'Status',
      topic: 'Topic',
    },
    year: '{{year}}',
    unknownDistrict: 'Other district',
  },
  hit: {
    sensitivity: 'Sensitivity: {{level}}',
    district: 'District: {{name}}',
    sourceType: 'Source: {{type}}',
    date: 'Date: {{date}}',
    year: 'Year {{year}}',
    linkToProposal: 'Link to proposal',
    linkToProposalLabel: 'Link “{{title}}” to a proposal',
  },
  pagination: {
    label: 'Result pages',
    previous: 'Previous',
    next: 'Next',
    page: 'Page {{page}} of {{pages}}',
  },
  link: {
    title: 'Link to a proposal',
    evidence: 'Evidence: {{title}}',
    proposal: 'Proposal',
    proposalHint: 'Only the proposals you lead or co-author, which you may change, are listed.',
    loadingProposals: 'Loading your proposals…',
    proposalsFailed: 'Could not load your proposals.',
    noProposals: 'You have no proposal to link evidence to: only the owners and co-authors of a proposal may link evidence.',
    newProposal: 'New proposal',
    suggestion: 'Link to',
    wholeProposal: 'The whole proposal',
    suggestionOption: 'Suggestion {{number}}: {{title}}',
    loadingSuggestions: 'Loading the suggestions…',
    note: 'Note',
    notePlaceholder: 'What the evidence shows, e.g. outcome figures showing the effect of purchased services',
    submit: 'Link',
    submitting: 'Linking…',
    cancel: 'Cancel',
    success: 'The evidence is now linked to “{{title}}”.',
    successSuggestion: 'The evidence is now linked to suggestion {{number}} of “{{title}}”.',
    open: 'Open the proposal',
    dismiss: 'Dismiss',
    failed: 'Could not link the evidence',
    errors: {
      alreadyLinked: 'This evidence is already linked there.',
      notPublished: 'This evidence is not published yet and cannot be linked.',
      forbidden: 'Only the owners and co-authors of a proposal may link evidence to it.',
      suggestion: 'This suggestion does not belong to the chosen proposal; choose again.',
      notFound: 'The evidence or the proposal was not found; it may have been withdrawn or deleted.',
    },
  },
};

export const searchMessages = { 'zh-CN': zhCN, en } as const;

/** Dotted keys of the catalogue: 'box.label', 'facets.fields.district'… */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type SearchMessageKey = Leaves<SearchMessages>;

for (const [language, messages] of Object.entries(searchMessages)) {
  i18n.addResourceBundle(language, SEARCH_NS, messages, true, true);
}
