import { describe, expect, it } from 'vitest';

import { calculatorErrors, calculatorInputs, estimateBody, savedParameters } from '../src/features/tenders/calculator';
import { lotCreateBody, lotUpdateBody, lotValues } from '../src/features/tenders/lotForm';
import { fieldMap, formPathOf } from '../src/lib/problem';
import { COMPLETE_CPV, cpvLabel, cpvProblem } from '../src/features/tenders/cpv';
import { ApiError } from '../src/lib/problem';
import { decimal, formula, fromPercent, number, toPercent, typed, typedAmount } from '../src/features/tenders/format';
import { allowedMoves, confirmation, LIFECYCLE, lotSituation, outcomeBody, outcomeValues, REOPEN } from '../src/features/tenders/lifecycle';
import { amendmentNotice } from '../src/features/tenders/amendments';
import { AMOUNT_MAX, DURATION_MONTHS, subcontractedTotal } from '../src/features/tenders/checks';
import { atMost, wholeNumber } from '../src/lib/validation';
import { organisationDetail } from '../src/features/users/organisationLabel';
import { formatEuros } from '../src/lib/numbers';

describe('calculator inputs', () => {
  it('sends percentages as fractions and amounts without separators', () => {
    const body = estimateBody(
      { cpv_code: '45000000-7', calculation_method: 'generic', duration_months: 12 },
      { amount: '1 000 000', labourShare: '50', insertionRate: '5', hourlyCost: '30', takenOverHours: '' },
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
      { amount: '200000', labourShare: '', insertionRate: ' ', hourlyCost: '', takenOverHours: '' },
    );
    expect([body.labour_share, body.insertion_rate, body.hourly_cost]).toEqual([null, null, null]);
  });

  it('sends the hours of staff taken over for the cleaning method, and no labour share', () => {
    // Demo lot TL-SANITAS-24 lot 3 (60 000 €, 2 months, 150 h/month taken over): without the
    // taken-over hours the live figure was 120 h while the stored one is 105 h.
    const lot = {
      cpv_code: '90910000-9',
      calculation_method: 'cleaning' as const,
      duration_months: 2,
      current_amount: null,
      estimated_amount: '60000.00',
      labour_share: null,
      insertion_rate: '0.0500',
      hourly_cost: null,
      taken_over_monthly_hours: '150.00',
    };
    // Stored figures are shown as people type them in French (150, 60 000, 5).
    const inputs = calculatorInputs(lot);
    expect([inputs.takenOverHours, inputs.amount, inputs.insertionRate]).toEqual(['150', '60 000', '5']);
    const body = estimateBody(lot, inputs);
    expect(body).toMatchObject({
      method: 'cleaning',
      amount_excl_tax: '60000',
      taken_over_monthly_hours: '150',
      labour_share: null,
      duration_months: 2,
    });
    expect(savedParameters(lot, { ...inputs, takenOverHours: '60' })).toEqual({
      taken_over_monthly_hours: '60',
      insertion_rate: '0.05',
      hourly_cost: null,
    });
  });

  it('sends no taken-over hours for the generic method', () => {
    const lot = { cpv_code: '45000000-7', calculation_method: 'generic' as const, duration_months: 12 };
    const body = estimateBody(lot, { amount: '1000', labourShare: '50', insertionRate: '5', hourlyCost: '', takenOverHours: '40' });
    expect(body.taken_over_monthly_hours).toBeNull();
    expect(savedParameters(lot, { amount: '1000', labourShare: '50', insertionRate: '5', hourlyCost: '', takenOverHours: '40' })).not.toHaveProperty(
      'taken_over_monthly_hours',
    );
  });

  it('refuses what the forms refuse: "1e2" is no 100 %, nor "1e9" an amount', () => {
    const generic = { calculation_method: 'generic' as const };
    const fine = { amount: '1 000 000,50', labourShare: '50', insertionRate: '7,5', hourlyCost: '', takenOverHours: '' };
    expect(calculatorErrors(generic, fine)).toEqual({});
    expect(
      calculatorErrors(generic, { amount: '1e9', labourShare: '1e2', insertionRate: '1e1', hourlyCost: '0x10', takenOverHours: '' }),
    ).toEqual({
      amount: 'validation.amount',
      labourShare: 'validation.share',
      insertionRate: 'validation.share',
      hourlyCost: 'validation.amount',
    });
    // The amount is checked as the lot and award forms check it: required, more than 0, 14 digits.
    expect(calculatorErrors(generic, { ...fine, amount: '' })).toEqual({ amount: 'validation.required' });
    expect(calculatorErrors(generic, { ...fine, amount: '0' })).toEqual({ amount: 'validation.amountPositive' });
    expect(calculatorErrors(generic, { ...fine, amount: '1000000000000' })).toHaveProperty('amount.key', 'validation.amountMax');
    expect(calculatorErrors(generic, { ...fine, labourShare: '101' })).toEqual({ labourShare: 'validation.share' });
    // The cleaning method has no labour share but checks the staff taken over.
    const cleaning = { calculation_method: 'cleaning' as const };
    expect(calculatorErrors(cleaning, { ...fine, labourShare: '1e2', takenOverHours: '1e2' })).toEqual({
      takenOverHours: 'validation.amount',
    });
    expect(calculatorErrors(cleaning, { ...fine, takenOverHours: '150' })).toEqual({});
    // Shares are read with the forms' number reading (no exponent).
    expect(fromPercent('1e2')).toBe('1e2');
  });

  it('converts French decimal commas and back', () => {
    expect(fromPercent('7,5')).toBe('0.075');
    expect(toPercent('0.0750')).toBe('7,5');
    expect(fromPercent(toPercent('0.0750'))).toBe('0.075');
    expect(typed('1750000.00')).toBe('1750000');
    expect(decimal(typed('45.50'))).toBe('45.5');
    expect(decimal('12 345,60')).toBe('12345.60');
    // Amounts in edit forms as people type them: thousands apart, cents when there are some.
    expect(typedAmount('1250000.5')).toBe('1 250 000,50');
    expect(typedAmount('1200000.00')).toBe('1 200 000');
    expect(decimal(typedAmount('1250000.5'))).toBe('1250000.50');
    // Shown quantities: a decimal comma, no trailing zeros, grouped thousands.
    expect(number('35.50')).toBe('35,5');
    expect(number('1500')).toBe('1\u202f500');
  });
});

