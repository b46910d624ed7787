import type { EnterpriseKind, OrganisationKind } from '../../client/types.gen';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'facilitation_structure',
  'buyer',
  'enterprise',
  'prescriber',
  'network',
];

/** Structures of inclusion through economic activity (SIAE), disability employers and others. */
export const ENTERPRISE_KINDS: readonly EnterpriseKind[] = [
  'ordinary', 'EI', 'ETTI', 'AI', 'ACI', 'EITI', 'GEIQ', 'SEP', 'EA', 'EATT', 'ESAT',
];

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return ORGANISATION_KINDS.includes(value as OrganisationKind);
}
