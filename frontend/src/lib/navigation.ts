import type { Permission } from '../client/types.gen';

export interface NavItem {
  to: string;
  labelKey: string;
  permission?: Permission;
}

/** What the navigation offers; items needing a permission appear only to roles holding it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.home' },
  { to: '/operations', labelKey: 'nav.operations', permission: 'operations:read' },
  { to: '/tenders', labelKey: 'nav.tenders', permission: 'tenders:read' },
  { to: '/offers', labelKey: 'nav.offers', permission: 'offers:read' },
  { to: '/referrals', labelKey: 'nav.referrals', permission: 'referrals:read' },
  { to: '/assignments', labelKey: 'nav.assignments', permission: 'assignments:read' },
  { to: '/hours', labelKey: 'nav.hours', permission: 'hours:read' },
  { to: '/compliance', labelKey: 'nav.compliance', permission: 'compliance:read' },
  { to: '/participants', labelKey: 'nav.participants', permission: 'participants:read' },
  { to: '/eligibility-queue', labelKey: 'nav.eligibilityQueue', permission: 'eligibility:validate' },
  { to: '/participants/stats', labelKey: 'nav.portfolioStats', permission: 'participants:read' },
  { to: '/clause-settings', labelKey: 'nav.clauseSettings', permission: 'clause_settings:read' },
  { to: '/organisations', labelKey: 'nav.organisations', permission: 'organisations:read' },
  { to: '/users', labelKey: 'nav.users', permission: 'users:read' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit:read' },
  { to: '/account', labelKey: 'nav.account' },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}

/** Whether a navigation item is the current page (home only on "/", others by prefix). */
export function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The item of the current page: the most specific one whose path matches ("/participants/stats"
 * over "/participants"). */
export function currentItem(items: readonly NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => isCurrent(item.to, pathname))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}
