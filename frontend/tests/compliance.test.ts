import { describe, expect, it } from 'vitest';

import { progressSections, shareOf } from '../src/features/compliance/compliance';

describe('compliance figures', () => {
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
