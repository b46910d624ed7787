import { describe, expect, it } from 'vitest';

import { estimateBody } from '../src/features/tenders/calculator';
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
