import { describe, expect, it } from 'vitest';

import type { Permission } from '../src/client/types.gen';
import { cardsFor, ROLE_CARDS } from '../src/features/home/cards';
import { NAV_ITEMS } from '../src/lib/navigation';

// The pages a card may open: the navigation's, and the import reached from the participants list.
const PAGES = new Set([...NAV_ITEMS.map((item) => item.to), '/participants/import']);

describe('home cards', () => {
  it('link only to pages that exist, for every role', () => {
    for (const [role, cards] of Object.entries(ROLE_CARDS)) {
      expect(cards.length, role).toBeGreaterThan(0);
      for (const card of cards) expect(PAGES.has(card.to), `${role}: ${card.key} → ${card.to}`).toBe(true);
    }
  });

  it('promise nothing that does not exist (job offers, hours declarations, candidacies)', () => {
    const keys = Object.values(ROLE_CARDS).flatMap((cards) => cards.map((card) => card.key));
    for (const promise of ['declareHours', 'candidates', 'clauseRequest', 'monitoring', 'followUp']) {
      expect(keys).not.toContain(promise);
    }
  });

  it('lead enterprises and referents to the job offers, now that the page exists', () => {
    expect(ROLE_CARDS.enterprise.map((card) => card.to)).toContain('/offers');
    expect(ROLE_CARDS.referent.map((card) => card.to)).toContain('/offers');
  });

  it('lead enterprises and referents to the referrals and the missions', () => {
    for (const role of ['enterprise', 'referent'] as const) {
      const pages = ROLE_CARDS[role].map((card) => card.to);
      expect(pages, role).toEqual(expect.arrayContaining(['/referrals', '/assignments']));
    }
    expect(cardsFor('enterprise', ['tenders:read', 'offers:read']).map((card) => card.to)).not.toContain('/referrals');
  });

  it("give a network's coordinator her own wording, not the referent's", async () => {
    const fr = (await import('../src/i18n/fr.json')).default as { home: { cards: Record<string, { title: string; text: string }> } };
    const permissions: Permission[] = ['participants:read', 'participants:write', 'pathways:write'];
    const keys = cardsFor('referent', permissions, true).map((card) => card.key);
    expect(keys).toEqual(expect.arrayContaining(['networkParticipants', 'networkPathways', 'networkPortfolio']));
    for (const key of keys) expect(fr.home.cards[key]?.text, key).not.toMatch(/vous accompagnez/);
    expect(cardsFor('referent', permissions, true).map((card) => card.to)).toEqual(cardsFor('referent', permissions).map((card) => card.to));
    expect(cardsFor('referent', permissions).map((card) => card.key)).toContain('participants');
  });

  it("show only the cards whose page the person may open", () => {
    const enterprise: Permission[] = ['tenders:read'];
    expect(cardsFor('enterprise', enterprise).map((card) => card.to)).toEqual(['/tenders']);
    expect(cardsFor('referent', ['participants:read']).map((card) => card.key)).toEqual(['portfolio']);
  });
});
