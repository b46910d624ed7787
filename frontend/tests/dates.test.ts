import { describe, expect, it } from 'vitest';

import { datesInOrder, dayMonthYear, isIsoDay, isoDate, looksLikeDate, parseDate, todayIso, validPeriod } from '../src/lib/dates';
import { typedNumber } from '../src/lib/numbers';
import { typedNumber as offerNumber } from '../src/features/offers/offers';
import { isoDay } from '../src/lib/validation';
import { day } from '../src/features/tenders/format';

describe('typed dates', () => {
  it('reads day-first dates whatever the separator, and ISO dates', () => {
    expect(parseDate('03/04/1992')).toBe('1992-04-03');
    expect(parseDate(' 3/4/1992 ')).toBe('1992-04-03');
    expect(parseDate('3.4.1992')).toBe('1992-04-03');
    expect(parseDate('03-04-1992')).toBe('1992-04-03');
    expect(parseDate('1992-04-03')).toBe('1992-04-03');
  });

  it('refuses days that do not exist, half-typed years and words', () => {
    expect(parseDate('31/02/2020')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('03/04/19')).toBeNull();
    expect(parseDate('1890')).toBeNull();
    expect(parseDate('demain')).toBeNull();
    expect(isoDate(2026, 13, 1)).toBeNull();
  });

  it('tells a well-formed day that does not exist from text that is no date', () => {
    expect(looksLikeDate('31/02/2026')).toBe(true);
    expect(looksLikeDate('2026-02-31')).toBe(true);
    expect(looksLikeDate('demain')).toBe(false);
    expect(looksLikeDate('31/02')).toBe(false);
  });

  it('lets a form send only real ISO days (typed text reaches it as typed)', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-31')).toBe(false);
    expect(isIsoDay('31/02/2026')).toBe(false);
    expect(isoDay('2026-02-31')).toBe('validation.dateFormat');
    expect(isoDay('31/02/2026')).toBe('validation.dateFormat');
    expect(isoDay('2024-02-29')).toBeNull();
    expect(isoDay('')).toBeNull();
  });

  it('writes dates as dd/mm/yyyy, in the interface too', () => {
    expect(dayMonthYear('2026-11-03')).toBe('03/11/2026');
    expect(dayMonthYear('2026-11-03T10:00:00Z')).toBe('03/11/2026');
    expect(day('2026-11-03')).toBe('03/11/2026');
    expect(day(null)).toBe('—');
  });

  it("takes today in the browser's time zone, not in UTC", () => {
    expect(todayIso(new Date(2026, 0, 1, 0, 30))).toBe('2026-01-01');
  });
});

describe('typed periods', () => {
  it('gives the days to query only when both are real days (or empty) in order', () => {
    expect(validPeriod('2026-01-01', '2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(validPeriod('', null)).toEqual({ from: null, to: null });
    expect(validPeriod('31/02/2026', '')).toBeNull();
    expect(validPeriod('abc', '')).toBeNull();
    expect(validPeriod('2026-01-01', '2026-02-31')).toBeNull();
    expect(validPeriod('2026-03-01', '2026-02-28')).toBeNull();
    expect(datesInOrder('2026-03-01', '2026-02-28')).toBe(false);
    expect(datesInOrder('abc', '2026-02-28')).toBe(true);
  });
});

describe('typed numbers', () => {
  it('reads numbers one way in every form: no exponent, hexadecimal nor Infinity', () => {
    expect(offerNumber).toBe(typedNumber);
    expect(typedNumber('1 000 000,50')).toBe(1000000.5);
    expect(typedNumber('17,5')).toBe(17.5);
    for (const text of ['1e2', '1e9', '0x10', 'Infinity', 'abc', '']) expect(typedNumber(text)).toBeNaN();
  });
});
