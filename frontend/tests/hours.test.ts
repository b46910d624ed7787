import { describe, expect, it } from 'vitest';

import type { Permission } from '../src/client/types.gen';
import i18n from '../src/i18n';
import {
  defaultMonth,
  gridTotals,
  hoursBody,
  hoursEmptyKey,
  hoursIntroKey,
  hoursProblems,
  hoursViews,
  isMonth,
  monthLabel,
  recentMonths,
  shiftMonth,
} from '../src/features/hours/hours';

describe('months', () => {
  it('reads only the months the API takes (2000-01 to 2099-12)', () => {
    expect(isMonth('2026-11')).toBe(true);
    for (const text of ['2026-13', '2026-00', '1999-12', '2100-01', '2026-1', '2026-11-01', '', null]) {
      expect(isMonth(text)).toBe(false);
    }
  });

  it('moves across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });

  it('declares last month by default, and offers three years back from this one', () => {
    expect(defaultMonth('2026-01-04')).toBe('2025-12');
    const months = recentMonths('2026-12-04');
    expect(months[0]).toBe('2026-12');
    expect(months).toHaveLength(36);
    expect(months[35]).toBe('2024-01');
  });

  it('names a month in the interface language', () => {
    expect(monthLabel('2026-11', 'fr')).toBe('novembre 2026');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
  });
});

describe('the views of each role', () => {
  const holding = (permissions: Permission[]) => (permission: Permission) => permissions.includes(permission);
  it('gives the facilitator the queue first, the enterprise its grid, the referent the list', () => {
    expect(hoursViews(holding(['hours:read', 'hours:validate']))).toEqual(['queue', 'grid', 'list']);
    expect(hoursViews(holding(['hours:read', 'hours:declare']))).toEqual(['grid', 'list']);
    expect(hoursViews(holding(['hours:read']))).toEqual(['list']);
  });

  it('words the grid for what the role does there: no enterprise is told to validate', async () => {
    await i18n.changeLanguage('fr');
    const enterprise = i18n.t(hoursIntroKey('grid', holding(['hours:read', 'hours:declare'])));
    expect(enterprise).toContain('à déclarer ou à corriger');
    expect(enterprise).not.toMatch(/valider/);
    expect(i18n.t(hoursIntroKey('grid', holding(['hours:read', 'hours:validate'])))).toContain('à valider ou à refuser');
    expect(hoursIntroKey('queue', holding(['hours:validate']))).toBe('hours.intro.queue');
  });
});

describe('what an empty list says', () => {
  it('names what is missing and the month, not "Aucun résultat."', async () => {
    await i18n.changeLanguage('fr');
    const month = monthLabel('2026-10', 'fr');
    expect(i18n.t(hoursEmptyKey('queue', '2026-10'), { month })).toBe('Aucune déclaration à valider pour octobre 2026.');
    expect(i18n.t(hoursEmptyKey('queue', null))).toBe('Aucune déclaration à valider.');
    expect(i18n.t(hoursEmptyKey('list', '2026-10'), { month })).toBe("Aucune déclaration d'heures pour octobre 2026.");
    expect(i18n.t(hoursEmptyKey('grid', '2026-10'), { month })).toBe('Aucune mission en cours chez cet employeur en octobre 2026.');
  });
});

describe('the import says its counts in words, not "ligne(s)"', () => {
  it('uses the plural forms of each language', async () => {
    await i18n.changeLanguage('fr');
    expect(i18n.t('hours.validLines', { count: 1 })).toBe('1 ligne valide');
    expect(i18n.t('hours.validLines', { count: 0 })).toBe('0 ligne valide');
    expect(i18n.t('hours.validLines', { count: 9 })).toBe('9 lignes valides');
    const imported = i18n.t('hours.imported', {
      declarations: i18n.t('hours.declarationCount', { count: 1 }),
      corrections: i18n.t('hours.correctionCount', { count: 2 }),
    });
    expect(imported).toBe('Heures importées : 1 déclaration et 2 corrections.');
    await i18n.changeLanguage('en');
    expect(i18n.t('hours.validLines', { count: 0 })).toBe('0 valid lines');
    expect(i18n.t('hours.declarationCount', { count: 1 })).toBe('1 declaration');
    await i18n.changeLanguage('fr');
  });
});

describe('a declaration', () => {
  it('takes 0 up to the ceiling, with a comma and two decimals at most', () => {
    expect(hoursProblems({ hours: '151,67', note: '' }, 210)).toEqual({});
    expect(hoursProblems({ hours: '0', note: '' }, 210)).toEqual({});
    expect(hoursProblems({ hours: '210', note: '' }, 210)).toEqual({});
    const refused = { key: 'validation.monthHours', values: { max: 210 } };
    for (const hours of ['210,5', '-1', 'abc', '1e2', '12,345']) {
      expect(hoursProblems({ hours, note: '' }, 210)).toEqual({ hours: refused });
    }
    expect(hoursProblems({ hours: '', note: 'x'.repeat(2001) }, 210)).toEqual({
      hours: 'validation.required',
      note: { key: 'validation.maxLength', values: { count: 2000 } },
    });
  });

  it('is sent as a decimal with a point, the note trimmed', () => {
    expect(hoursBody({ hours: ' 1 51,5 ', note: ' pluie ' })).toEqual({ hours: '151.5', note: 'pluie' });
  });

  it('sums a grid: validated hours, hours waiting and how many wait, not the rejected', () => {
    const rows = [
      { declaration: { hours: '100.50', status: 'validated' as const } },
      { declaration: { hours: '20', status: 'declared' as const } },
      { declaration: { hours: '8', status: 'rejected' as const } },
      { declaration: null },
    ];
    expect(gridTotals(rows)).toEqual({ validated: 100.5, waitingHours: 20, waiting: 1 });
  });
});
