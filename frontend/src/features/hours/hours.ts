/** Monthly hours: months as the API writes them ("2026-11"), the views of the hours page by
 * permission, and the declaration form's checks. */
import type { HoursStatus, Permission } from '../../client/types.gen';
import { firstProblems } from '../../lib/formChecks';
import { typedNumber } from '../../lib/numbers';
import { type Check, type CheckResult, maxLength, optional, required } from '../../lib/validation';
import { decimal } from '../tenders/format';

export const HOURS_STATUSES: readonly HoursStatus[] = ['declared', 'validated', 'rejected'];
export const NOTE_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 500;
/** A month holds at most 744 hours (31 × 24): the server's bound beyond any ceiling. */
export const MONTH_HOURS_MAX = 744;
/** How many months the month picker offers, back from the current one. */
export const MONTHS_OFFERED = 36;

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

/** A month as the API takes it: 2000-01 to 2099-12 (backend `MONTH_PATTERN`). */
export function isMonth(text: string | null | undefined): text is string {
  return typeof text === 'string' && MONTH.test(text);
}

/** The month of an ISO day ("2026-12-04" → "2026-12"). */
export function monthOf(isoDay: string): string {
  return isoDay.slice(0, 7);
}

/** The month `delta` months after `month` (before when negative). */
export function shiftMonth(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month an employer declares by default: the last one over. */
export function defaultMonth(today: string): string {
  return shiftMonth(monthOf(today), -1);
}

/** The months offered, the current one first, `count` back. */
export function recentMonths(today: string, count = MONTHS_OFFERED): string[] {
  const current = monthOf(today);
  return Array.from({ length: count }, (_, index) => shiftMonth(current, -index));
}

/** "novembre 2026" / "November 2026". */
export function monthLabel(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  const text = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
  return text;
}

export type HoursView = 'queue' | 'grid' | 'list';

/** The views a role has: the facilitator's validation queue, an employer's monthly grid
 * (the enterprise's own, or any employer's for the facilitator), and every declaration. */
export function hoursViews(can: (permission: Permission) => boolean): HoursView[] {
  const views: HoursView[] = [];
  if (can('hours:validate')) views.push('queue');
  if (can('hours:declare') || can('hours:validate')) views.push('grid');
  views.push('list');
  return views;
}

/** The page's subtitle for a view: the grid says what the caller does there (an employer
 * declares and corrects, the facilitator validates and rejects). */
export function hoursIntroKey(view: HoursView, can: (permission: Permission) => boolean): string {
  return view === 'grid' && can('hours:validate') ? 'hours.intro.gridValidate' : `hours.intro.${view}`;
}

/** What an empty list says, naming the month when one is chosen (the grid always has one). */
export function hoursEmptyKey(view: HoursView, month: string | null): string {
  if (view === 'grid') return 'hours.empty.grid';
  return `hours.empty.${view}${month ? 'Month' : ''}`;
}

/** A month's hours for one person: 0 up to the structure's ceiling, two decimals at most. */
export const monthHours =
  (ceiling: number): Check =>
  optional((value) => {
    const number = typedNumber(value);
    const decimals = value.trim().replace(',', '.').split('.')[1] ?? '';
    return Number.isFinite(number) && number >= 0 && number <= ceiling && decimals.length <= 2
      ? null
      : { key: 'validation.monthHours', values: { max: ceiling } };
  });

export interface HoursValues {
  hours: string;
  note: string;
}

export function hoursProblems(values: HoursValues, ceiling: number): Record<string, CheckResult> {
  return firstProblems({
    hours: [values.hours, [required, monthHours(ceiling)]],
    note: [values.note, [maxLength(NOTE_MAX_LENGTH)]],
  });
}

/** The hours as the API takes them ("151.67"), and the note. */
export function hoursBody(values: HoursValues) {
  return { hours: decimal(values.hours) ?? '', note: values.note.trim() };
}

export function reasonProblems(values: { reason: string }): Record<string, CheckResult> {
  return firstProblems({ reason: [values.reason, [required, maxLength(REASON_MAX_LENGTH)]] });
}

/** The sums of a grid's declarations: validated hours (they count), hours waiting for
 * validation and how many declarations wait (a rejected one waits for its correction). */
export function gridTotals(rows: readonly { declaration: { hours: string; status: HoursStatus } | null }[]) {
  let validated = 0;
  let waitingHours = 0;
  let waiting = 0;
  for (const { declaration } of rows) {
    if (declaration?.status === 'validated') validated += Number(declaration.hours);
    if (declaration?.status === 'declared') {
      waitingHours += Number(declaration.hours);
      waiting += 1;
    }
  }
  return { validated, waitingHours, waiting };
}
