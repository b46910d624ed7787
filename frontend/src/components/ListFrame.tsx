import { Button, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { type DataRow, DataTable } from './DataTable';
import { Loading, ProblemAlert } from './Feedback';

/** What ListFrame needs of a `useCursorList` result. */
export interface CursorListState {
  items: readonly unknown[];
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A keyset-paged table: column headers, rows, "load more", and the empty / error states. */
export function ListFrame({
  caption,
  columns,
  rows,
  list,
  minWidth,
  empty,
}: {
  caption: string;
  columns: string[];
  rows: DataRow[];
  list: CursorListState;
  minWidth?: number;
  /** What an empty list says ("Aucun résultat." unless given). */
  empty?: string;
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
        <DataTable caption={caption} columns={columns} rows={rows} minWidth={minWidth} />
        {count === 0 && (
          <Text c="dimmed" p="md" ta="center">
            {empty ?? t('app.none')}
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
