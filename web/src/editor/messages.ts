import i18n from '../i18n';

/** i18next namespace of the collaborative editor's strings. */
export const EDITOR_NS = 'editor';

/** Chinese strings (the reference catalogue; English must have the same keys). */
const zhCN = {
  editor: {
    label: '建议正文',
    loading: '正在载入正文…',
    suggestionLabel: '建议 ',
    denied: '你没有这份建议正文的访问权限。如刚被移出成员，请返回建议页面。',
    readonlyNotice: '正文为只读：建议已提交，或你在这份建议中的角色不能修改正文。',
    tooLarge: '正文超过 {{size}} 的上限，这次修改没有保存。',
    tooLargeReloaded: '正文超过 {{size}} 的上限，这次修改没有保存。正文已按服务器保存的内容重新载入。',
    dismiss: '知道了',
  },
  toolbar: {
    label: '正文格式',
    bold: '加粗',
    italic: '斜体',
    strike: '删除线',
    heading2: '二级标题',
    heading3: '三级标题',
    bulletList: '项目符号列表',
    orderedList: '编号列表',
    blockquote: '引用',
    link: '链接',
    table: '插入表格',
    horizontalRule: '分隔线',
    suggestion: '建议条目',
    suggestionHint: '插入一条编号的建议条目，或把当前段落设为建议条目',
    undo: '撤销',
    redo: '重做',
    shortcut: '{{label}}（{{keys}}）',
    comment: '评论',
    commentHint: '就选中的文字发起讨论',
  },
  comment: {
    title: '评论选中的文字',
    quote: '选中的文字',
    label: '意见',
    placeholder: '写下您对这段文字的意见…',
    required: '请填写意见。',
    tooLong: '意见不能超过 {{max}} 字。',
    submit: '发表',
    posting: '正在发表…',
    cancel: '取消',
    textGone: '选中的文字已被删除，无法再评论它。',
    notPlaced: '讨论已发表，但选中的文字已被删除，未能在正文中标出。',
  },
  link: {
    address: '链接地址',
    placeholder: 'https://',
    apply: '确定',
    remove: '移除链接',
    cancel: '取消',
    invalid: '请输入以 http:// 或 https:// 开头的网址。',
  },
  status: {
    saved: '已保存',
    saving: '保存中…',
    connecting: '正在连接…',
    offline: '离线：恢复连接后自动同步',
    readonly: '只读',
    denied: '无法访问',
    savedHint: '所有修改都已保存到服务器。',
    savingHint: '正在把最新修改保存到服务器。',
    offlineHint: '与服务器的连接已断开。你可以继续编辑，恢复连接后会自动同步。',
    readonlyHint: '你可以阅读正文，但不能修改。',
  },
  presence: {
    label: '正在编辑的人',
    you: '{{name}}（你）',
  },
  preview: {
    title: '编辑正文',
    readOnlyTitle: '查看正文',
    back: '返回建议',
    loading: '正在载入建议…',
    loadFailed: '无法载入这份建议。',
    notFound: '找不到这份建议，或你没有查看权限。',
  },
};

export type EditorMessages = typeof zhCN;

const en: EditorMessages = {
  editor: {
    label: 'Proposal text',
    loading: 'Loading the text…',
    suggestionLabel: 'Suggestion ',
    denied: 'You do not have access to the text of this proposal. If you were just removed as a member, go back to the proposal.',
    readonlyNotice: 'The text is read-only: the proposal has been submitted, or your role on it does not allow changes.',
    tooLarge: 'The document is over the {{size}} limit: this change was not saved.',
    tooLargeReloaded: 'The document is over the {{size}} limit: this change was not saved. The text was loaded again as the server stores it.',
    dismiss: 'Dismiss',
  },
  toolbar: {
    label: 'Text formatting',
    bold: 'Bold',
    italic: 'Italic',
    strike: 'Strikethrough',
    heading2: 'Heading 2',
    heading3: 'Heading 3',
    bulletList: 'Bulleted list',
    orderedList: 'Numbered list',
    blockquote: 'Quote',
    link: 'Link',
    table: 'Insert table',
    horizontalRule: 'Divider',
    suggestion: 'Suggestion',
    suggestionHint: 'Insert a numbered suggestion, or turn the current paragraph into one',
    undo: 'Undo',
    redo: 'Redo',
    shortcut: '{{label}} ({{keys}})',
    comment: 'Comment',
    commentHint: 'Start a discussion on the selected text',
  },
  comment: {
    title: 'Comment on the selected text',
    quote: 'Selected text',
    label: 'Comment',
    placeholder: 'Write what you think of this passage…',
    required: 'Write a comment.',
    tooLong: 'A comment may have at most {{max}} characters.',
    submit: 'Post',
    posting: 'Posting…',
    cancel: 'Cancel',
    textGone: 'The selected text has been deleted; it can no longer be commented on.',
    notPlaced: 'The comment was posted, but the selected text had been deleted, so it is not marked in the text.',
  },
  link: {
    address: 'Link address',
    placeholder: 'https://',
    apply: 'Apply',
    remove: 'Remove link',
    cancel: 'Cancel',
    invalid: 'Enter a web address starting with http:// or https://.',
  },
  status: {
    saved: 'Saved',
    saving: 'Saving…',
    connecting: 'Connecting…',
    offline: 'Offline — edits will sync when back',
    readonly: 'Read only',
    denied: 'No access',
    savedHint: 'Every change is saved on the server.',
    savingHint: 'Saving the latest changes on the server.',
    offlineHint: 'The connection to the server was lost. Keep editing: your changes sync when it is back.',
    readonlyHint: 'You can read the text but not change it.',
  },
  presence: {
    label: 'People editing',
    you: '{{name}} (you)',
  },
  preview: {
    title: 'Edit text',
    readOnlyTitle: 'Read text',
    back: 'Back to the proposal',
    loading: 'Loading the proposal…',
    loadFailed: 'Could not load this proposal.',
    notFound: 'This proposal does not exist, or you may not see it.',
  },
};

export const editorMessages = { 'zh-CN': zhCN, en } as const;

/** Dotted keys of the catalogue: 'toolbar.bold', 'status.saved'… */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type EditorMessageKey = Leaves<EditorMessages>;

for (const [language, messages] of Object.entries(editorMessages)) {
  i18n.addResourceBundle(language, EDITOR_NS, messages, true, true);
}
