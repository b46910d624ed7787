import { describe, expect, it } from 'vitest';

import type { StepRead } from '../src/client/types.gen';
import { exitCategory, stepBody, stepValues, versionTag } from '../src/features/participants/pathwayForms';
import { datesInOrder, periodQuery, periodReady, periodYears } from '../src/features/participants/statsPeriod';

const employment: StepRead = {
  id: 's1',
  kind: 'employment',
  start_date: '2025-02-03',
  end_date: null,
  qualification_level: null,
  contract_kind: 'cdd',
  employer: 'Bâtir SA',
  hours_per_week: '35.00',
  lot_id: null,
  lot: null,
  enterprise_id: null,
  notes: '',
  exception: null,
  actions: { edit: true, delete: true },
  version: 3,
};

describe('step form', () => {
  it('guesses neither the kind nor the date of a new step', () => {
    const values = stepValues();
    expect(values.kind).toBeNull();
    expect(values.start_date).toBe('');
  });

  it('starts a correction from what the step holds', () => {
    expect(stepValues(employment)).toMatchObject({ kind: 'employment', start_date: '2025-02-03', contract_kind: 'cdd', employer: 'Bâtir SA', hours_per_week: '35' });
  });

  it('clears what the corrected kind does not take', () => {
    const body = stepBody({ ...stepValues(employment), kind: 'support' });
    expect(body).toMatchObject({ kind: 'support', contract_kind: null, employer: null, hours_per_week: null, lot_id: null });
    expect(stepBody({ ...stepValues(employment), hours_per_week: '17,5' }).hours_per_week).toBe('17.5');
  });

  it('sends the If-Match of the version it saw', () => {
    expect(versionTag(employment)).toBe('"s1.3"');
  });
});

describe('exit form', () => {
  it('sends a category only for an "other" situation', () => {
    expect(exitCategory('cdi', 'other_exit')).toBeNull();
    expect(exitCategory('other', 'neutralised')).toBe('neutralised');
  });
});

describe('dashboard period', () => {
  it('asks for a year, or dates, or everything', () => {
    expect(periodQuery({ kind: 'all' })).toEqual({});
    expect(periodQuery({ kind: 'year', year: 2025 })).toEqual({ year: 2025 });
    expect(periodQuery({ kind: 'dates', from: '2025-01-01', to: '' })).toEqual({ exited_from: '2025-01-01', exited_to: null });
  });

  it('offers this year and the four before', () => {
    expect(periodYears(new Date(2026, 11, 3))).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('applies dates only in order', () => {
    expect(datesInOrder('2025-06-01', '2025-01-01')).toBe(false);
    expect(datesInOrder('2025-01-01', '')).toBe(true);
  });

  it('queries only real days in order, never the text being typed', () => {
    // "31/02/2026" and "abc" stay in the field as typed: they must not reach the API (422).
    for (const from of ['31/02/2026', 'abc', '2026-02-31']) {
      expect(periodReady(from, '2026-06-30')).toBe(false);
      expect(periodQuery({ kind: 'dates', from, to: '2026-06-30' })).toEqual({ exited_from: null, exited_to: null });
    }
    expect(periodReady('2026-07-01', '2026-06-30')).toBe(false);
    expect(periodQuery({ kind: 'dates', from: '2026-07-01', to: '2026-06-30' })).toEqual({ exited_from: null, exited_to: null });
    expect(periodReady('2026-01-01', '2026-06-30')).toBe(true);
    expect(periodReady('', '2026-06-30')).toBe(true);
    expect(periodReady('', '')).toBe(true);
    // Only two real days can be out of order: an unreadable one is said by its own field.
    expect(datesInOrder('2026-01-01', 'abc')).toBe(true);
  });
});
