import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { followUpsFollowUpCounts, followUpsListFollowUps, followUpsWakeFollowUp } from '../../client/sdk.gen';
import type { FollowUpRead, FollowUpView } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { dayMonthYear, todayIso } from '../../lib/dates';
import { FOLLOW_UPS_KEY, type Group as DayGroup, groupOf, itemLink } from './followups';
import { HandOverModal, itemTag, SnoozeModal, useFollowUpsRefresh } from './FollowUpModals';
import { ItemTitle } from './ItemTitle';

const VIEWS = ['mine', 'following'] as const;
const GROUPS: readonly DayGroup[] = ['overdue', 'today', 'upcoming'];
const GROUP_COLOURS: Record<DayGroup, string> = { overdue: 'red', today: 'orange', upcoming: 'gray' };

function WhenLine({ item, group }: { item: FollowUpRead; group: DayGroup }) {
  const { t } = useTranslation();
  const day = dayMonthYear(item.next_action_on);
  const when = group === 'overdue' ? t('followUps.overdueSince', { day }) : group === 'today' ? t('followUps.dueToday') : t('followUps.dueOn', { day });
  return (
    <Text size="xs" c={group === 'overdue' ? 'red.8' : 'dimmed'} fw={group === 'overdue' ? 600 : 400}>
      {when}
      {item.snoozed_until && ` · ${t('followUps.snoozedFrom', { day: dayMonthYear(item.due_on) })}`}
    </Text>
  );
}

function WhoLine({ item }: { item: FollowUpRead }) {
  const { t } = useTranslation();
  const who = item.mine
    ? item.assignee
      ? t('followUps.handedToYou')
      : t('followUps.yours', { organisation: item.owner_name })
    : item.assignee
      ? t('followUps.handedTo', { name: item.assignee.full_name, organisation: item.assignee.organisation_name })
      : t('followUps.waitingOn', { organisation: item.owner_name });
  return <Text size="xs" c="dimmed">{who}</Text>;
}

function ItemCard({
  item,
  group,
  onSnooze,
  onHandOver,
}: {
  item: FollowUpRead;
  group: DayGroup;
  onSnooze: () => void;
  onHandOver: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useFollowUpsRefresh();
  const [waking, setWaking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const wake = async () => {
    setWaking(true);
    setError(null);
    try {
      await call(followUpsWakeFollowUp({ path: { key: item.key }, headers: { 'If-Match': itemTag(item) } }));
      await refresh();
      notifications.show({ color: 'green', message: t('followUps.woken') });
    } catch (caught) {
      setError(caught);
    } finally {
      setWaking(false);
    }
  };
  return (
    <Paper component="li" withBorder p="sm" className="follow-up" data-testid="follow-up">
      <Stack gap={6}>
        <ItemTitle item={item} headingOrder={4} />
        <WhenLine item={item} group={group} />
        <WhoLine item={item} />
        {item.note && (
          <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
            {t('followUps.lastNote', { note: item.note })}
          </Text>
        )}
        <ProblemAlert error={error} />
        <Group gap="xs">
          <Button component={Link} to={itemLink(item)} size="compact-sm">
            {t(`followUps.open.${item.kind}`)}
          </Button>
          {item.actions.snooze && (
            <Button size="compact-sm" variant="light" onClick={onSnooze}>
              {t('followUps.snooze')}
            </Button>
          )}
          {item.actions.wake && (
            <Button size="compact-sm" variant="subtle" loading={waking} onClick={() => void wake()}>
              {t('followUps.wake')}
            </Button>
          )}
          {item.actions.hand_over && (
            <Button size="compact-sm" variant="light" onClick={onHandOver}>
              {t('followUps.handOver')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** "My day": what is the caller's to do, overdue first, and what waits on others they follow. */
export function MyDay() {
  const { t } = useTranslation();
  const { filters, setFilters } = useUrlFilters({ day: null }, { allowed: { day: VIEWS } });
  const view: FollowUpView = filters.day === 'following' ? 'following' : 'mine';
  const [modal, setModal] = useState<{ kind: 'snooze' | 'handOver'; item: FollowUpRead } | null>(null);
  const counts = useQuery({ queryKey: [...FOLLOW_UPS_KEY, 'counts'], queryFn: () => call(followUpsFollowUpCounts()) });
  const list = useCursorList([...FOLLOW_UPS_KEY, 'list', view], (cursor) =>
    call(followUpsListFollowUps({ query: { view, cursor, limit: 50 } })),
  );
  const today = todayIso();
  const grouped = GROUPS.map((group) => ({ group, items: list.items.filter((item) => groupOf(item, today) === group) })).filter(
    (entry) => entry.items.length > 0,
  );
  const summary = counts.data;
  return (
    <section aria-labelledby="my-day-title">
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <div>
          <Title order={2} size="h4" id="my-day-title">
            {t('followUps.title')}
          </Title>
          {summary && (
            <Text size="sm" c="dimmed">
              {t('followUps.summary', { overdue: summary.overdue, today: summary.today, upcoming: summary.upcoming })}
            </Text>
          )}
        </div>
        <SegmentedControl
          value={view}
          onChange={(value) => setFilters({ day: value === 'following' ? 'following' : null })}
          data={[
            { value: 'mine', label: t('followUps.mine', { count: summary ? summary.overdue + summary.today + summary.upcoming : 0 }) },
            { value: 'following', label: t('followUps.following', { count: summary?.following ?? 0 }) },
          ]}
          aria-label={t('followUps.viewLabel')}
        />
      </Group>
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : list.isPending ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Text c="dimmed">{view === 'mine' ? t('followUps.emptyMine') : t('followUps.emptyFollowing')}</Text>
      ) : (
        <Stack gap="md">
          {grouped.map(({ group, items }) => (
            <Stack key={group} gap="xs">
              <Group gap="xs">
                <Title order={3} size="h5">
                  {t(`followUps.groups.${group}`)}
                </Title>
                <Badge color={GROUP_COLOURS[group]} variant="light">
                  {items.length}
                </Badge>
              </Group>
              <Stack component="ul" gap="xs" aria-label={t(`followUps.groups.${group}`)} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {items.map((item) => (
                  <ItemCard
                    key={item.key}
                    item={item}
                    group={group}
                    onSnooze={() => setModal({ kind: 'snooze', item })}
                    onHandOver={() => setModal({ kind: 'handOver', item })}
                  />
                ))}
              </Stack>
            </Stack>
          ))}
          {list.hasNextPage && (
            <Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} style={{ alignSelf: 'flex-start' }}>
              {t('app.loadMore')}
            </Button>
          )}
        </Stack>
      )}
      {modal?.kind === 'snooze' && <SnoozeModal item={modal.item} onClose={() => setModal(null)} />}
      {modal?.kind === 'handOver' && <HandOverModal item={modal.item} onClose={() => setModal(null)} />}
    </section>
  );
}
