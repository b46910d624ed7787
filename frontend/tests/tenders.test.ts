import { describe, expect, it } from 'vitest';

import { estimateBody } from '../src/features/tenders/calculator';
import { COMPLETE_CPV, cpvLabel, cpvProblem } from '../src/features/tenders/cpv';
import { ApiError } from '../src/lib/problem';
import { decimal, fromPercent, toPercent } from '../src/features/tenders/format';
import { TRANSITIONS } from '../src/features/tenders/vocabularies';

describe('calculator inputs', () => {
  it('sends percentages as fractions and amounts without separators', () => {
    const body = estimateBody(
      { cpv_code: '45000000-7', calculation_method: 'generic', duration_months: 12 },
      { amount: '1 000 000', labourShare: '50', insertionRate: '5', hourlyCost: '30' },
    );
    expect(body).toMatchObject({
      amount_excl_tax: '1000000',
      labour_share: '0.5',
      insertion_rate: '0.05',
      hourly_cost: '30',
    });
  });

  it('leaves empty parameters to the structure (null)', () => {
    const body = estimateBody(
      { cpv_code: '45000000-7', calculation_method: 'generic', duration_months: 12 },
      { amount: '200000', labourShare: '', insertionRate: ' ', hourlyCost: '' },
    );
    expect([body.labour_share, body.insertion_rate, body.hourly_cost]).toEqual([null, null, null]);
  });

  it('converts French decimal commas and back', () => {
    expect(fromPercent('7,5')).toBe('0.075');
    expect(toPercent('0.0750')).toBe('7.5');
    expect(decimal('12 345,60')).toBe('12345.60');
  });
});

describe('tender lifecycle', () => {
  it('offers only the allowed moves, none from a final state', () => {
    expect(TRANSITIONS.draft).toEqual(['published', 'cancelled']);
    expect(TRANSITIONS.in_execution).toEqual(['closed']);
    expect(TRANSITIONS.closed).toEqual([]);
    expect(TRANSITIONS.cancelled).toEqual([]);
  });
});

describe('CPV codes', () => {
  it('resolves only complete codes, with or without the check digit', () => {
    expect(['45210000', '45210000-2'].every((code) => COMPLETE_CPV.test(code))).toBe(true);
    expect(['4521', '45210000-', '45210000-22', 'travaux'].some((code) => COMPLETE_CPV.test(code))).toBe(false);
  });

  it("labels a code by its group, a division's own code by the division", () => {
    const division = { code: '45000000-7', level: 'division' as const, label: 'Travaux de construction' };
    const group = { code: '45200000-9', level: 'group' as const, label: 'Travaux de construction complète' };
    expect(cpvLabel({ code: '45210000-2', division, group })).toBe('Travaux de construction complète');
    expect(cpvLabel({ code: '45000000-7', division, group: null })).toBe('Travaux de construction');
  });

  it("shows the API's reason for a refused code, not a network failure", () => {
    const field = new ApiError({
      type: 'about:blank', title: 'Invalid', status: 422, detail: 'Invalid', code: 'validation_failed',
      errors: [{ loc: ['path', 'cpv_code'], field: 'cpv_code', code: 'cpv_check_digit', message: 's’écrit 45210000-2' }],
    });
    const unknown = new ApiError({ type: 'about:blank', title: 'Not found', status: 404, detail: 'Code CPV inconnu', code: 'cpv_unknown' });
    const offline = new ApiError({ type: 'about:blank', title: 'Network', status: 0, detail: 'Network', code: 'network' });
    expect([cpvProblem(field), cpvProblem(unknown), cpvProblem(offline)]).toEqual(['s’écrit 45210000-2', 'Code CPV inconnu', undefined]);
  });
});
