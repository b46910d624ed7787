import { useQueryClient } from '@tanstack/react-query';

/** After a lot changed (or was added, without `lotId`): refetch it, its article and its
 * tender (lots table, roll-up). */
export function useLotRefresh(lotId: string | undefined, tenderId: string) {
  const queryClient = useQueryClient();
  return async () => {
    if (lotId) {
      await queryClient.invalidateQueries({ queryKey: ['lot', lotId] });
      await queryClient.invalidateQueries({ queryKey: ['article', lotId] });
    }
    await queryClient.invalidateQueries({ queryKey: ['tender', tenderId] });
  };
}
