/** Notifications: their query keys, the header's unread count (polled every minute and on
 * each navigation) and what marking them read changes. */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'react-router';

import { call } from '../../api/client';
import { notificationsUnreadCount } from '../../client/sdk.gen';

export const NOTIFICATIONS_KEY = ['notifications'];
export const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread-count'];
export const POLL_MS = 60_000;

/** The caller's unread count, asked again every minute and whenever the page changes. */
export function useUnreadCount(enabled: boolean): number {
  const location = useLocation();
  const query = useQuery({
    queryKey: UNREAD_COUNT_KEY,
    queryFn: async () => (await call(notificationsUnreadCount())).unread,
    enabled,
    refetchInterval: POLL_MS,
    staleTime: 5_000,
  });
  const { refetch } = query;
  useEffect(() => {
    if (enabled) void refetch();
  }, [location.pathname, enabled, refetch]);
  return query.data ?? 0;
}

/** After a notification (or all of them) was marked read: the list and the badge again. */
export function refreshNotifications(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
}

export function useRefreshNotifications(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => refreshNotifications(queryClient);
}
