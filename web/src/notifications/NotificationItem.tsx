import { Link } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import type { AppNotification } from './graphql';
import { NOTIFICATION_TEST_IDS } from './testids';
import { useNotificationLine } from './useNotificationLine';
import { useNotificationsText } from './useNotificationsText';

/** One notification: what happened (a link to the proposal, which also marks it read), who, when. */
export function NotificationItem({
  notification: n,
  onMarkRead,
  onOpen,
}: {
  notification: AppNotification;
  onMarkRead: (id: string) => void;
  onOpen?: () => void;
}) {
  const text = useNotificationsText();
  const line = useNotificationLine();
  const format = useFormat();
  const unread = !n.readAt;
  return (
    <li className={unread ? 'notification notification-unread' : 'notification'} data-testid={NOTIFICATION_TEST_IDS.item} data-id={n.id} data-read={String(!unread)}>
      <div className="notification-body">
        <Link
          to={`/proposals/${n.proposalId}`}
          className="notification-link"
          onClick={() => {
            if (unread) onMarkRead(n.id);
            onOpen?.();
          }}
        >
          {unread && <span className="visually-hidden">{text('page.unread')}: </span>}
          {line(n)}
        </Link>
        <p className="meta">
          <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
          {n.actorName && <span>{text('kind.by', { name: n.actorName })}</span>}
        </p>
      </div>
      {unread && (
        <button type="button" className="button button-ghost button-small" onClick={() => onMarkRead(n.id)} data-testid={NOTIFICATION_TEST_IDS.markRead}>
          {text('page.markRead')}
        </button>
      )}
    </li>
  );
}
