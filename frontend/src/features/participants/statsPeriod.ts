import type { ParticipantsParticipantStatsData } from '../../client/types.gen';

/** The exits a dashboard counts: all of them, a calendar year's, or between two days. */
export type StatsPeriod = { kind: 'all' } | { kind: 'year'; year: number } | { kind: 'dates'; from: string; to: string };

/** The stats query of a period (the API refuses a year with dates, and dates out of order). */
export function periodQuery(period: StatsPeriod): NonNullable<ParticipantsParticipantStatsData['query']> {
  if (period.kind === 'year') return { year: period.year };
  if (period.kind === 'dates') return { exited_from: period.from || null, exited_to: period.to || null };
  return {};
}

/** The years offered: this one and the four before it, newest first. */
export function periodYears(today: Date = new Date(), count = 5): number[] {
  return Array.from({ length: count }, (_, index) => today.getFullYear() - index);
}

/** Whether two days given as a period are in order (either may be left empty). */
export function datesInOrder(from: string, to: string): boolean {
  return !from || !to || from <= to;
}
