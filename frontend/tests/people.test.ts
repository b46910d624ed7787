import { describe, expect, it } from 'vitest';

import { periodProblems } from '../src/features/audit/audit';
import { organisationDetail } from '../src/features/users/organisationLabel';
import { activationKey, isInternalField } from '../src/lib/audit';
import { hasApiUse, roleKey } from '../src/lib/me';
import { formatSiret } from '../src/lib/siret';

describe('one SIRET format everywhere it is shown', () => {
  it('groups the SIREN by threes, then the NIC', () => {
    expect(formatSiret('01370001800016')).toBe('013 700 018 00016');
    expect(formatSiret('013 700 018 00016')).toBe('013 700 018 00016');
  });
  it('leaves anything that is not fourteen digits as it is', () => {
    expect(formatSiret('1234')).toBe('1234');
    expect(formatSiret('1234567890123A')).toBe('1234567890123A');
  });
  it('is the one the pickers use', () => {
    expect(organisationDetail({ siret: '01370001800016', territory: [] })).toBe('SIRET 013 700 018 00016');
  });
});

describe('account history in people words', () => {
  it('never shows session counters or search keys', () => {
    for (const field of ['token_version', 'search_name', 'identity_key', 'id']) expect(isInternalField(field)).toBe(true);
    expect(isInternalField('active')).toBe(false);
  });
  it('says a deactivation as such, by the type of record', () => {
    expect(activationKey('user', 'active', [true, false])).toBe('history.deactivated.user');
    expect(activationKey('user', 'active', [false, true])).toBe('history.reactivated.user');
    expect(activationKey('organisation', 'active', [true, false])).toBe('history.deactivated.organisation');
    expect(activationKey('lot', 'active', [true, false])).toBe('history.deactivated.other');
    expect(activationKey('user', 'full_name', ['A', 'B'])).toBeNull();
    expect(activationKey('user', 'active', true)).toBeNull();
  });
});

describe('roles as people read them', () => {
  it('names the network coordination, from any account read', () => {
    expect(roleKey({ role: 'referent', coordinates_network: true })).toBe('roles.networkCoordinator');
    expect(roleKey({ role: 'referent', coordinates_network: false })).toBe('roles.referent');
    expect(roleKey({ role: 'facilitator', coordinates_network: true })).toBe('roles.facilitator');
  });
  it('links the API documentation for the roles that integrate, not for enterprises', () => {
    for (const role of ['admin', 'facilitator', 'buyer', 'referent'] as const) expect(hasApiUse({ role })).toBe(true);
    expect(hasApiUse({ role: 'enterprise' })).toBe(false);
  });
});

describe('the audit period', () => {
  it('says both a start after today and a reversed range', () => {
    expect(periodProblems({ since: '2026-12-10', until: '2026-12-01' }, '2026-12-04')).toEqual({
      since: 'audit.sinceInFuture',
      until: 'audit.periodInverted',
    });
  });
});
