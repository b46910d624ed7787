import { describe, expect, it } from 'vitest';

import { OFFER_STATUSES, offerErrors, offerPeriodProblems, offerQuery, offerStatusesFor, type OfferValues } from '../src/features/offers/offers';
import { alreadyProposed } from '../src/features/referrals/referrals';

const valid: OfferValues = {
  rome_code: 'F1703', rome_label: 'Maçon / Maçonne', title: '', commune_code: '37261', commune_name: 'Tours',
  start_date: '2027-04-01', duration_months: '6', hours_per_week: '35', posts: '2', contract_kind: 'cdd',
  enterprise_id: null, description: '',
};

describe('offerErrors', () => {
  it('accepts a complete offer', () => {
    expect(offerErrors(valid, '2027-03-10')).toEqual({});
  });
  it('reports every problem at once', () => {
    const errors = offerErrors(
      { ...valid, rome_code: '', commune_code: '', start_date: '2027-03-01', hours_per_week: '49', posts: '0', duration_months: '0', contract_kind: null },
      '2027-03-10',
    );
    expect(Object.keys(errors).sort()).toEqual(
      ['commune_code', 'contract_kind', 'duration_months', 'hours_per_week', 'posts', 'rome_code', 'start_date'],
    );
    expect(errors.start_date).toBe('offers.startInPast');
  });
  it('refuses zero hours and allows 48', () => {
    expect(offerErrors({ ...valid, hours_per_week: '0' }, '2027-03-10').hours_per_week).toBe('offers.hoursRange');
    expect(offerErrors({ ...valid, hours_per_week: '48' }, '2027-03-10')).toEqual({});
    expect(offerErrors({ ...valid, hours_per_week: '17,5' }, '2027-03-10')).toEqual({});
  });
  it('wants a whole number of posts, at least 1', () => {
    for (const posts of ['2,5', '1e3', '0', '-1']) {
      expect(offerErrors({ ...valid, posts }, '2027-03-10')).toEqual({ posts: 'offers.postsRange' });
    }
    expect(offerErrors({ ...valid, posts: '12' }, '2027-03-10')).toEqual({});
  });
  it('refuses what is typed but is not a number, rather than reading it otherwise', () => {
    const errors = offerErrors({ ...valid, hours_per_week: '1e1', posts: 'abc', duration_months: '0x6' }, '2027-03-10');
    expect(errors).toEqual({ hours_per_week: 'offers.hoursRange', posts: 'offers.postsRange', duration_months: 'offers.durationRange' });
  });
});

describe('offerQuery', () => {
  it('keeps only the filters set and known statuses', () => {
    expect(offerQuery({ rome: 'F17', commune: null, start_from: '', start_to: null, status: 'bogus' })).toEqual({
      rome: 'F17', commune: undefined, start_from: undefined, start_to: undefined, status: undefined,
    });
    expect(offerQuery({ status: 'open' }).status).toBe('open');
  });

  it('never sends start days being corrected: the last valid ones stay', () => {
    const last = { from: '2027-01-01', to: null };
    for (const start_from of ['31/02/2026', 'abc']) {
      expect(offerQuery({ start_from, start_to: null })).toMatchObject({ start_from: undefined, start_to: undefined });
      expect(offerQuery({ start_from, start_to: null }, last)).toMatchObject({ start_from: '2027-01-01', start_to: undefined });
    }
    // An end before the start is said at the field, and not sent either.
    const inverted = { start_from: '2027-06-01', start_to: '2027-05-01' };
    expect(offerPeriodProblems(inverted)).toEqual({ start_to: 'validation.endBeforeStart' });
    expect(offerQuery(inverted, last)).toMatchObject({ start_from: '2027-01-01', start_to: undefined });
    const ordered = { start_from: '2027-05-01', start_to: '2027-06-01' };
    expect(offerPeriodProblems(ordered)).toEqual({});
    expect(offerQuery(ordered, last)).toMatchObject({ start_from: '2027-05-01', start_to: '2027-06-01' });
  });
});

describe('what a referent is offered', () => {
  it('filters only on the statuses the role can see: a referent sees open offers only', () => {
    expect(offerStatusesFor('referent')).toEqual(['open']);
    expect(offerStatusesFor('facilitator')).toEqual(OFFER_STATUSES);
    expect(offerStatusesFor('enterprise')).toEqual(OFFER_STATUSES);
  });

  it('greys out in the picker the people already proposed for the offer, with the reason', () => {
    const person = { id: 'p1', first_names: 'Justine', last_name: 'FAURE' };
    const unavailable = alreadyProposed([{ person, status: 'proposed' }], (status) => `déjà proposée (${status})`);
    expect(unavailable.get('p1')).toBe('déjà proposée (proposed)');
    expect(unavailable.has('p2')).toBe(false);
  });
});
