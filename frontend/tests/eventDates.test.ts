import { describe, expect, it } from 'vitest';

import { EARLIEST_EVENT_DAY, notAfterDay, notBefore, notTooEarly, notTooFar } from '../src/lib/validation';

describe('event dates mirror the server (core/validation.py EventDate)', () => {
  it('refuses a typo of the year before 2000', () => {
    expect(EARLIEST_EVENT_DAY).toBe('2000-01-01');
    expect(notTooEarly('1890-01-01')).toBe('validation.dateTooEarly');
    expect(notTooEarly('2000-01-01')).toBeNull();
    expect(notTooEarly('')).toBeNull();
  });

  it('refuses a planned day more than five years ahead', () => {
    expect(notTooFar('2026-12-03')('2031-12-03')).toBeNull();
    expect(notTooFar('2026-12-03')('2031-12-04')).toBe('validation.dateTooFar');
  });

  it('names the bound it refuses, as dd/mm/yyyy', () => {
    expect(notBefore('2008-06-15', 'validation.entryBeforeBirth')('2008-01-07')).toEqual({
      key: 'validation.entryBeforeBirth',
      values: { date: '15/06/2008' },
    });
    expect(notBefore('2008-06-15', 'validation.entryBeforeBirth')('2008-06-15')).toBeNull();
    expect(notBefore(null, 'validation.entryBeforeBirth')('1990-01-01')).toBeNull();
    expect(notAfterDay('2025-02-03', 'validation.entryAfterFirstStep')('2025-02-10')).toEqual({
      key: 'validation.entryAfterFirstStep',
      values: { date: '03/02/2025' },
    });
  });
});
