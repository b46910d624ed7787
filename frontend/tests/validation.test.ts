import { describe, expect, it } from 'vitest';

import { email, normaliseSiret, optionalPassword, password, required, siret } from '../src/lib/validation';

describe('checks before sending', () => {
  it('requires a non-blank value', () => {
    expect(required('  ')).toBe('validation.required');
    expect(required('Levier')).toBeNull();
  });

  it('accepts plausible e-mail addresses only', () => {
    expect(email('camille@example.org')).toBeNull();
    expect(email(' camille@example.org ')).toBeNull();
    expect(email('camille@example')).toBe('validation.email');
    expect(email('pas une adresse')).toBe('validation.email');
  });

  it('wants 14 digits for a SIRET, spaces allowed, empty allowed', () => {
    expect(siret('')).toBeNull();
    expect(siret('123 456 789 00012')).toBeNull();
    expect(siret('1234567890123')).toBe('validation.siret');
    expect(siret('1234567890123A')).toBe('validation.siret');
    expect(normaliseSiret('123 456 789 00012')).toBe('12345678900012');
  });

  it('wants 12 characters for a password, optional ones may stay empty', () => {
    expect(optionalPassword('')).toBeNull();
    expect(optionalPassword('trop-court')).toBe('validation.passwordLength');
    expect(optionalPassword('assez-long-oui')).toBeNull();
    expect(password('')).toBe('validation.required');
    expect(password('assez-long-oui')).toBeNull();
  });
});
