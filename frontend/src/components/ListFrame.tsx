import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading, ProblemAlert } from './Feedback';
import { TableHead } from './TableHead';

/** A keyset-paged table: column headers, rows, "load more", and the empty / error states. */
/** What ListFrame needs of a `useCursorList` result. */
export interface CursorListState {
  items: readonly unknown[];
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function ListFrame({
  caption,
  columns,
  children,
  list,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
  list: CursorListState;
}) {
  const { t } = useTranslation();
  const { error, isPending: pending, hasNextPage: hasMore, isFetchingNextPage: loadingMore } = list;
  const count = list.items.length;
  const onLoadMore = () => void list.fetchNextPage();
  if (error) return <ProblemAlert error={error} />;
  if (pending) return <Loading />;
  return (
    <>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <TableHead columns={columns} />
            <Table.Tbody>{children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {count === 0 && (
          <Text c="dimmed" p="md" ta="center">
            {t('app.none')}
          </Text>
        )}
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          {t('app.shown', { count })}
        </Text>
        {hasMore && (
          <Button variant="light" loading={loadingMore} onClick={onLoadMore}>
            {t('app.loadMore')}
          </Button>
        )}
      </Group>
    </>
  );
}
