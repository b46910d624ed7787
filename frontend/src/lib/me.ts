import type { Me } from '../client/types.gen';

/** The i18n key of how the signed-in person's role is shown: a referent of the organisation
 * that coordinates a network (a PLIE) is its coordinator, not one more referent. */
export function roleKey(me: Pick<Me, 'role' | 'coordinates_network'>): string {
  return me.role === 'referent' && me.coordinates_network ? 'roles.networkCoordinator' : `roles.${me.role}`;
}
