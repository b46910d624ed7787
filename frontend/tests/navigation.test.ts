import { describe, expect, it } from 'vitest';

import type { Permission } from '../src/client/types.gen';
import { isCurrent, visibleNavItems } from '../src/lib/navigation';

const labels = (permissions: Permission[]) => visibleNavItems(permissions).map((item) => item.labelKey);

describe('navigation by permission', () => {
  it('shows the directory to roles that may read it', () => {
    expect(labels(['organisations:read', 'users:read'])).toEqual([
      'nav.home',
      'nav.organisations',
      'nav.users',
      'nav.account',
    ]);
  });

  it('shows tenders to buyers and enterprises, operations to facilitators', () => {
    expect(labels(['tenders:read', 'tenders:edit'])).toEqual(['nav.home', 'nav.tenders', 'nav.account']);
    expect(labels(['operations:read', 'tenders:read'])).toEqual([
      'nav.home',
      'nav.operations',
      'nav.tenders',
      'nav.account',
    ]);
  });

  it('shows referrals and missions to the roles that read them', () => {
    expect(labels(['offers:read', 'referrals:read', 'assignments:read'])).toEqual([
      'nav.home',
      'nav.offers',
      'nav.referrals',
      'nav.assignments',
      'nav.account',
    ]);
    expect(labels(['offers:read'])).not.toContain('nav.referrals');
    expect(labels(['assignments:read', 'hours:read', 'hours:declare'])).toEqual([
      'nav.home',
      'nav.assignments',
      'nav.hours',
      'nav.account',
    ]);
  });

  it('shows only home and account without any of those permissions', () => {
    expect(labels([])).toEqual(['nav.home', 'nav.account']);
  });

  it('marks the current section, home only on its own path', () => {
    expect(isCurrent('/', '/')).toBe(true);
    expect(isCurrent('/', '/users')).toBe(false);
    expect(isCurrent('/users', '/users/42')).toBe(true);
    expect(isCurrent('/users', '/users-archive')).toBe(false);
  });
});

describe('current navigation item', () => {
  it('is the most specific match', async () => {
    const { currentItem, NAV_ITEMS } = await import('../src/lib/navigation');
    expect(currentItem(NAV_ITEMS, '/participants/stats')).toBe('/participants/stats');
    expect(currentItem(NAV_ITEMS, '/participants/42')).toBe('/participants');
    expect(currentItem(NAV_ITEMS, '/')).toBe('/');
  });
});
