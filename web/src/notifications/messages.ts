import i18n from '../i18n';

/**
 * i18next namespace of following and notifications (关注与通知). Registered with addResourceBundle,
 * so the app catalogs stay untouched; use `useNotificationsText()` for typed keys.
 */
export const NOTIFICATIONS_NS = 'notifications';

const zhCN = {
  bell: {
    label: '通知',
    labelUnread: '通知（{{count}} 条未读）',
    recent: '最近通知',
    empty: '暂无通知。关注建议、建议条目、区或发展纲要后，状态变化和采纳情况会在这里提醒您。',
    all: '查看全部通知',
    markAll: '全部标为已读',
  },
  page: {
    title: '通知',
    intro: '您关注的建议、建议条目、区和发展纲要的状态变化与采纳情况。您参与的建议会自动关注。',
    unreadOnly: '只看未读',
    markAll: '全部标为已读',
    markRead: '标为已读',
    unread: '未读',
    loadMore: '加载更多',
    loading: '正在载入通知…',
    failed: '无法载入通知',
    empty: '没有通知。',
    emptyUnread: '没有未读通知。',
  },
  kind: {
    proposal_status: '《{{title}}》状态变更：{{from}} → {{to}}',
    suggestion_status: '《{{title}}》第 {{number}} 条建议状态变更：{{from}} → {{to}}',
    adoption: '《{{title}}》第 {{number}} 条建议记录办理结果：{{to}}',
    by: '操作人：{{name}}',
  },
  preferences: {
    title: '邮件通知',
    intro: '站内通知始终保留；您还可以选择是否同时收到邮件。',
    off: '不发送邮件',
    immediate: '每条通知立即发送邮件',
    daily_digest: '每日汇总发送一封邮件',
    unavailable: '本系统尚未配置邮件服务（SMTP），邮件暂不会发出；您的选择会保留。',
    saved: '已保存邮件通知设置。',
    failed: '保存失败，请重试。',
  },
  follow: {
    follow: '关注',
    following: '已关注',
    unfollow: '取消关注',
    followHint: '关注后，状态变化和采纳情况会通知您',
    failed: '操作失败，请重试。',
  },
};

export type NotificationsMessages = typeof zhCN;

const en: NotificationsMessages = {
  bell: {
    label: 'Notifications',
    labelUnread: 'Notifications ({{count}} unread)',
    recent: 'Recent notifications',
    empty: 'No notifications yet. Follow proposals, suggestions, districts or programs to be told of status changes and adoptions.',
    all: 'See all notifications',
    markAll: 'Mark all read',
  },
  page: {
    title: 'Notifications',
    intro: 'Status changes and adoptions of the proposals, suggestions, districts and programs you follow. You follow the proposals you work on.',
    unreadOnly: 'Unread only',
    markAll: 'Mark all read',
    markRead: 'Mark read',
    unread: 'Unread',
    loadMore: 'Load more',
    loading: 'Loading notifications…',
    failed: 'Could not load the notifications',
    empty: 'No notifications.',
    emptyUnread: 'No unread notifications.',
  },
  kind: {
    proposal_status: '“{{title}}”: {{from}} → {{to}}',
    suggestion_status: '“{{title}}”, suggestion {{number}}: {{from}} → {{to}}',
    adoption: '“{{title}}”, suggestion {{number}}: outcome recorded ({{to}})',
    by: 'By {{name}}',
  },
  preferences: {
    title: 'E-mail',
    intro: 'Notifications always stay in the app; you may also receive them by e-mail.',
    off: 'No e-mail',
    immediate: 'An e-mail for each notification',
    daily_digest: 'One daily digest e-mail',
    unavailable: 'This installation has no mail server (SMTP) configured, so no e-mail goes out yet; your choice is kept.',
    saved: 'E-mail settings saved.',
    failed: 'Could not save; please try again.',
  },
  follow: {
    follow: 'Follow',
    following: 'Following',
    unfollow: 'Unfollow',
    followHint: 'Be told of status changes and adoptions',
    failed: 'That did not work; please try again.',
  },
};

export const notificationsMessages = { 'zh-CN': zhCN, en } as const;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type NotificationsMessageKey = Leaves<NotificationsMessages>;

for (const [language, messages] of Object.entries(notificationsMessages)) {
  i18n.addResourceBundle(language, NOTIFICATIONS_NS, messages, true, true);
}