describe('lot form', () => {
  const values = {
    ...lotValues({ number: 3, cpv_code: '45000000-7' }),
    title: ' Espaces verts ',
    estimated_amount: '120 000',
    considerations: ['insertion_clause' as const, 'social_award_criterion' as const],
    criterion_weight: '20',
    penalty_per_missing_hour: '45,50',
  };

  it('sends the social criterion weight as a percentage (20 % → 20)', () => {
    const body = lotCreateBody(values);
    expect(body.number).toBe(3);
    expect(body.considerations).toEqual([
      { kind: 'insertion_clause', criterion_weight: null },
      { kind: 'social_award_criterion', criterion_weight: '20' },
    ]);
    expect(body).toMatchObject({ title: 'Espaces verts', estimated_amount: '120000', penalty_per_missing_hour: '45.50' });
  });

  it('sends taken-over hours only for the cleaning method, and edits without the number', () => {
    expect(lotUpdateBody(values).taken_over_monthly_hours).toBeNull();
    const cleaning = lotUpdateBody({ ...values, calculation_method: 'cleaning', taken_over_monthly_hours: '200' });
    expect(cleaning).toMatchObject({ calculation_method: 'cleaning', taken_over_monthly_hours: '200' });
    expect(cleaning).not.toHaveProperty('number');
    expect(lotUpdateBody({ ...values, penalty_per_missing_hour: '' }).penalty_per_missing_hour).toBeNull();
  });

  it('starts from the stored lot when editing', () => {
    const edited = lotValues({ number: 9, cpv_code: 'x' }, {
      number: 2,
      title: 'Nettoyage',
      trade: 'Propreté',
      cpv_code: '90910000-9',
      estimated_amount: '240000.00',
      duration_months: 24,
      considerations: [{ kind: 'social_award_criterion', criterion_weight: '20.00' }],
      calculation_method: 'cleaning',
      taken_over_monthly_hours: '200.00',
      penalty_per_missing_hour: '45.00',
    } as never);
    expect(edited).toMatchObject({
      number: '2',
      duration_months: '24',
      estimated_amount: '240 000',
      criterion_weight: '20',
      taken_over_monthly_hours: '200',
      penalty_per_missing_hour: '45',
    });
  });

  it("shows the weight's error on its input whatever the consideration's index", () => {
    const fields = fieldMap(['title', 'considerations'], { 'considerations.*.criterion_weight': 'criterion_weight' });
    expect(formPathOf('considerations.1.criterion_weight', fields)).toBe('criterion_weight');
    expect(formPathOf('considerations.0.kind', fields)).toBe('considerations');
  });
});

