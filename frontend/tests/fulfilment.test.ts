import { describe, expect, it } from 'vitest';

import {
  assignmentQuery,
  assignmentState,
  contractChoices,
  endDefaults,
  endProblems,
  needsEmployer,
  recordBody,
  recordProblems,
  type RecordValues,
  termsBody,
  termsProblems,
  type TermsValues,
} from '../src/features/assignments/assignments';
import {
  hireBody,
  hireDefaults,
  hireModes,
  interviewProblems,
  personName,
  proposeProblems,
  referralQuery,
} from '../src/features/referrals/referrals';
import { firstProblems } from '../src/lib/formChecks';
import { required } from '../src/lib/validation';

const terms: TermsValues = {
  mode: 'direct_hire', employer: null, contract_kind: 'cdd',
  start_date: '2027-01-04', planned_end_date: '', hours_per_week: '35',
};

describe('firstProblems', () => {
  it('gives each field its first failing check, and nothing for fields that pass', () => {
    const long = (value: string) => (value.length > 3 ? 'too.long' : null);
    expect(firstProblems({ a: ['', [required, long]], b: ['abcd', [required, long]], c: ['ok', [required]] })).toEqual({
      a: 'validation.required',
      b: 'too.long',
    });
  });
});

describe('the terms of a mission', () => {
  it('accept a complete direct hire', () => {
    expect(termsProblems(terms)).toEqual({});
  });

  it('refuse hours that are not a number or more than 48, and allow a decimal comma', () => {
    expect(termsProblems({ ...terms, hours_per_week: 'abc' })).toEqual({ hours_per_week: 'validation.hoursPerWeek' });
    expect(termsProblems({ ...terms, hours_per_week: '60' })).toEqual({ hours_per_week: 'validation.hoursPerWeek' });
    expect(termsProblems({ ...terms, hours_per_week: '0' })).toEqual({ hours_per_week: 'validation.hoursPerWeek' });
    expect(termsProblems({ ...terms, hours_per_week: '' })).toEqual({ hours_per_week: 'validation.required' });
    expect(termsProblems({ ...terms, hours_per_week: '17,5' })).toEqual({});
  });

  it('report every problem at once: employer, contract, dates', () => {
    const problems = termsProblems({
      ...terms, mode: 'temporary_work', contract_kind: null, start_date: '', planned_end_date: '31/02/2027',
    });
    expect(Object.keys(problems).sort()).toEqual(['employer', 'planned_end_date', 'start_date']);
    expect(termsProblems({ ...terms, contract_kind: null }).contract_kind).toBe('validation.required');
  });

  it('refuse a planned end before the start', () => {
    expect(termsProblems({ ...terms, planned_end_date: '2027-01-03' }).planned_end_date).toEqual({
      key: 'validation.endBeforeStart', values: { date: '04/01/2027' },
    });
    expect(termsProblems({ ...terms, planned_end_date: '2027-01-04' })).toEqual({});
  });

  it('ask for an employer only in the modes that have one of their own', () => {
    expect(['temporary_work', 'placement'].every((mode) => needsEmployer(mode as TermsValues['mode']))).toBe(true);
    expect(needsEmployer('direct_hire')).toBe(false);
    expect(needsEmployer('subcontracting')).toBe(false);
  });

  it('offer the contracts each mode allows', () => {
    expect(contractChoices('direct_hire')).not.toContain('interim');
    expect(contractChoices('direct_hire')).toContain('cddi');
    expect(contractChoices('temporary_work')).toEqual([]);
    expect(contractChoices('training')).toEqual([]);
    expect(contractChoices('placement')).toContain('professionalisation');
  });

  it('are sent with only what the mode uses, hours as a decimal', () => {
    const employer = { id: 'agency', name: 'Intérim 37' };
    expect(termsBody({ ...terms, hours_per_week: '17,5', employer })).toEqual({
      mode: 'direct_hire', employer_id: null, contract_kind: 'cdd',
      start_date: '2027-01-04', planned_end_date: null, hours_per_week: '17.5',
    });
    const interim = termsBody({ ...terms, mode: 'temporary_work', employer, planned_end_date: '2027-03-31' });
    expect(interim).toMatchObject({ employer_id: 'agency', contract_kind: null, planned_end_date: '2027-03-31' });
  });
});

describe('a direct record', () => {
  const record: RecordValues = {
    ...terms, participant: { id: 'p', name: 'MARTIN Léa' }, lot_id: 'lot', host_id: 'host', job_title: ' Maçon ',
  };

  it('needs the person, the lot and its enterprise', () => {
    expect(recordProblems(record)).toEqual({});
    const problems = recordProblems({ ...record, participant: null, lot_id: null, host_id: null });
    expect(Object.keys(problems).sort()).toEqual(['host_id', 'lot_id', 'participant']);
  });

  it('is sent with the ids and the trimmed job title', () => {
    expect(recordBody(record)).toMatchObject({ participant_id: 'p', lot_id: 'lot', host_id: 'host', job_title: 'Maçon' });
  });
});

