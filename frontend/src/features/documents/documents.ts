/** Issued documents: sizes, digests and the choices of an end-of-assignment report. */
import type { DocumentRead, Role } from '../../client/types.gen';
import { defaultMonth } from '../hours/hours';

export const ATTENDANCE = ['regular', 'mostly_regular', 'irregular'] as const;
export const RECOMMENDATIONS = ['recommended', 'recommended_with_reservations', 'not_recommended'] as const;
/** No "neutralised": its situations (illness, maternity…) are health data a report never holds. */
export const OUTCOMES = ['lasting_employment', 'transitional_employment', 'positive_exit', 'other_exit'] as const;
export const REPORT_TEXT_MAX = 2000;

/** 12,3 ko / 1,2 Mo, in the interface language. */
export function fileSize(bytes: number, language: string): string {
  const format = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 1 });
  const [kilo, mega] = language.startsWith('fr') ? ['ko', 'Mo'] : ['kB', 'MB'];
  if (bytes < 1000) return `${bytes} ${language.startsWith('fr') ? 'o' : 'B'}`;
  if (bytes < 1_000_000) return `${format(bytes / 1000)} ${kilo}`;
  return `${format(bytes / 1_000_000)} ${mega}`;
}

/** The start of a SHA-256, enough to compare two copies by eye. */
export function shortDigest(document: Pick<DocumentRead, 'sha256'>): string {
  return document.sha256.slice(0, 12);
}

export function issuedAt(value: string, language: string): string {
  return new Date(value).toLocaleString(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}

/** The month a buyer's report is issued for by default: the last complete one (the month
 * under way would only give figures to date). */
export function defaultReportMonth(today: string): string {
  return defaultMonth(today);
}

/** Whether the lists show each document's SHA-256 digest: the facilitator and the admin check
 * an archived copy against it; for an enterprise or a buyer it is jargon. */
export function showsDigest(role: Role | undefined): boolean {
  return role === 'facilitator' || role === 'admin';
}
