import { describe, expect, it } from 'vitest';

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
