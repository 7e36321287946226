import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { toAppError } from '../graphql/errors';
import { ErrorNotice } from '../ui/ErrorNotice';
import { EmptyState, Loading } from '../ui/Status';
import { NOTIFICATIONS } from './graphql';
import { NotificationItem } from './NotificationItem';
import { NotificationPreferencesForm } from './NotificationPreferencesForm';
import './notifications.css';
import { NOTIFICATION_TEST_IDS } from './testids';
import { useMarkRead } from './useMarkRead';
import { useNotificationsText } from './useNotificationsText';

const PAGE_SIZE = 20;

/** 通知 /notifications: every notification, newest first, with "mark read" and the e-mail preference. */
export function NotificationsPage() {
  const text = useNotificationsText();
  usePageTitle(text('page.title'));
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, fetchMore, refetch } = useQuery(NOTIFICATIONS, {
    variables: { first: PAGE_SIZE, unreadOnly },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const { markRead, markAll } = useMarkRead();
  const page = data?.notifications;

  function loadMore() {
    if (!page?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: page.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        notifications: { ...fetchMoreResult.notifications, nodes: [...previous.notifications.nodes, ...fetchMoreResult.notifications.nodes] },
      }),
    });
  }

  return (
    <div className="stack notifications-page">
      <div className="page-header">
        <div>
          <h1>{text('page.title')}</h1>
          <p className="muted">{text('page.intro')}</p>
        </div>
        <div className="page-actions">
          <label className="check">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid={NOTIFICATION_TEST_IDS.unreadOnly} />
            <span>{text('page.unreadOnly')}</span>
          </label>
          {(data?.unreadNotificationCount ?? 0) > 0 && (
            <button type="button" className="button button-small" onClick={markAll} data-testid={NOTIFICATION_TEST_IDS.markAll}>
              {text('page.markAll')}
            </button>
          )}
        </div>
      </div>
      {error && !data ? (
        <ErrorNotice error={toAppError(error)} title={text('page.failed')} onRetry={() => void refetch()} />
      ) : !page ? (
        <Loading label={text('page.loading')} />
      ) : page.nodes.length === 0 ? (
        <EmptyState>{unreadOnly ? text('page.emptyUnread') : text('page.empty')}</EmptyState>
      ) : (
        <>
          <ul className="notification-list notification-list-page" data-testid={NOTIFICATION_TEST_IDS.list} data-count={page.nodes.length}>
            {page.nodes.map((n) => (
              <NotificationItem key={n.id} notification={n} onMarkRead={markRead} />
            ))}
          </ul>
          {page.pageInfo.hasNextPage && (
            <button type="button" className="button" onClick={loadMore} disabled={loading}>
              {text('page.loadMore')}
            </button>
          )}
        </>
      )}
      <NotificationPreferencesForm />
    </div>
  );
}
