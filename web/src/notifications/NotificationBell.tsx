import { useQuery, useSubscription } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { NOTIFICATIONS, NOTIFICATION_ADDED, UNREAD_COUNT } from './graphql';
import { NotificationItem } from './NotificationItem';
import './notifications.css';
import { NOTIFICATION_TEST_IDS } from './testids';
import { useMarkRead } from './useMarkRead';
import { useNotificationsText } from './useNotificationsText';

/** Fallback for a socket that cannot stay open (e.g. behind a proxy without WebSocket support). */
const POLL_MS = 120_000;

/** The top bar's bell: unread count, live over the notificationAdded subscription, and a dropdown of recent ones. */
export function NotificationBell() {
  const text = useNotificationsText();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { data } = useQuery(UNREAD_COUNT, { fetchPolicy: 'cache-and-network', pollInterval: POLL_MS });
  useSubscription(NOTIFICATION_ADDED, {
    onData: ({ client, data: result }) => {
      client.cache.updateQuery({ query: UNREAD_COUNT }, (current) => ({ unreadNotificationCount: (current?.unreadNotificationCount ?? 0) + 1 }));
      void client.refetchQueries({ include: ['Notifications'] });
      // a proposal page that is open shows the new status too
      const proposalId = result.data?.notificationAdded.proposalId;
      for (const query of client.getObservableQueries().values()) {
        if (query.queryName === 'Proposal' && query.variables?.id === proposalId) void query.refetch();
      }
    },
  });
  const count = data?.unreadNotificationCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="button button-ghost button-small notification-bell-button"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={count > 0 ? text('bell.labelUnread', { count }) : text('bell.label')}
        onClick={() => setOpen((value) => !value)}
        data-testid={NOTIFICATION_TEST_IDS.bell}
        data-unread={count}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count > 0 && (
          <span className="notification-count" data-testid={NOTIFICATION_TEST_IDS.count}>
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <NotificationMenu onClose={() => setOpen(false)} />}
    </div>
  );
}

function NotificationMenu({ onClose }: { onClose: () => void }) {
  const text = useNotificationsText();
  const { data } = useQuery(NOTIFICATIONS, { variables: { first: 8 }, fetchPolicy: 'cache-and-network' });
  const { markRead, markAll } = useMarkRead();
  const nodes = data?.notifications.nodes ?? [];
  return (
    <div className="notification-menu" role="region" aria-label={text('bell.recent')} data-testid={NOTIFICATION_TEST_IDS.menu}>
      <div className="notification-menu-head">
        <strong>{text('bell.recent')}</strong>
        {(data?.unreadNotificationCount ?? 0) > 0 && (
          <button type="button" className="button button-ghost button-small" onClick={markAll} data-testid={NOTIFICATION_TEST_IDS.markAll}>
            {text('bell.markAll')}
          </button>
        )}
      </div>
      {nodes.length === 0 ? (
        <p className="notification-empty">{text('bell.empty')}</p>
      ) : (
        <ul className="notification-list">
          {nodes.map((n) => (
            <NotificationItem key={n.id} notification={n} onMarkRead={markRead} onOpen={onClose} />
          ))}
        </ul>
      )}
      <Link to="/notifications" className="notification-see-all" onClick={onClose} data-testid={NOTIFICATION_TEST_IDS.seeAll}>
        {text('bell.all')}
      </Link>
    </div>
  );
}
