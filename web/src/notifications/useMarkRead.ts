import { useMutation } from '@apollo/client';
import { useCallback } from 'react';
import { MARK_NOTIFICATIONS_READ, UNREAD_COUNT } from './graphql';

/** Marks notifications read; the bell's count takes the server's answer, open lists refetch. */
export function useMarkRead() {
  const [mark] = useMutation(MARK_NOTIFICATIONS_READ, {
    refetchQueries: ['Notifications'],
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: UNREAD_COUNT, data: { unreadNotificationCount: data.markNotificationsRead } });
    },
  });
  const markRead = useCallback((id: string) => void mark({ variables: { input: { ids: [id] } } }).catch(() => undefined), [mark]);
  const markAll = useCallback(() => void mark({ variables: { input: { all: true } } }).catch(() => undefined), [mark]);
  return { markRead, markAll };
}