describe('tender lifecycle', () => {
  const none = { edit: false, add_lot: false, publish: false, mark_awarded: false, start_execution: false, close: false, cancel: false };

  it('offers exactly the moves the API allows, in lifecycle order', () => {
    expect(allowedMoves(none)).toEqual([]);
    expect(allowedMoves({ ...none, cancel: true, mark_awarded: true }).map((move) => move.target)).toEqual(['awarded', 'cancelled']);
    // Editing is not a lifecycle move.
    expect(allowedMoves({ ...none, edit: true, add_lot: true })).toEqual([]);
  });

  it('asks again before publishing, marking awarded and moves for good, not before the works start', () => {
    expect(LIFECYCLE.filter((move) => move.confirm).map((move) => move.target)).toEqual(['published', 'awarded', 'closed', 'cancelled']);
    expect(LIFECYCLE.filter((move) => move.confirm === 'final').map((move) => move.target)).toEqual(['closed', 'cancelled']);
  });

  it('says the day a later publication goes out, and what each move does', () => {
    const [publish, award, , close] = LIFECYCLE;
    expect(confirmation(publish, { publication_date: '2027-03-01' }, '2027-02-10')).toEqual({
      key: 'tenders.confirmPublishOn',
      values: { date: '01/03/2027' },
    });
    expect(confirmation(publish, { publication_date: '2027-02-10' }, '2027-02-10')).toEqual({ key: 'tenders.confirmPublish' });
    expect(confirmation(publish, { publication_date: null }, '2027-02-10')).toEqual({ key: 'tenders.confirmPublish' });
    expect(confirmation(award, { publication_date: null }, '2027-02-10')).toEqual({ key: 'tenders.confirmAwarded' });
    expect(confirmation(close, { publication_date: null }, '2027-02-10')).toEqual({ key: 'tenders.confirmFinal' });
  });

  it('covers every lifecycle action of the API once', () => {
    const lifecycleActions = Object.keys(none).filter((action) => action !== 'edit' && action !== 'add_lot');
    expect(LIFECYCLE.map((move) => move.action).sort()).toEqual(lifecycleActions.sort());
  });
});

describe('lot situation and outcome', () => {
  const member = (name: string) => ({ enterprise: { name } }) as never;
  const open = { award: null, outcome: null, outcome_on: null, outcome_reason: null };

  it('reads an awarded lot by its awardees, a closed one by its decision, else pending', () => {
    expect(lotSituation({ ...open, award: { members: [member('Bâtir'), member('Maçonnerie')] } as never })).toEqual({
      kind: 'awarded',
      awardees: ['Bâtir', 'Maçonnerie'],
    });
    expect(lotSituation({ ...open, outcome: 'unsuccessful', outcome_on: '2027-03-12', outcome_reason: 'Aucune offre' })).toEqual({
      kind: 'closed',
      outcome: 'unsuccessful',
      on: '2027-03-12',
      reason: 'Aucune offre',
    });
    expect(lotSituation(open)).toEqual({ kind: 'pending' });
  });

  it('fills the form from the current decision, or starts an unsuccessful one', () => {
    expect(outcomeValues(open)).toEqual({ outcome: 'unsuccessful', decided_on: '', reason: '' });
    expect(outcomeValues({ outcome: 'abandoned', outcome_on: '2027-05-02', outcome_reason: 'Projet abandonné' })).toEqual({
      outcome: 'abandoned',
      decided_on: '2027-05-02',
      reason: 'Projet abandonné',
    });
  });

  it('sends the trimmed reason, and nulls for what was left empty (the API names them)', () => {
    expect(outcomeBody({ outcome: 'abandoned', decided_on: '2027-05-02', reason: '  Projet abandonné ' })).toEqual({
      outcome: 'abandoned',
      decided_on: '2027-05-02',
      reason: 'Projet abandonné',
    });
    expect(outcomeBody({ outcome: 'unsuccessful', decided_on: '', reason: '   ' })).toEqual({
      outcome: 'unsuccessful',
      decided_on: null,
      reason: null,
    });
    expect(REOPEN).toEqual({ outcome: null });
  });
});

