import type { ParticipantsParticipantStatsData } from '../../client/types.gen';
import { datesInOrder, validPeriod } from '../../lib/dates';

/** The exits a dashboard counts: all of them, a calendar year's, or between two days. */
export type StatsPeriod = { kind: 'all' } | { kind: 'year'; year: number } | { kind: 'dates'; from: string; to: string };

/** The stats query of a period (the API refuses a year with dates, and dates out of order). */
export function periodQuery(period: StatsPeriod): NonNullable<ParticipantsParticipantStatsData['query']> {
  if (period.kind === 'year') return { year: period.year };
  if (period.kind === 'dates') {
    // Only real days, in order, are sent (the API answers 422 otherwise): a period still
    // being typed filters nothing.
    const days = validPeriod(period.from, period.to);
    return { exited_from: days?.from ?? null, exited_to: days?.to ?? null };
  }
  return {};
}

/** The years offered: this one and the four before it, newest first. */
export function periodYears(today: Date = new Date(), count = 5): number[] {
  return Array.from({ length: count }, (_, index) => today.getFullYear() - index);
}

/** Whether two days given as a period are in order (lib/dates, shared with the offers' filters). */
export { datesInOrder };

/** Whether two typed days make a period the dashboard can be queried with (lib/dates). */
export function periodReady(from: string, to: string): boolean {
  return validPeriod(from, to) !== null;
}
