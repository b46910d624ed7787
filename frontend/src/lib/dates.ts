/** Dates as people type them (dd/mm/yyyy) and as the API takes them (ISO yyyy-mm-dd). */

const pad = (value: number) => String(value).padStart(2, '0');

/** The ISO date of a calendar day, or null when the day does not exist (31/02). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= 1000 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/**
 * A typed date as an ISO date: day first (03/04/1992, 3-4-1992, 3.4.1992) or ISO
 * (1992-04-03); null for anything else, a day that does not exist or a two-digit year
 * (half-typed "03/04/19" is not 2019 yet).
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** Whether text has the shape of a date (dd/mm/yyyy or ISO), whether or not the day exists. */
export function looksLikeDate(text: string): boolean {
  return /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$/.test(text.trim());
}

/** Whether a value is an ISO day the API takes (yyyy-mm-dd of a day that exists). */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) === value;
}

/** An ISO date (or timestamp) as dd/mm/yyyy. */
export function dayMonthYear(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** Today as an ISO date, in the browser's time zone (the day people date things on). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether two days given as a period are in order (either may be left empty, or still being
 * typed: only two real days can be out of order). */
export function datesInOrder(from: string, to: string): boolean {
  return !isIsoDay(from) || !isIsoDay(to) || from <= to;
}

/** The days a period typed in two date fields may be queried with: both real ISO days or
 * empty, the end not before the start; null while a day is unreadable (being typed,
 * "31/02/2026", "abc") or the period inverted, so that nothing invalid is ever sent. */
export function validPeriod(from: string | null | undefined, to: string | null | undefined): { from: string | null; to: string | null } | null {
  const start = from || null;
  const end = to || null;
  if ((start && !isIsoDay(start)) || (end && !isIsoDay(end))) return null;
  return start && end && end < start ? null : { from: start, to: end };
}
