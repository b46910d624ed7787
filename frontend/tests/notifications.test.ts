import { describe, expect, it } from 'vitest';

import { AUDIT_ACTIONS, changedFields } from '../src/features/audit/audit';
import { badgeText, safeLink } from '../src/features/notifications/format';
import i18n from '../src/i18n';
import { formatValue } from '../src/lib/audit';

describe('the notification badge', () => {
  it('shows the count, and 99+ beyond', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});

describe('a notification link', () => {
  it('is followed only inside the app', () => {
    expect(safeLink('/hours?month=2026-11')).toBe('/hours?month=2026-11');
    expect(safeLink('/tenders/t/lots/l')).toBe('/tenders/t/lots/l');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('https://evil.example/x')).toBeNull();
    expect(safeLink('')).toBeNull();
  });
});

describe('a reminder in a lot history', () => {
  const entry = {
    action: 'reminded',
    changes: { reminder: 'hours_missing', enterprise_id: 'e1', recipients: 2, month: '2026-10', assignments: 1 },
  };
  it('is an action of the audit log, read in both languages', () => {
    expect(AUDIT_ACTIONS).toContain('reminded');
    expect(i18n.getFixedT('fr')('history.actions.reminded')).toBe('Rappel envoyé');
    expect(i18n.getFixedT('en')('history.actions.reminded')).toBe('Reminder sent');
  });
  it('names its reason, enterprise, recipients and month', () => {
    expect(changedFields(entry)).toEqual(['reminder', 'enterprise_id', 'recipients', 'month', 'assignments']);
    const reading = { t: i18n.getFixedT('fr'), language: 'fr', names: { e1: 'Bâtir' } };
    expect(formatValue('reminder', 'hours_missing', reading)).toBe('Heures du mois à déclarer');
    expect(formatValue('reminder', 'behind', { ...reading, t: i18n.getFixedT('en'), language: 'en' })).toBe(
      'Clause behind schedule',
    );
    expect(formatValue('enterprise_id', 'e1', reading)).toBe('Bâtir');
    expect(formatValue('month', '2026-10', reading)).toBe('octobre 2026');
    expect(formatValue('month', '2026-10', { ...reading, t: i18n.getFixedT('en'), language: 'en' })).toBe('October 2026');
  });
});
