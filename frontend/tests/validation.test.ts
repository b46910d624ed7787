import { describe, expect, it } from 'vitest';

import { shownValues } from '../src/hooks/useValidator';
import {
  amount,
  atMost,
  birthDate,
  email,
  franceTravailId,
  maxLength,
  NAME_MAX_LENGTH,
  normaliseSiret,
  notAfter,
  optional,
  optionalAmount,
  optionalPassword,
  password,
  phone,
  required,
  siret,
  weight,
  wholeNumber,
  withoutInvisible,
  yearsBetween,
} from '../src/lib/validation';

describe('checks before sending', () => {
  it('requires a non-blank value', () => {
    expect(required('  ')).toBe('validation.required');
    expect(required('Levier')).toBeNull();
  });

  it('refuses a name longer than the server takes, saying its limit', () => {
    expect(maxLength(NAME_MAX_LENGTH)('x'.repeat(200))).toBeNull();
    expect(maxLength(NAME_MAX_LENGTH)(`  ${'x'.repeat(200)}  `)).toBeNull();
    expect(maxLength(NAME_MAX_LENGTH)('x'.repeat(6000))).toEqual({ key: 'validation.maxLength', values: { count: 200 } });
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

  it('checks phone numbers with the server\'s pattern, empty allowed', () => {
    expect(phone('')).toBeNull();
    expect(phone('06 12 34 56 78')).toBeNull();
    expect(phone('+33 (0)6.12.34.56.78')).toBeNull();
    expect(phone('abc')).toBe('validation.phone');
    expect(phone('12345')).toBe('validation.phone');
    expect(franceTravailId('1234567A')).toBeNull();
    expect(franceTravailId('12 34')).toBe('validation.franceTravailId');
    expect(optional(email)('')).toBeNull();
  });

  it('accepts participants aged 16 to 100, birthdays included', () => {
    const check = birthDate('2026-06-15');
    expect(check('2010-06-15')).toBeNull(); // 16 today
    expect(check('2010-06-16')).toBe('validation.tooYoung');
    expect(check('1926-06-15')).toBeNull(); // 100 today
    expect(check('1925-06-14')).toBe('validation.birthDateImplausible');
    expect(check('1890-01-01')).toBe('validation.birthDateImplausible');
    expect(check('2026-06-16')).toBe('validation.birthDateFuture');
    expect(yearsBetween('2000-02-29', '2026-02-28')).toBe(25);
    expect(notAfter('2026-06-15')('2026-06-16')).toBe('validation.dateInFuture');
  });
});

describe('tender references', () => {
  it('take letters, accents, digits and a few signs, and say the length past 16', async () => {
    const { tenderReference } = await import('../src/lib/validation');
    expect(tenderReference('MÉD-2026/04(b)')).toBeNull();
    expect(tenderReference('AB😀C')).toBe('validation.tenderReference');
    expect(tenderReference('AB C')).toBe('validation.tenderReference');
    expect(tenderReference('A'.repeat(20))).toEqual({ key: 'validation.tenderReferenceLength', values: { count: 20 } });
  });
});

describe('the server bounds, checked before sending', () => {
  it('takes a whole number within its bounds, as typed (spaces, a number input)', () => {
    const months = wholeNumber(12, 36);
    expect(months('24')).toBeNull();
    expect(months('')).toBeNull();
    expect(months('40')).toEqual({ key: 'validation.wholeRange', values: { min: 12, max: 36 } });
    expect(months('12,5')).toEqual({ key: 'validation.wholeRange', values: { min: 12, max: 36 } });
    expect(months('abc')).toEqual({ key: 'validation.wholeRange', values: { min: 12, max: 36 } });
    expect(wholeNumber(1, 99_999_999)('1 500')).toBeNull();
  });

  it('says the most a column holds', () => {
    const cost = atMost(99_999_999.99, '99 999 999,99 €');
    expect(cost('35,50')).toBeNull();
    expect(cost('123456789')).toEqual({ key: 'validation.amountMax', values: { max: '99 999 999,99 €' } });
  });
});

describe('invisible characters, as the server removes them', () => {
  it('finds a text of zero-width spaces and bidi marks empty', () => {
    expect(withoutInvisible('Gros\u200b œuvre\u200e\u00ad')).toBe('Gros œuvre');
    expect(required('\u200b\u200b')).toBe('validation.required');
    expect(required(' \u2060\ufeff ')).toBe('validation.required');
    expect(required('a\u200b')).toBeNull();
  });

  it('counts only what the server keeps', () => {
    expect(maxLength(3)('abc\u200b\u200b')).toBeNull();
    expect(maxLength(3)('abcd')).toEqual({ key: 'validation.maxLength', values: { count: 3 } });
  });
});

describe('numbers typed in text boxes (kept as typed, refused with what is expected)', () => {
  it('refuses what Number() would read otherwise: an exponent, hex, a word', () => {
    for (const typed of ['1e9', '0x10', 'abc', 'Infinity']) {
      expect(wholeNumber(0, 10_000_000)(typed)).toEqual({ key: 'validation.wholeRange', values: { min: 0, max: 10_000_000 } });
      expect(amount(typed)).toBe('validation.amount');
    }
    expect(wholeNumber(1, 999)('12')).toBeNull();
    expect(wholeNumber(0, 10_000_000)('1 000 000')).toBeNull();
  });

  it('says an amount must be above 0 (or 0 or more), not only its format', () => {
    expect(amount('-5000')).toBe('validation.amountPositive');
    expect(amount('0')).toBe('validation.amountPositive');
    expect(optionalAmount('-1')).toBe('validation.amountNotNegative');
    expect(optionalAmount('0')).toBeNull();
    expect(amount('1 250 000,50')).toBeNull();
  });

  it('checks a criterion weight from 1 to 100 with two decimals at most', () => {
    expect(weight('20')).toBeNull();
    expect(weight('12,5')).toBeNull();
    expect(weight('0')).toBe('validation.weight');
    expect(weight('1e1')).toBe('validation.weight');
  });

  it('writes numbers of messages with their thousands apart', () => {
    expect(shownValues({ min: 0, max: 10_000_000, count: 1200 }, 'fr')).toEqual({ min: '0', max: '10\u202f000\u202f000', count: 1200 });
    expect(shownValues({ max: 10_000_000 }, 'en')).toEqual({ max: '10,000,000' });
  });
});
