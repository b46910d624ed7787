import { describe, expect, it } from 'vitest';

import type { Permission } from '../src/client/types.gen';
import {
  defaultMonth,
  gridTotals,
  hoursBody,
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
