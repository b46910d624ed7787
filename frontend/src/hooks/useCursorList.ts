import { useInfiniteQuery } from '@tanstack/react-query';

interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}

/** A keyset-paginated list: pages are appended with "load more" until next_cursor is null. */
export function useCursorList<T>(
  key: unknown[],
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>,
) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
