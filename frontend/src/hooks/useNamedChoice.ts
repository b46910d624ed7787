import { useQuery, useQueryClient } from '@tanstack/react-query';

/** A record picked in a select, as a list filter keeps it: the URL holds its id only. */
export interface NamedChoice {
  id: string;
  name: string;
}

/**
 * The choice a filter's id names: its name is read from the API once (after a reload or a
 * shared link), and remembered when the user picks it, so the select shows it at once.
 * `remember` is what the select's onChange calls before writing the id to the URL.
 */
export function useNamedChoice(
  kind: string,
  id: string | null,
  readName: (id: string) => Promise<string>,
  enabled = true,
): { choice: NamedChoice | null; remember: (choice: NamedChoice | null) => void } {
  const queryClient = useQueryClient();
  const name = useQuery({
    queryKey: [kind, 'name', id],
    queryFn: () => readName(id ?? ''),
    enabled: Boolean(id) && enabled,
    staleTime: Infinity,
  });
  return {
    choice: id ? { id, name: name.data ?? '' } : null,
    remember: (choice) => {
      if (choice) queryClient.setQueryData([kind, 'name', choice.id], choice.name);
    },
  };
}
