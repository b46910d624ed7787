import { describe, expect, it } from 'vitest';

import { type AwardValues, awardBody, awardErrors } from '../src/features/tenders/award';

const builder = { id: 'b', name: 'Bâtir Ligérien SAS' };
const insertion = { id: 'i', name: 'Tremplin Insertion' };
const today = '2027-03-10';
const base: AwardValues = {
  consortium_type: 'none',
  awarded_amount: '1 200 000',
  notification_date: '2027-03-01',
  members: [{ enterprise: builder, amount: '' }],
  mandatary: '0',
  subcontractors: [],
  freeze_hours: false,
};
const failing = (errors: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(errors).filter(([, problem]) => problem !== null));

describe('awardBody', () => {
  it('sends every subcontractor row as picked, in order, with amounts as the API reads them', () => {
    const body = awardBody({
      ...base,
      subcontractors: [
        { enterprise: insertion, amount: '200 000' },
        { enterprise: { id: 'r', name: 'Relais' }, amount: '45,50' },
      ],
    });
    expect(body.awarded_amount).toBe('1200000');
    expect(body.members).toEqual([{ enterprise_id: 'b', is_mandatary: false, amount: null }]);
    expect(body.subcontractors).toEqual([
      { enterprise_id: 'i', amount: '200000' },
      { enterprise_id: 'r', amount: '45.50' },
    ]);
  });

  it('drops no row: an empty one is sent (and refused) rather than lost', () => {
    const body = awardBody({ ...base, subcontractors: [{ enterprise: null, amount: '' }] });
    expect(body.subcontractors).toHaveLength(1);
  });

  it('sends a consortium with its mandatary, a single awardee with its first row only', () => {
    const two = { ...base, members: [{ enterprise: builder, amount: '600 000' }, { enterprise: insertion, amount: '' }], mandatary: '1' };
    // A single awardee holds the whole amount: no share is sent.
    expect(awardBody(two).members).toEqual([{ enterprise_id: 'b', is_mandatary: false, amount: null }]);
    expect(awardBody({ ...two, consortium_type: 'joint' }).members).toEqual([
      { enterprise_id: 'b', is_mandatary: false, amount: '600000' },
      { enterprise_id: 'i', is_mandatary: true, amount: null },
    ]);
  });
});

describe('awardErrors', () => {
  it('accepts a complete award', () => {
    expect(failing(awardErrors({ ...base, subcontractors: [{ enterprise: insertion, amount: '200 000' }] }, today))).toEqual({});
  });

  it('reports an empty row, the awardee as subcontractor, a duplicate and the total at once', () => {
    const errors = failing(
      awardErrors(
        {
          ...base,
          notification_date: '2027-04-01',
          subcontractors: [
            { enterprise: null, amount: '' },
            { enterprise: builder, amount: '2 000 000' },
            { enterprise: insertion, amount: '-5000' },
            { enterprise: insertion, amount: '10' },
          ],
        },
        today,
      ),
    );
    expect(errors).toEqual({
      notification_date: 'validation.dateInFuture',
      'subcontractors.0.enterprise': 'lots.subcontractorRequired',
      'subcontractors.0.amount': 'validation.required',
      'subcontractors.1.enterprise': 'lots.subcontractorIsAwardee',
      'subcontractors.2.amount': 'validation.amountPositive',
      'subcontractors.3.enterprise': 'lots.subcontractorDuplicate',
      subcontractors: { key: 'lots.subcontractingExceeds', values: { total: expect.any(String), awarded: expect.any(String) } },
    });
  });

  it('counts in the total only the amounts accepted on their row', () => {
    const errors = failing(
      awardErrors(
        {
          ...base,
          subcontractors: [
            { enterprise: insertion, amount: '1e9' },
            { enterprise: { id: 's', name: 'Sous-traitant' }, amount: '200 000' },
          ],
        },
        today,
      ),
    );
    expect(errors).toEqual({ 'subcontractors.0.amount': 'validation.amount' });
    // A refused awarded amount is no ceiling to compare with either.
    expect(
      failing(awardErrors({ ...base, awarded_amount: '1e2', subcontractors: [{ enterprise: insertion, amount: '200 000' }] }, today)),
    ).toEqual({ awarded_amount: 'validation.amount' });
  });

  it('wants every consortium member chosen, each once', () => {
    const errors = failing(
      awardErrors({ ...base, consortium_type: 'joint', members: [{ enterprise: builder, amount: '' }, { enterprise: builder, amount: '' }, { enterprise: null, amount: '' }] }, today),
    );
    expect(errors).toEqual({ 'members.1.enterprise': 'lots.memberDuplicate', 'members.2.enterprise': 'validation.required' });
  });

  it('checks the members\' shares of a consortium, each and together', () => {
    const members = [{ enterprise: builder, amount: '1 000 000' }, { enterprise: insertion, amount: 'abc' }];
    expect(failing(awardErrors({ ...base, consortium_type: 'joint', members }, today))).toEqual({ 'members.1.amount': 'validation.amount' });
    const over = [{ enterprise: builder, amount: '1 000 000' }, { enterprise: insertion, amount: '300 000' }];
    expect(failing(awardErrors({ ...base, consortium_type: 'joint', members: over }, today))).toEqual({
      members: { key: 'lots.memberSharesExceed', values: { total: expect.any(String), awarded: expect.any(String) } },
    });
  });
});
