import { describe, expect, it } from 'vitest';

import { AUDIT_ACTIONS, AUDITED_TYPES, auditQuery, changedFields, periodProblems, recordName, recordPath } from '../src/features/audit/audit';

import i18n from '../src/i18n';
import { describeChange, formatValue, isBlankValue, isInternalField } from '../src/lib/audit';

// Intl writes French groups and units with narrow/no-break spaces: compare with plain ones.
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const reading = (language: 'fr' | 'en') => ({ t: i18n.getFixedT(language), language });
const fr = (field: string, value: unknown) => spaced(formatValue(field, value, reading('fr')));
const en = (field: string, value: unknown) => spaced(formatValue(field, value, reading('en')));

describe('audited types', () => {
  it('names every record type the recorder writes, with the fields of the newest ones, in both languages', () => {
    const types = ['offer', 'referral', 'referral_event', 'assignment', 'clause_exception', 'hours_declaration'];
    expect(AUDITED_TYPES).toEqual(expect.arrayContaining(types));
    // Backend models ClauseException and HoursDeclaration (participants, hours).
    const fields = [
      'participant_id', 'lot_id', 'structure_id', 'reason', 'granted_by_id', 'granted_on',
      'assignment_id', 'employer_id', 'month', 'hours', 'note', 'status',
      'declared_by_id', 'declared_at', 'decided_by_id', 'decided_at', 'rejection_reason',
    ];
    for (const language of ['fr', 'en'] as const) {
      const t = i18n.getFixedT(language);
      for (const type of types) expect(i18n.exists(`audit.types.${type}`, { lng: language }), `${language} ${type}`).toBe(true);
      for (const field of fields) expect(i18n.exists(`history.fields.${field}`, { lng: language }), `${language} ${field}`).toBe(true);
      expect(t('audit.types.hours_declaration')).not.toBe('hours_declaration');
    }
    expect(i18n.getFixedT('fr')('audit.types.hours_declaration')).toBe("Déclaration d'heures");
    expect(i18n.getFixedT('en')('audit.types.clause_exception')).toBe('Exception to the clause entry rules');
    // Their entries are personal: no name is taken from them.
    for (const entity_type of ['clause_exception', 'hours_declaration'])
      expect(recordName({ entity_type, changes: { reason: 'Résidente QPV' } })).toBeNull();
    expect(fr('granted_on', '2026-10-23')).toBe('23/10/2026');
    expect(fr('decided_at', '2026-12-02T14:30:00+00:00')).toMatch(/^02\/12\/2026 \d{2}:\d{2}$/);
  });
});

