import { describe, expect, it } from 'vitest';

import { auditQuery, changedFields, recordName, recordPath } from '../src/features/audit/audit';

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
