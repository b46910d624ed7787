import { describe, expect, it } from 'vitest';

import type { FollowUpRead } from '../src/client/types.gen';
import { addDays, groupOf, handOverProblems, itemLink, snoozeProblems } from '../src/features/followups/followups';

const item = (fields: Partial<FollowUpRead>): FollowUpRead => ({ key: 'k', kind: 'offer_missing', next_action_on: '2026-12-04', ...fields }) as FollowUpRead;

describe('follow-ups', () => {
  it('opens each kind where it is acted on', () => {
    const lot = { tender_id: 't', lot_id: 'l' };
    expect(itemLink(item({ kind: 'offer_missing', ...lot }))).toBe('/tenders/t/lots/l');
    expect(itemLink(item({ kind: 'clause_behind', ...lot }))).toBe('/tenders/t/lots/l');
    expect(itemLink(item({ kind: 'referral_answer', offer_id: 'o' }))).toBe('/offers/o');
    expect(itemLink(item({ kind: 'hours_to_validate', month: '2026-11-01' }))).toBe('/hours?view=queue&month=2026-11');
    expect(itemLink(item({ kind: 'hours_missing', month: '2026-11-01' }))).toBe('/hours?month=2026-11');
    expect(itemLink(item({ kind: 'report_due', assignment_id: 'a' }))).toBe('/assignments/a');
  });

  it('groups by the next-action day', () => {
    expect(groupOf(item({ next_action_on: '2026-12-03' }), '2026-12-04')).toBe('overdue');
    expect(groupOf(item({ next_action_on: '2026-12-04' }), '2026-12-04')).toBe('today');
    expect(groupOf(item({ next_action_on: '2026-12-05' }), '2026-12-04')).toBe('upcoming');
  });

  it('takes a snooze day after today within 180 days, across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    const today = '2026-12-04';
    expect(snoozeProblems({ until: '', note: '' }, today).until).toBe('validation.required');
    expect(snoozeProblems({ until: today, note: '' }, today).until).toBe('followUps.snoozePast');
    expect(snoozeProblems({ until: addDays(today, 181), note: '' }, today).until).toEqual({ key: 'followUps.snoozeTooFar', values: { days: 180 } });
    expect(snoozeProblems({ until: addDays(today, 180), note: '' }, today).until).toBeUndefined();
    expect(snoozeProblems({ until: '2026-12-05', note: 'x'.repeat(1001) }, today).note).toEqual({ key: 'validation.maxLength', values: { count: 1000 } });
  });

  it('hands over to someone with a note that is not blank', () => {
    const problems = handOverProblems({ assignee_id: null, note: ' \u200b ' });
    expect(problems.assignee_id).toBe('validation.required');
    expect(problems.note).toBe('validation.required');
    expect(handOverProblems({ assignee_id: 'u', note: 'Merci' })).toEqual({});
  });
});
