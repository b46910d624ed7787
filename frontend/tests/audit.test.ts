import { describe, expect, it } from 'vitest';

import { describeChange, isInternalField } from '../src/lib/audit';

describe('history lines', () => {
  it('reads an [old, new] pair as a change', () => {
    expect(describeChange(['Régie', 'Régie de quartier'])).toBe('Régie → Régie de quartier');
    expect(describeChange([null, '12345678900012'])).toBe('∅ → 12345678900012');
  });

  it('shows a created value as itself, objects as JSON', () => {
    expect(describeChange(true)).toBe('true');
    expect(describeChange([{ level: 'commune', code: '37122' }])).toBe('[{"level":"commune","code":"37122"}]');
  });

  it('hides identifiers and search keys', () => {
    expect(isInternalField('id')).toBe(true);
    expect(isInternalField('search_name')).toBe(true);
    expect(isInternalField('name')).toBe(false);
  });

  it('formats both sides of a change with the given formatter', () => {
    const label = (value: unknown) => (value === 'buyer' ? 'Acheteur' : String(value));
    expect(describeChange(['buyer', 'admin'], label)).toBe('Acheteur → admin');
  });
});
