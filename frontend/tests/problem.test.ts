import { describe, expect, it } from 'vitest';

import { ApiError, fieldErrors, isShown, otherErrors, toApiError, type Problem } from '../src/lib/problem';

const problem: Problem = {
  type: 'urn:levier:problem:validation_failed',
  title: 'Certaines données sont invalides.',
  status: 422,
  detail: 'Certaines données sont invalides.',
  code: 'validation_failed',
  errors: [
    { loc: ['body', 'siret'], field: 'siret', code: 'siret_invalid', message: 'SIRET invalide' },
    { loc: ['body', 'siret'], field: 'siret', code: 'other', message: 'second message' },
    { loc: ['body', 'territory', '1', 'code'], field: 'territory.1.code', code: 'insee_code_invalid', message: 'Code INSEE inconnu : 99999.' },
  ],
};

describe('fieldErrors', () => {
  it('keeps the first message of each field, with nested paths whole', () => {
    expect(fieldErrors(problem)).toEqual({
      siret: 'SIRET invalide',
      'territory.1.code': 'Code INSEE inconnu : 99999.',
    });
  });

  it('is empty without a problem', () => {
    expect(fieldErrors(undefined)).toEqual({});
  });

  it('falls back to the location without its "body" root when no field is named', () => {
    const bare = {
      ...problem,
      errors: [{ loc: ['body', 'territory', '0', 'code'], field: '', code: 'x', message: 'Inconnu' }],
    };
    expect(fieldErrors(bare)).toEqual({ 'territory.0.code': 'Inconnu' });
  });
});

describe('isShown', () => {
  it('counts nested paths as shown by their parent input', () => {
    expect(isShown('territory.1.code', ['territory'])).toBe(true);
    expect(isShown('siret', ['siret'])).toBe(true);
    expect(isShown('siret_key', ['siret'])).toBe(false);
  });
});

describe('otherErrors', () => {
  it('leaves nested errors to the input that shows their parent', () => {
    expect(otherErrors(problem, ['siret', 'territory'])).toEqual([]);
  });

  it('lists only errors no field shows', () => {
    expect(otherErrors(problem, ['siret'])).toEqual(['territory.1.code : Code INSEE inconnu : 99999.']);
  });

  it('falls back to the detail for problems without field errors', () => {
    const conflict = { ...problem, status: 409, code: 'conflict', detail: 'Conflit', errors: undefined };
    expect(otherErrors(conflict, [])).toEqual(['Conflit']);
  });
});

describe('toApiError', () => {
  it('wraps problem bodies and keeps their status', () => {
    const error = toApiError(problem);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.problem.code).toBe('validation_failed');
  });

  it('turns network failures into a status-0 problem', () => {
    const error = toApiError(new TypeError('Failed to fetch'));
    expect(error.status).toBe(0);
    expect(error.message).toBe('Failed to fetch');
  });
});
