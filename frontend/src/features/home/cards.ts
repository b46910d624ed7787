import type { Permission, Role } from '../../client/types.gen';

/** A home card: what a role does in Levier, the page where it does it, and who may open it. */
export interface HomeCard {
  /** i18n keys under `home.cards.<key>`: title and text. */
  key: string;
  /** An existing page (one of the navigation's): cards promise only what is there. */
  to: string;
  permission: Permission;
}

const CARDS = {
  directory: { key: 'directory', to: '/organisations', permission: 'organisations:read' },
  accounts: { key: 'accounts', to: '/users', permission: 'users:read' },
  settings: { key: 'settings', to: '/clause-settings', permission: 'clause_settings:read' },
  audit: { key: 'audit', to: '/audit', permission: 'audit:read' },
  operations: { key: 'operations', to: '/operations', permission: 'operations:read' },
  hours: { key: 'hours', to: '/tenders', permission: 'clauses:estimate' },
  clause: { key: 'clause', to: '/tenders', permission: 'tenders:read' },
  eligibility: { key: 'eligibility', to: '/eligibility-queue', permission: 'eligibility:validate' },
  referred: { key: 'referred', to: '/participants', permission: 'participants:read' },
  tenders: { key: 'tenders', to: '/tenders', permission: 'tenders:edit' },
  lotHours: { key: 'lotHours', to: '/tenders', permission: 'tenders:read' },
  lots: { key: 'lots', to: '/tenders', permission: 'tenders:read' },
  participants: { key: 'participants', to: '/participants', permission: 'participants:write' },
  pathways: { key: 'pathways', to: '/participants', permission: 'pathways:write' },
  import: { key: 'import', to: '/participants/import', permission: 'participants:write' },
  offers: { key: 'offers', to: '/offers', permission: 'offers:read' },
  openOffers: { key: 'openOffers', to: '/offers', permission: 'offers:read' },
  portfolio: { key: 'portfolio', to: '/participants/stats', permission: 'participants:read' },
  referralsReceived: { key: 'referralsReceived', to: '/referrals', permission: 'referrals:read' },
  referralsMade: { key: 'referralsMade', to: '/referrals', permission: 'referrals:read' },
  missionsEmployed: { key: 'missionsEmployed', to: '/assignments', permission: 'assignments:read' },
  missionsFollowed: { key: 'missionsFollowed', to: '/assignments', permission: 'assignments:read' },
  missionsRecorded: { key: 'missionsRecorded', to: '/assignments', permission: 'assignments:read' },
  hoursToValidate: { key: 'hoursToValidate', to: '/hours', permission: 'hours:validate' },
  hoursToDeclare: { key: 'hoursToDeclare', to: '/hours', permission: 'hours:declare' },
  compliance: { key: 'compliance', to: '/compliance', permission: 'compliance:read' },
} satisfies Record<string, HomeCard>;

/** What each role finds on its home page, in order. */
export const ROLE_CARDS: Record<Role, readonly HomeCard[]> = {
  admin: [CARDS.directory, CARDS.accounts, CARDS.settings, CARDS.audit],
  facilitator: [CARDS.operations, CARDS.hours, CARDS.clause, CARDS.eligibility, CARDS.referred, CARDS.missionsRecorded, CARDS.hoursToValidate, CARDS.compliance, CARDS.settings],
  buyer: [CARDS.tenders, CARDS.lotHours, CARDS.compliance],
  enterprise: [CARDS.lots, CARDS.offers, CARDS.referralsReceived, CARDS.missionsEmployed, CARDS.hoursToDeclare, CARDS.compliance],
  referent: [CARDS.participants, CARDS.pathways, CARDS.import, CARDS.portfolio, CARDS.openOffers, CARDS.referralsMade, CARDS.missionsFollowed],
};

/** A network's coordinator (a referent of the PLIE) follows the people of her network's
 * organisations, not people she accompanies herself: the same pages, in her words. */
const COORDINATOR_WORDING: Partial<Record<string, string>> = {
  participants: 'networkParticipants',
  pathways: 'networkPathways',
  portfolio: 'networkPortfolio',
};

/** The cards of a role that the person may open (their permission granted), worded for a
 * network's coordinator when she is one. */
export function cardsFor(role: Role, permissions: readonly Permission[], coordinator = false): HomeCard[] {
  return ROLE_CARDS[role]
    .filter((card) => permissions.includes(card.permission))
    .map((card) => {
      const key = coordinator && role === 'referent' ? COORDINATOR_WORDING[card.key] : undefined;
      return key ? { ...card, key } : card;
    });
}
