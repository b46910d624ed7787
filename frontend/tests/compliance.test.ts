import { describe, expect, it } from 'vitest';

import { asOfDay, asOfProblem, chartRows, shortMonthLabel, progressSections, shareOf, summaryLevel } from '../src/features/compliance/compliance';

describe('compliance figures', () => {
  it('labels every month of the chart with a short name', () => {
    expect(shortMonthLabel('2026-11', 'fr')).toBe('nov. 26');
    expect(shortMonthLabel('2026-11', 'en')).toBe('Nov 26');
  });

  it('says where it is typed that the "À la date du" day is unreadable, not in the calendar or after today', () => {
    const today = '2026-12-04';
    expect(asOfProblem('', today)).toBeNull();
    expect(asOfProblem('2026-11-30', today)).toBeNull();
    expect(asOfProblem('2026-12-04', today)).toBeNull();
    expect(asOfProblem('abc', today)).toEqual({ key: 'validation.date', values: { text: 'abc' } });
    expect(asOfProblem('31/02/2026', today)).toEqual({ key: 'validation.dateNotInCalendar', values: { text: '31/02/2026' } });
    expect(asOfProblem('2030-01-01', today)?.key).toBe('compliance.onNotAfterToday');
    // The figures stay on today rather than on a wrong or future day.
    expect(asOfDay('2030-01-01', today)).toBe(today);
    expect(asOfDay('abc', today)).toBe(today);
    expect(asOfDay('2026-11-30', today)).toBe('2026-11-30');
  });

  it('gives shares of the requirement with one decimal, none without a requirement', () => {
    expect(shareOf('1889', 1700)).toBe(111.1);
    expect(shareOf('0', 1700)).toBe(0);
    expect(shareOf('10', null)).toBeNull();
    expect(shareOf('10', 0)).toBeNull();
  });

  it('fits validated then pending hours in the bar', () => {
    expect(progressSections('500', '250', 1000)).toEqual({ validated: 50, pending: 25 });
    expect(progressSections('900', '300', 1000)).toEqual({ validated: 90, pending: 10 });
    expect(progressSections('1500', '300', 1000)).toEqual({ validated: 100, pending: 0 });
    expect(progressSections('10', '0', null)).toEqual({ validated: 0, pending: 0 });
  });
});


describe('the compliance page by role', () => {
  it('opens on the structure, the buyer or the awardee', () => {
    expect(summaryLevel('facilitator')).toBe('structure');
    expect(summaryLevel('buyer')).toBe('buyer');
    expect(summaryLevel('enterprise')).toBe('awardee');
    expect(summaryLevel('admin')).toBeNull();
  });

  it('charts cumulative counted and expected hours against the requirement, month by month', () => {
    const rows = chartRows(
      {
        lot_id: 'l', operation_id: null, on: '2026-12-04', required_hours: 400,
        points: [
          { month: '2026-10', on: '2026-10-31', validated: '50', cumulative_counted: '50', cumulative_expected: '40.5' },
          { month: '2026-11', on: '2026-11-30', validated: '30', cumulative_counted: '80', cumulative_expected: '81' },
        ],
      },
      'fr',
    );
    expect(rows).toEqual([
      { month: 'octobre 2026', short: 'oct. 26', counted: 50, expected: 40.5, required: 400 },
      { month: 'novembre 2026', short: 'nov. 26', counted: 80, expected: 81, required: 400 },
    ]);
  });
});