describe('CPV codes', () => {
  it('resolves only complete codes, with or without the check digit', () => {
    expect(['45210000', '45210000-2'].every((code) => COMPLETE_CPV.test(code))).toBe(true);
    expect(['4521', '45210000-', '45210000-22', 'travaux'].some((code) => COMPLETE_CPV.test(code))).toBe(false);
  });

  it("labels a code by its own label, not its group's", () => {
    const division = { code: '45000000-7', level: 'division' as const, label: 'Travaux de construction' };
    const group = { code: '45200000-9', level: 'group' as const, label: 'Travaux de construction complète' };
    const building = { code: '45210000-2', level: 'class' as const, label: 'Travaux de construction de bâtiments', division, group };
    expect(cpvLabel(building)).toBe('Travaux de construction de bâtiments');
    expect(cpvLabel({ ...division, division, group: null })).toBe('Travaux de construction');
  });

  it("shows the API's reason for a refused code, not a network failure", () => {
    const field = new ApiError({
      type: 'about:blank', title: 'Invalid', status: 422, detail: 'Invalid', code: 'validation_failed',
      errors: [{ loc: ['path', 'cpv_code'], field: 'cpv_code', code: 'cpv_check_digit', message: 's’écrit 45210000-2' }],
    });
    const unknown = new ApiError({ type: 'about:blank', title: 'Not found', status: 404, detail: 'Code CPV inconnu', code: 'cpv_unknown' });
    const offline = new ApiError({ type: 'about:blank', title: 'Network', status: 0, detail: 'Network', code: 'network' });
    expect([cpvProblem(field), cpvProblem(unknown), cpvProblem(offline)]).toEqual(['s’écrit 45210000-2', 'Code CPV inconnu', undefined]);
  });
});

describe('calculator advice', () => {
  it('has a French and an English message for every advice code of the calculator', async () => {
    const fr = (await import('../src/i18n/fr.json')).default as { advice: Record<string, string> };
    const en = (await import('../src/i18n/en.json')).default as { advice: Record<string, string> };
    // backend/levier/clauses/calculator.py: the codes `cleaning_hours` returns.
    for (const code of ['below_trade_minimum', 'no_hours_staff_taken_over']) {
      expect(fr.advice[code]).toBeTruthy();
      expect(en.advice[code]).toBeTruthy();
    }
  });
});

describe('formula', () => {
  it("writes the API's formula with French numbers in the French interface", () => {
    const shown = formula('1000000 × 0.5 × 0.05 ÷ 30 = 833.33 → 833 h').replace(/\s/g, ' ');
    expect(shown).toBe('1 000 000 × 0,5 × 0,05 ÷ 30 = 833,33 → 833 h');
  });
});

describe("a lot's trade", () => {
  const computed = (detail: string | null, source = 'structure_table') => ({
    method: 'generic',
    parameters: [
      { name: 'amount_excl_tax', value: '281000.00', source: 'given', detail: null },
      { name: 'labour_share', value: '0.2500', source, detail },
    ],
  });

  it('shows the trade typed on the lot, not the title again', async () => {
    const { lotTrade } = await import('../src/features/tenders/trade');
    expect(lotTrade({ title: 'Bâtiment A', trade: 'Gros œuvre', calculation: null })).toBe('Gros œuvre');
    expect(lotTrade({ title: 'Terrassement et fondations', trade: 'terrassement  et fondations ', calculation: null })).toBeNull();
    expect(lotTrade({ title: 'Nettoyage', trade: '', calculation: null })).toBeNull();
  });

  it("else the labour-share row's trade the hours were computed with", async () => {
    const { lotTrade } = await import('../src/features/tenders/trade');
    const lot = { title: 'Terrassement et fondations', trade: 'Terrassement et fondations' };
    expect(lotTrade({ ...lot, calculation: computed('45112 — VRD / terrassement') })).toBe('VRD / terrassement');
    expect(lotTrade({ ...lot, trade: '', calculation: computed('45223 — Charpente — couverture') })).toBe('Charpente — couverture');
    // A share typed on the lot, or the structure's default, names no trade.
    expect(lotTrade({ ...lot, calculation: computed(null, 'given') })).toBeNull();
    expect(lotTrade({ ...lot, calculation: { method: 'cleaning', parameters: 'x' } })).toBeNull();
  });
});

