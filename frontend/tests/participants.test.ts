import { describe, expect, it } from 'vitest';

import { participantBody, participantChanges, participantValues } from '../src/features/participants/participantForm';
import { ageOn, EXIT_CATEGORY, EXIT_SITUATIONS } from '../src/features/participants/vocabularies';

describe('exit categories', () => {
  it('derives the category from the situation as participants.md classifies it', () => {
    expect(EXIT_CATEGORY.cdi).toBe('lasting_employment');
    expect(EXIT_CATEGORY.cdd_under_6_months).toBe('transitional_employment');
    expect(EXIT_CATEGORY.hired_by_siae).toBe('positive_exit');
    expect(EXIT_CATEGORY.no_news).toBe('other_exit');
    expect(EXIT_CATEGORY.moving_away).toBe('neutralised');
  });

  it('asks for the category only for an "other" situation', () => {
    expect(EXIT_SITUATIONS.filter((situation) => EXIT_CATEGORY[situation] === null)).toEqual(['other']);
  });
});

describe('age', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2000-05-10', new Date(2026, 4, 9))).toBe(25);
    expect(ageOn('2000-05-10', new Date(2026, 4, 10))).toBe(26);
  });
});

describe('participant form', () => {
  const values = {
    ...participantValues(),
    last_name: ' Martin ',
    first_names: 'Léa',
    birth_date: '1995-04-12',
    gender: 'female' as const,
  };

  it('starts with no sex chosen and sends empty optional fields as null', () => {
    expect(participantValues().gender).toBeNull();
    expect(participantBody(values)).toMatchObject({
      last_name: 'Martin',
      commune_code: null,
      address: null,
      email: null,
      phone: null,
      france_travail_id: null,
      structure_id: null,
    });
  });

  it('sends only what a correction changed', () => {
    const record = {
      id: 'p1', last_name: 'Martin', first_names: 'Léa', birth_date: '1995-04-12', gender: 'female',
      commune_code: '37261', commune_name: 'Tours', qpv: true, address: null, email: 'lea@example.org',
      phone: null, france_travail_id: null, notes: '', structure_id: 's1', health_consent_on: '2026-01-05',
    } as never;
    const initial = participantValues(record);
    expect(initial.commune).toEqual([{ level: 'commune', code: '37261', name: 'Tours' }]);
    expect(initial.health_consent).toBe(true);
    expect(participantChanges(initial, initial)).toEqual({});
    expect(participantChanges(initial, { ...initial, birth_date: '1995-04-21', email: '', commune: [] })).toEqual({
      birth_date: '1995-04-21',
      email: null,
      commune_code: null,
    });
  });
});

describe('people with a close name', () => {
  it('are the same last name with first names starting alike, accents and case aside', async () => {
    const { similarPeople } = await import('../src/features/participants/similar');
    const person = (last_name: string, first_names: string) =>
      ({ id: `${last_name}-${first_names}`, last_name, first_names }) as Parameters<typeof similarPeople>[0][number];
    const people = [person('Testeur', 'Zoé'), person('Testeur-Martin', 'Zoé'), person('Testeur', 'Alice')];
    expect(similarPeople(people, 'TESTEUR', 'Zoe').map((p) => p.id)).toEqual(['Testeur-Zoé']);
    expect(similarPeople(people, 'testeur', 'zoé marie').map((p) => p.id)).toEqual(['Testeur-Zoé']);
    expect(similarPeople(people, 'Dupont', 'Zoé')).toEqual([]);
  });
});
