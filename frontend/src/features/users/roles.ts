import type { Role } from '../../client/types.gen';

export const ROLES: readonly Role[] = ['admin', 'facilitator', 'buyer', 'enterprise', 'referent'];

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}
