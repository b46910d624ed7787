import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Loading, ProblemAlert } from './Feedback';

/** A keyset-paged table: column headers, rows, "load more", and the empty / error states. */
export function ListFrame({
  caption,
  columns,
  children,
  count,
  pending,
  error,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  caption: string;
  columns: string[];
  children: ReactNode;
  count: number;
  pending: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const { t } = useTranslation();
  if (error) return <ProblemAlert error={error} />;
  if (pending) return <Loading />;
  return (
    <>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover className="data-table">
            <caption className="visually-hidden">{caption}</caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th scope="col" key={column}>
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
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
