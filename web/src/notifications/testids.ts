/**
 * `data-testid`s of following and notifications. Tests depend on them: never rename one, only add.
 *
 *   notification-bell          top bar: the bell button (aria-expanded; data-unread = unread count)
 *   notification-count         the unread count badge on the bell (absent at 0)
 *   notification-menu          the bell's dropdown
 *   notification-item          one notification (data-id, data-read = true | false), in the menu or on the page
 *   notification-mark-read     a notification's "mark read" button
 *   notification-mark-all      "mark all read" (menu and page)
 *   notification-see-all       menu: link to /notifications
 *   notification-list          /notifications: the list
 *   notification-unread-only   /notifications: "unread only" checkbox
 *   notification-email-<value> /notifications: e-mail preference radio (off | immediate | daily_digest)
 *   follow-button              follow / unfollow toggle (aria-pressed, data-target-type)
 */
export const NOTIFICATION_TEST_IDS = {
  bell: 'notification-bell',
  count: 'notification-count',
  menu: 'notification-menu',
  item: 'notification-item',
  markRead: 'notification-mark-read',
  markAll: 'notification-mark-all',
  seeAll: 'notification-see-all',
  list: 'notification-list',
  unreadOnly: 'notification-unread-only',
  followButton: 'follow-button',
} as const;

export const emailPreferenceTestId = (value: string) => `notification-email-${value}`;
