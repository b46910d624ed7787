import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import {
  notificationsListNotifications,
  notificationsMarkAllRead,
  notificationsMarkRead,
} from '../../client/sdk.gen';
import type { NotificationRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { formatMoment } from '../../lib/audit';
import { safeLink } from './format';
import { NOTIFICATIONS_KEY, useRefreshNotifications } from './notifications';

const SHOWN = ['unread'] as const;

function NotificationItem({
  notification,
  onRead,
  busy,
}: {
  notification: NotificationRead;
  onRead: (notification: NotificationRead) => void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const link = safeLink(notification.link);
  const unread = notification.read_at === null || notification.read_at === undefined;
  return (
    <Paper component="li" withBorder p="md" className={unread ? 'notification unread' : 'notification'}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Text fw={unread ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
            {link ? (
              <Link to={link} className="row-link" onClick={() => unread && onRead(notification)}>
                {notification.title}
              </Link>
            ) : (
              notification.title
            )}
          </Text>
          {unread && <Badge color="red" variant="light" style={{ flexShrink: 0 }}>{t('notifications.new')}</Badge>}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{notification.body}</Text>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {formatMoment(notification.created_at, i18n.language)}
            {!unread && notification.read_at && ` · ${t('notifications.readOn', { moment: formatMoment(notification.read_at, i18n.language) })}`}
          </Text>
          {unread && (
            <Button size="compact-sm" variant="subtle" loading={busy} onClick={() => onRead(notification)}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** The caller's notifications, newest first (or only the unread ones), each opening its page. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const refresh = useRefreshNotifications();
  const { filters, setFilters } = useUrlFilters({ show: null }, { allowed: { show: SHOWN } });
  const unreadOnly = filters.show === 'unread';
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useCursorList([...NOTIFICATIONS_KEY, 'list', unreadOnly], (cursor) =>
    call(notificationsListNotifications({ query: { unread: unreadOnly || undefined, cursor, limit: 30 } })),
  );
  const anyUnread = list.items.some((item) => !item.read_at);

  const markRead = async (notification: NotificationRead) => {
    setBusy(notification.id);
    setError(null);
    try {
      await call(notificationsMarkRead({ path: { notification_id: notification.id } }));
      await refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  const markAll = async () => {
    setBusy('all');
    setError(null);
    try {
      const { marked } = await call(notificationsMarkAllRead());
      toasts.show({ color: 'green', message: t('notifications.markedAll', { count: marked }) });
      await refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        actions={
          anyUnread && (
            <Button variant="light" loading={busy === 'all'} onClick={() => void markAll()}>
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <SegmentedControl
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => setFilters({ show: value === 'unread' ? 'unread' : null })}
        data={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: t('notifications.unread') },
        ]}
        aria-label={t('notifications.filterLabel')}
        style={{ alignSelf: 'flex-start' }}
      />
      <ProblemAlert error={error} />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Text c="dimmed">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" aria-label={t('notifications.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.items.map((notification) => (
            <NotificationItem
              key={notification.id}
              notification={notification}
              onRead={(item) => void markRead(item)}
              busy={busy === notification.id}
            />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="light" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} style={{ alignSelf: 'center' }}>
          {t('app.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
