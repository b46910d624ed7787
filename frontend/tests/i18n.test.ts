import { describe, expect, it } from 'vitest';

import { AUDITED_TYPES } from '../src/features/audit/audit';
import { ROLE_CARDS } from '../src/features/home/cards';
import { ENTERPRISE_KINDS, ORGANISATION_KINDS } from '../src/features/organisations/kinds';
import { LIFECYCLE, LOT_OUTCOMES } from '../src/features/tenders/lifecycle';
import { TENDER_STATUSES } from '../src/features/tenders/vocabularies';
import contract from '../../openapi/openapi.json';
import en from '../src/i18n/en.json';
import { NAV_ITEMS } from '../src/lib/navigation';
import fr from '../src/i18n/fr.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('French and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('no message is empty', () => {
    const values = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'object' ? values(v) : [String(v)]));
    expect(values(fr).filter((v) => !v.trim())).toEqual([]);
    expect(values(en).filter((v) => !v.trim())).toEqual([]);
  });

  it('has a message for every key built from data (roles, kinds, cards, navigation)', () => {
    const built = [
      // Every role of the API contract (the app lists them from /users/role-options).
      ...contract.components.schemas.Role.enum.map((role) => `roles.${role}`),
      ...ORGANISATION_KINDS.map((kind) => `kinds.${kind}`),
      ...ENTERPRISE_KINDS.map((kind) => `enterpriseKinds.${kind}`),
      ...['commune', 'department', 'region'].map((level) => `levels.${level}`),
      ...Object.values(ROLE_CARDS).flatMap((cards) =>
        cards.flatMap((card) => [`home.cards.${card.key}.title`, `home.cards.${card.key}.text`]),
      ),
      ...AUDITED_TYPES.map((type) => `audit.types.${type}`),
      ...['created', 'updated', 'deleted', 'read_sensitive', 'anonymised'].map((action) => `history.actions.${action}`),
      ...NAV_ITEMS.map((item) => item.labelKey),
      ...TENDER_STATUSES.map((status) => `tenderStatus.${status}`),
      ...LIFECYCLE.map((move) => `transitions.${move.target}`),
      ...LOT_OUTCOMES.flatMap((outcome) => [`lotOutcomes.${outcome}`, `lotOutcomes.${outcome}Help`, `lots.declared_${outcome}`]),
      'validation.required',
      'validation.email',
      'validation.siret',
      'validation.passwordLength',
    ];
    for (const messages of [fr, en]) {
      const known = new Set(keys(messages));
      expect(built.filter((key) => !known.has(key))).toEqual([]);
    }
  });

  it('uses the role labels the facilitators know', () => {
    expect(fr.roles).toEqual({
      admin: 'Administrateur',
      facilitator: 'Facilitateur',
      buyer: 'Acheteur',
      enterprise: 'Entreprise',
      referent: 'Référent',
      networkCoordinator: 'Coordination du réseau de référents',
    });
    expect(fr.kinds.facilitation_structure).toBe("Structure d'animation (facilitateur)");
  });

  it("names a tender's states in agreement with the noun the pages show (« un marché publié »)", () => {
    expect(fr.nav.tenders).toBe('Marchés');
    expect(fr.tenders.new).toBe('Nouveau marché');
    expect(fr.tenderStatus).toEqual({
      draft: 'Brouillon',
      published: 'Publié',
      awarded: 'Attribué',
      in_execution: 'En exécution',
      closed: 'Clos',
      cancelled: 'Annulé',
    });
    expect(fr.lotOutcomes.unsuccessful).toBe('Infructueux');
    expect(fr.lotOutcomes.abandoned).toBe('Sans suite');
  });
});

describe('typography', () => {
  it('writes no French space before a colon, semicolon, ? or ! in English', () => {
    const values = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'object' ? values(v) : [String(v)]));
    // A space then the sign, the sign followed by a space or the end (not "_ . / : ' +" lists).
    expect(values(en).filter((v) => /[ \u00a0\u202f][:;?!](\s|$)/.test(v) && !/[_/#°] : '/.test(v))).toEqual([]);
    expect(en.app.labelled).toBe('{{label}}:');
    expect(fr.app.labelled).toBe('{{label}} :');
  });
});

describe('the first language', () => {
  it("follows the browser until the person chooses, French when it is neither", async () => {
    const { initialLanguage } = await import('../src/i18n');
    expect(initialLanguage(null, ['en-US', 'en'])).toBe('en');
    expect(initialLanguage(null, ['de-DE', 'fr-CH'])).toBe('fr');
    expect(initialLanguage(null, ['EN-gb'])).toBe('en');
    expect(initialLanguage(null, ['de-DE'])).toBe('fr');
    expect(initialLanguage(null, [])).toBe('fr');
    expect(initialLanguage('fr', ['en-US'])).toBe('fr');
    expect(initialLanguage('en', ['fr-FR'])).toBe('en');
    expect(initialLanguage('xx', ['en-US'])).toBe('en');
  });
});

describe('the role a person is shown', () => {
  it('names the coordinator of a network of referents as such', async () => {
    const { roleKey } = await import('../src/lib/me');
    expect(roleKey({ role: 'referent', coordinates_network: true })).toBe('roles.networkCoordinator');
    expect(roleKey({ role: 'referent', coordinates_network: false })).toBe('roles.referent');
    expect(roleKey({ role: 'admin', coordinates_network: false })).toBe('roles.admin');
  });
});
