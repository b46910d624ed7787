import type { Role } from '../../client/types.gen';

/** What each role does (or will do) in Levier, as i18n keys under `home.cards`. */
export const ROLE_CARDS: Record<Role, readonly string[]> = {
  admin: ['directory', 'accounts', 'settings', 'audit'],
  facilitator: ['hours', 'clause', 'followUp', 'eligibility'],
  buyer: ['tenders', 'clauseRequest', 'monitoring'],
  enterprise: ['lots', 'offers', 'declareHours'],
  referent: ['participants', 'pathways', 'candidates'],
};
