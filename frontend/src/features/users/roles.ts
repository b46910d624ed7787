import type { OrganisationKind, Role } from '../../client/types.gen';

export const ROLES: readonly Role[] = ['admin', 'facilitator', 'buyer', 'enterprise', 'referent'];

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

/**
 * Which kinds of organisation a person of each role belongs to (the server enforces the same
 * rule and says why it refuses; here it only narrows the organisation picker).
 */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[]> = {
  admin: ['facilitation_structure', 'network'],
  facilitator: ['facilitation_structure'],
  buyer: ['buyer'],
  enterprise: ['enterprise'],
  referent: ['prescriber', 'facilitation_structure'],
};
