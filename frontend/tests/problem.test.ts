import { describe, expect, it } from 'vitest';

import { ApiError, fieldErrors, fieldMap, fieldName, formPathOf, mapProblem, toApiError, type Problem } from '../src/lib/problem';

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

describe('formPathOf', () => {
  it('sends nested errors to the input showing their parent, renamed or not', () => {
    expect(formPathOf('territory.1.code', { territory: 'territory' })).toBe('territory');
    expect(formPathOf('place_of_execution.code', { place_of_execution: 'place' })).toBe('place');
    expect(formPathOf('siret', { siret: 'siret' })).toBe('siret');
    expect(formPathOf('siret_key', { siret: 'siret' })).toBeNull();
  });

  it('carries list indexes through a *', () => {
    const fields = { 'members.*.enterprise_id': 'members.*.enterprise', members: 'members' };
    expect(formPathOf('members.2.enterprise_id', fields)).toBe('members.2.enterprise');
    expect(formPathOf('members', fields)).toBe('members');
  });

  it('prefers the most precise key', () => {
    expect(formPathOf('considerations.1.criterion_weight', {
      considerations: 'considerations',
      'considerations.*.criterion_weight': 'criterion_weight',
    })).toBe('criterion_weight');
  });
});

describe('mapProblem', () => {
  it('puts every error the form shows on its input at once, the rest above the form', () => {
    const exit: Problem = {
      ...problem,
      errors: [
        { loc: ['body', 'exit_date'], field: 'exit_date', code: 'exit_before_last_step', message: 'La sortie ne peut pas précéder la dernière étape (03/11/2026).' },
        { loc: ['body', 'category'], field: 'category', code: 'exit_category_required', message: 'Catégorie obligatoire' },
        { loc: ['body', 'notes'], field: 'notes', code: 'too_long', message: 'Trop long' },
      ],
    };
    const mapped = mapProblem(exit, fieldMap(['situation', 'category'], { exit_date: 'date' }));
    expect(mapped.fields).toEqual({
      date: 'La sortie ne peut pas précéder la dernière étape (03/11/2026).',
      category: 'Catégorie obligatoire',
    });
    expect(mapped.others).toEqual([{ field: 'notes', message: 'Trop long' }]);
  });

  it('leaves nested errors to the input that shows their parent', () => {
    expect(mapProblem(problem, fieldMap(['siret', 'territory'])).others).toEqual([]);
    expect(mapProblem(problem, fieldMap(['siret', 'territory'])).fields).toEqual({
      siret: 'SIRET invalide',
      territory: 'Code INSEE inconnu : 99999.',
    });
  });

  it('lists only errors no field shows, with their API field', () => {
    expect(mapProblem(problem, fieldMap(['siret'])).others).toEqual([
      { field: 'territory.1.code', message: 'Code INSEE inconnu : 99999.' },
    ]);
  });

  it('falls back to the detail for problems without field errors', () => {
    const conflict = { ...problem, status: 409, code: 'conflict', detail: 'Conflit', errors: undefined };
    expect(mapProblem(conflict).others).toEqual([{ field: '', message: 'Conflit' }]);
    expect(mapProblem(undefined)).toEqual({ fields: {}, others: [] });
  });

  it('names a field by its last segment that is not an index', () => {
    expect(fieldName('territory.1.code')).toBe('code');
    expect(fieldName('subcontractors.0')).toBe('subcontractors');
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