describe('history lines', () => {
  it('reads an [old, new] pair as a change, each side formatted', () => {
    expect(describeChange(['Régie', 'Régie de quartier'], String)).toBe('Régie → Régie de quartier');
    expect(describeChange([1500, 1458], (value) => fr('computed_hours', value))).toBe('1 500 h → 1 458 h');
    expect(describeChange([null, '12345678900012'], (value) => fr('siret', value))).toBe('(vide) → 123 456 789 00012');
  });

  it('shows hours with thousands grouped and "h", amounts in euros, shares as percentages', () => {
    expect(fr('computed_hours', 1458)).toBe('1 458 h');
    expect(fr('override_hours', 12000)).toBe('12 000 h');
    expect(fr('taken_over_monthly_hours', '150.00')).toBe('150 h');
    expect(en('computed_hours', 1458)).toBe('1,458 h');
    expect(fr('estimated_amount', '290000.00')).toBe('290 000 €');
    expect(fr('penalty_per_missing_hour', '45.00')).toBe('45 €');
    expect(fr('penalty_per_missing_hour', '45.50')).toBe('45,50 €');
    expect(en('current_amount', '281000.00')).toBe('€281,000');
    expect(fr('insertion_rate', '0.0500')).toBe('5 %');
    expect(fr('labour_share', '0.2750')).toBe('27,5 %');
  });

  it('shows days as dd/mm/yyyy and moments with their time, in both languages', () => {
    expect(fr('notification_date', '2026-10-23')).toBe('23/10/2026');
    expect(en('outcome_on', '2026-10-23')).toBe('23/10/2026');
    expect(fr('override_at', '2026-12-02T14:30:00+00:00')).toMatch(/^02\/12\/2026 \d{2}:\d{2}$/);
    expect(en('override_at', '2026-12-02T14:30:00+00:00')).toMatch(/^02\/12\/2026, \d{2}:\d{2}$/);
  });

  it('shows booleans as Oui/Non and codes with the labels the pages use', () => {
    expect(fr('hours_frozen', false)).toBe('Non');
    expect(fr('active', true)).toBe('Oui');
    expect(en('ess', true)).toBe('Yes');
    expect(fr('calculation_method', 'cleaning')).toBe(i18n.getFixedT('fr')('methods.cleaning'));
    expect(fr('role', 'buyer')).toBe('Acheteur');
    expect(fr('kind', 'network')).toBe('Réseau');
    expect(fr('outcome', 'unsuccessful')).toBe('Infructueux');
    expect(fr('consortium_type', 'joint')).toBe('Groupement conjoint');
    expect(en('language', 'fr')).toBe('Français');
    expect(fr('role', 'retired_role')).toBe('retired_role');
    expect(fr('enabled_criteria', ['minimum_income', 'unknown'])).toBe(
      `${i18n.getFixedT('fr')('criteria.minimum_income')}, unknown`,
    );
    expect(fr('territory', ['commune:37261', 'department:37'])).toBe('Commune 37261, Département 37');
  });

  it('names an empty value, and what the server masks, in words', () => {
    for (const empty of [null, undefined, '', []]) {
      expect(fr('override_reason', empty)).toBe('(vide)');
      expect(en('override_reason', empty)).toBe('(empty)');
      expect(isBlankValue(empty)).toBe(true);
    }
    expect(isBlankValue(0)).toBe(false);
    expect(isBlankValue(false)).toBe(false);
    expect(fr('password_hash', '[changed]')).toBe('(modifié)');
    expect(en('last_name', '[set]')).toBe('(set)');
  });

  it('keeps text and codes as typed, numbers grouped, objects as JSON', () => {
    expect(fr('cpv_code', '45112000-5')).toBe('45112000-5');
    expect(fr('title', 'Lot 2021-2024')).toBe('Lot 2021-2024');
    expect(fr('duration_months', 4)).toBe('4');
    expect(fr('retention_months', 1200)).toBe('1 200');
    expect(fr('calculation', { method: 'generic' })).toBe('{"method":"generic"}');
  });

  it('hides identifiers and search keys', () => {
    expect(isInternalField('id')).toBe(true);
    expect(isInternalField('search_name')).toBe(true);
    expect(isInternalField('name')).toBe(false);
  });
});

describe('audit log page', () => {
  it('sends only the filters set, and a record only with its type', () => {
    expect(auditQuery({ entityType: null, entityId: 'x', since: '', until: '' }, null)).toEqual({
      actor_id: undefined, entity_type: undefined, entity_id: undefined, since: undefined, until: undefined,
    });
    expect(auditQuery({ entityType: 'tender', entityId: 't1', since: '2026-06-01', until: '2026-06-30' }, 'u1')).toEqual({
      actor_id: 'u1', entity_type: 'tender', entity_id: 't1', since: '2026-06-01', until: '2026-06-30',
    });
  });

  it('names the fields an entry touched, never the bookkeeping, and what a reveal read', () => {
    expect(changedFields({ action: 'updated', changes: { object: ['a', 'b'], version: [1, 2], search_text: 'x' } })).toEqual(['object']);
    expect(changedFields({ action: 'created', changes: { name: 'Tours', siret: null, id: 'i' } })).toEqual(['name']);
    expect(changedFields({ action: 'read_sensitive', changes: { fields: ['criterion', 'evidence_type'], reason: 'eligibility_reveal' } })).toEqual([
      'criterion',
      'evidence_type',
    ]);
    expect(changedFields({ action: 'read_sensitive', changes: { fields: ['*'], reason: 'export' } })).toEqual([]);
  });

  it("opens the admin's own records, not participants'", () => {
    expect(recordPath({ entity_type: 'tender', entity_id: 't1' })).toBe('/tenders/t1');
    expect(recordPath({ entity_type: 'labour_share', entity_id: 's1' })).toBe('/clause-settings');
    expect(recordPath({ entity_type: 'participant', entity_id: 'p1' })).toBeNull();
  });
});

