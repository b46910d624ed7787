import type { Me } from '../client/types.gen';

/** The i18n key of how the signed-in person's role is shown: a referent of the organisation
 * that coordinates a network (a PLIE) is its coordinator, not one more referent. */
export function roleKey(me: Pick<Me, 'role' | 'coordinates_network'>): string {
  return me.role === 'referent' && me.coordinates_network ? 'roles.networkCoordinator' : `roles.${me.role}`;
}

/** Roles whose organisations plug their own systems into Levier's API (admins create the API
 * clients; structures, buyers and employment services connect their tools): the account menu
 * links them to its documentation. Enterprises have no integration (their people work in the
 * pages), so the link would only be noise there; the document stays public at /api/docs. */
const API_ROLES: ReadonlySet<Me['role']> = new Set(['admin', 'facilitator', 'buyer', 'referent']);

export function hasApiUse(me: Pick<Me, 'role'>): boolean {
  return API_ROLES.has(me.role);
}