describe('amendment notice', () => {
  const amendment = (before: number | null, after: number | null) => ({ hours_before: before, hours_after: after }) as never;
  const lot = { override_hours: null, hours_frozen: false, required_hours: 1250, amendments: [amendment(1000, 1250)] };
  const hours = (value: number | null) => String(value);

  it('says the hours were recomputed only when the formula recomputed them', () => {
    expect(amendmentNotice(lot, hours)).toEqual({ key: 'lots.amendedHours', values: { before: '1000', after: '1250' } });
    expect(amendmentNotice({ ...lot, amendments: [amendment(1000, 1000)], required_hours: 1000 }, hours)).toEqual({
      key: 'lots.amendedSameHours',
      values: { hours: '1000' },
    });
  });

  it('says hours set by hand or frozen stay as they are, and says nothing of hours a lot has not', () => {
    expect(amendmentNotice({ ...lot, override_hours: 900, required_hours: 900, amendments: [amendment(900, 900)] }, hours)).toEqual({
      key: 'lots.amendedOverride',
      values: { hours: '900' },
    });
    expect(amendmentNotice({ ...lot, hours_frozen: true, required_hours: 833 }, hours)).toEqual({ key: 'lots.amendedFrozen', values: { hours: '833' } });
    expect(amendmentNotice({ ...lot, required_hours: null, amendments: [amendment(null, null)] }, hours)).toEqual({ key: 'lots.amendedNoHours' });
  });
});

describe('form bounds of the tender forms', () => {
  it('says the range of a whole number out of it', () => {
    const months = wholeNumber(DURATION_MONTHS.min, DURATION_MONTHS.max);
    expect(months('600')).toEqual({ key: 'validation.wholeRange', values: { min: 1, max: 240 } });
    expect(months('0')).toEqual({ key: 'validation.wholeRange', values: { min: 1, max: 240 } });
    expect(months('2,5')).not.toBeNull();
    expect(months('240')).toBeNull();
    expect(months('')).toBeNull();
  });

  it('caps amounts at what the server stores, and adds up the subcontracted amounts', () => {
    expect(atMost(AMOUNT_MAX, 'max')('1 000 000 000 000')).toEqual({ key: 'validation.amountMax', values: { max: 'max' } });
    expect(atMost(AMOUNT_MAX, 'max')('999 999 999 999,99')).toBeNull();
    expect(subcontractedTotal(['90 000', '10000,50', ''])).toBe(100000.5);
    expect(subcontractedTotal(['90 000', '1e9', 'abc'])).toBe(90000);
  });
});

describe('organisations told apart in pickers', () => {
  it('shows the SIRET spaced and the commune', () => {
    const tours = { level: 'commune', code: '37261', name: 'Tours' } as never;
    const region = { level: 'region', code: '24', name: 'Centre-Val de Loire' } as never;
    expect(organisationDetail({ siret: '12345678900012', territory: [region, tours] })).toBe('SIRET 123 456 789 00012 · Tours');
    expect(organisationDetail({ siret: null, territory: [region] })).toBe('Centre-Val de Loire');
    expect(organisationDetail({ siret: null, territory: [] })).toBeNull();
  });
});

describe('amounts in euros', () => {
  it('writes whole euros without decimals, cents when there are, in each language', () => {
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(formatEuros(1250000, 'fr'))).toBe('1 250 000 €');
    expect(formatEuros(1250000, 'en')).toBe('€1,250,000');
    expect(plain(formatEuros(45.5, 'fr'))).toBe('45,50 €');
    expect(formatEuros(45.5, 'en')).toBe('€45.50');
  });
});