describe('audit record names', () => {
  it('names a record from its entry, never a participant', () => {
    expect(recordName({ entity_type: 'organisation', changes: { name: 'Ville de Tours' } })).toBe('Ville de Tours');
    expect(recordName({ entity_type: 'tender', changes: { reference: ['A-1', 'A-2'] } })).toBe('A-2');
    expect(recordName({ entity_type: 'user', changes: { last_login_at: ['x', 'y'] } })).toBeNull();
    expect(recordName({ entity_type: 'participant', changes: { last_name: '[set]', name: 'x' } })).toBeNull();
  });
});

describe('the audit log period', () => {
  const today = '2026-12-03';
  it('says nothing of a date still unreadable: its own field says it is not a date', () => {
    expect(periodProblems({ since: 'abc', until: '2090-01-01' }, today)).toEqual({ since: undefined, until: undefined });
    expect(periodProblems({ since: '2026-06-01', until: '31/02' }, today)).toEqual({ since: undefined, until: undefined });
  });

  it('says an end before the start only when both are days', () => {
    expect(periodProblems({ since: '2026-06-02', until: '2026-06-01' }, today).until).toBe('audit.periodInverted');
    expect(periodProblems({ since: '2026-06-01', until: '2026-06-01' }, today).until).toBeUndefined();
  });

  it('says a start after today holds nothing yet, and sends neither it nor unreadable text', () => {
    expect(periodProblems({ since: '2090-01-01', until: '' }, today).since).toBe('audit.sinceInFuture');
    const query = auditQuery(
      { entityType: null, entityId: null, since: '2090-01-01', until: '2090-12-31', action: 'signed_in' },
      null,
      today,
    );
    expect(query).toMatchObject({ since: undefined, until: '2090-12-31', action: 'signed_in' });
    expect(auditQuery({ entityType: null, entityId: null, since: 'abc', until: '', action: 'exploded' }, null, today)).toMatchObject({
      since: undefined,
      until: undefined,
      action: undefined,
    });
  });

  it('offers every action the API records, each with its label', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(i18n.getFixedT('fr')(`history.actions.${action}`)).not.toBe(`history.actions.${action}`);
      expect(i18n.getFixedT('en')(`history.actions.${action}`)).not.toBe(`history.actions.${action}`);
    }
  });
});

describe('names instead of ids', () => {
  it('names a sign-in by its account, from the API', () => {
    expect(recordName({ entity_type: 'user', changes: {}, entity_name: 'Inès Martin' })).toBe('Inès Martin');
    expect(recordName({ entity_type: 'participant', changes: {}, entity_name: 'Secret' })).toBeNull();
  });

  it('reads an id as the name of the organisation or account it points to', () => {
    const names = { '8c20a3bc-fb05-40eb-8b78-68dba7e4cc66': 'PLIE de Touraine' };
    const format = (value: unknown) => formatValue('coordinator_id', value, { ...reading('fr'), names });
    expect(describeChange([null, '8c20a3bc-fb05-40eb-8b78-68dba7e4cc66'], format)).toBe('(vide) → PLIE de Touraine');
    expect(format('0b5c1d2e-0000-4000-8000-000000000000')).toBe('0b5c1d2e-0000-4000-8000-000000000000');
  });
});
