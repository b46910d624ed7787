import { useQuery } from '@tanstack/react-query';

import { call } from '../../api/client';
import { usersRoleOptions } from '../../client/sdk.gen';
import type { Role } from '../../client/types.gen';

/** Each role and the kinds of organisation its people belong to, as the API has them (the
 * account form offers those, the accounts list filters by them). */
export function useRoleOptions(enabled = true) {
  return useQuery({
    queryKey: ['users', 'role-options'],
    queryFn: () => call(usersRoleOptions()),
    enabled,
    staleTime: Infinity,
  });
}

/** The role among `roles` a select answered, if any. */
export function roleIn(roles: readonly Role[], value: string | null): Role | undefined {
  return roles.find((role) => role === value);
}