describe('the end of a mission', () => {
  it('proposes today, or the start when the mission has not begun', () => {
    expect(endDefaults({ start_date: '2026-01-05' }, '2026-12-03').ended_on).toBe('2026-12-03');
    expect(endDefaults({ start_date: '2026-12-20' }, '2026-12-03').ended_on).toBe('2026-12-20');
  });

  it('needs a day not before the start, and a reason', () => {
    expect(endProblems({ ended_on: '2026-12-20', reason: 'contract_end', note: '' }, '2026-12-20')).toEqual({});
    const problems = endProblems({ ended_on: '2026-12-19', reason: null, note: 'x'.repeat(2001) }, '2026-12-20');
    expect(Object.keys(problems).sort()).toEqual(['ended_on', 'note', 'reason']);
  });

  it('tells a mission ended, to begin or running', () => {
    expect(assignmentState({ start_date: '2026-01-05', ended_on: '2026-06-30' }, '2026-12-03')).toBe('ended');
    expect(assignmentState({ start_date: '2026-12-04', ended_on: null }, '2026-12-03')).toBe('upcoming');
    expect(assignmentState({ start_date: '2026-12-03', ended_on: null }, '2026-12-03')).toBe('running');
  });

  it('lists the missions running today, or all', () => {
    expect(assignmentQuery('running', '2026-12-03')).toEqual({ running_on: '2026-12-03', ended: undefined });
    expect(assignmentQuery(null, '2026-12-03')).toEqual({ running_on: undefined, ended: undefined });
    expect(assignmentQuery('not_ended', '2026-12-03')).toEqual({ running_on: undefined, ended: false });
    expect(assignmentQuery('ended', '2026-12-03')).toEqual({ running_on: undefined, ended: true });
  });
});

describe('referrals', () => {
  it('need a person, and a message of 2000 characters at most', () => {
    expect(proposeProblems({ participant: { id: 'p', name: 'MARTIN Léa' }, message: 'x'.repeat(2000) })).toEqual({});
    expect(proposeProblems({ participant: null, message: 'x'.repeat(2001) })).toEqual({
      participant: 'validation.required',
      message: { key: 'validation.maxLength', values: { count: 2000 } },
    });
  });

  it("open the hire on the offer's terms, an interim offer on a clause as temporary work", () => {
    const offer = { contract_kind: 'cdd' as const, start_date: '2027-01-04', hours_per_week: '17.50', lot: { id: 'lot' } };
    expect(hireDefaults(offer)).toEqual({ ...terms, hours_per_week: '17,5' });
    expect(hireDefaults({ ...offer, contract_kind: 'interim' })).toMatchObject({ mode: 'temporary_work', contract_kind: null });
    expect(hireDefaults({ ...offer, contract_kind: 'interim', lot: null })).toMatchObject({ mode: 'direct_hire', contract_kind: null });
  });

  it('offer the outside employers only on a clause', () => {
    expect(hireModes(true)).toEqual(['direct_hire', 'temporary_work', 'placement']);
    expect(hireModes(false)).toEqual(['direct_hire']);
  });

  it('send every term of the hire that was confirmed', () => {
    expect(hireBody(terms)).toEqual({
      mode: 'direct_hire', employer_id: null, contract_kind: 'cdd',
      start_date: '2027-01-04', planned_end_date: null, hours_per_week: '35',
    });
  });

  it('need the day of the interview', () => {
    expect(interviewProblems({ interview_on: '' })).toEqual({ interview_on: 'validation.required' });
    expect(interviewProblems({ interview_on: '2027-01-04' })).toEqual({});
  });

  it('write the person as the lists do, and filter by known statuses only', () => {
    expect(personName({ first_names: 'Jean-Marc', last_name: 'Éboué' })).toBe('ÉBOUÉ Jean-Marc');
    expect(referralQuery('hired')).toEqual({ status: 'hired' });
    expect(referralQuery('bogus')).toEqual({ status: undefined });
  });
});

describe('translations of the fulfilment vocabularies', () => {
  it('name every value of the API in French and in English', async () => {
    const contract = (await import('../../openapi/openapi.json')).default as { components: { schemas: Record<string, { enum?: string[] }> } };
    const { schemas } = contract.components;
    const built = [
      ...(schemas.ReferralStatus.enum ?? []).flatMap((status) => [`referralStatus.${status}`, `referralEvents.${status}`]),
      ...(schemas.DeclineReason.enum ?? []).map((reason) => `declineReasons.${reason}`),
      ...(schemas.FulfilmentMode.enum ?? []).flatMap((mode) => [`fulfilmentModes.${mode}`, `fulfilmentModeHelp.${mode}`]),
      ...(schemas.EndReason.enum ?? []).map((reason) => `endReasons.${reason}`),
      ...['upcoming', 'running', 'ended'].map((state) => `assignmentStates.${state}`),
    ];
    expect(built.length).toBeGreaterThan(30);
    for (const language of ['fr', 'en']) {
      const messages = (await import(`../src/i18n/${language}.json`)).default as Record<string, Record<string, string>>;
      const missing = built.filter((key) => {
        const [section, name] = key.split('.');
        return !messages[section]?.[name];
      });
      expect(missing, language).toEqual([]);
    }
  });
});
