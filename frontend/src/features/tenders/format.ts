/** Numbers, amounts, shares and dates in the interface language (Intl). */
import { currentLanguage } from '../../i18n';
import { dayMonthYear } from '../../lib/dates';
import { formatEuros, typedNumber } from '../../lib/numbers';

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'fr-FR');

/** An amount as every page writes it: "1 250 000 €" (French), "€1,250,000" (English). */
export function euros(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatEuros(Number(value), currentLanguage());
}

export function integer(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value));
}

/** A quantity with its decimals as people read them: "35.50" → "35,5" in French. */
export function number(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(value));
}

/** A fraction (0.05) as a percentage ("5 %"), with up to two decimals. */
export function percent(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 2 }).format(Number(value));
}

/** A day as dd/mm/yyyy, the way dates are typed in the forms (in both languages). */
export function day(value: string | null | undefined): string {
  return value ? dayMonthYear(value) : '—';
}

/** A calculation's formula, as the API writes it (1000000 × 0.5 …), with its numbers in the
 * interface language (1 000 000 × 0,5 … in French). */
export function formula(text: string): string {
  const format = new Intl.NumberFormat(locale(), { maximumFractionDigits: 10 });
  return text.replace(/\d+(?:\.\d+)?/g, (match) => {
    const [whole, decimals] = match.split('.');
    const grouped = format.format(Number(whole));
    return decimals === undefined ? grouped : `${grouped}${locale() === 'fr-FR' ? ',' : '.'}${decimals}`;
  });
}

/** "5" (percent typed by a person) → "0.05" for the API; empty → null. */
export function fromPercent(value: string): string | null {
  const trimmed = value.trim().replace(',', '.');
  if (!trimmed) return null;
  const number = typedNumber(trimmed);
  return Number.isFinite(number) ? String(Math.round(number * 100) / 10000) : trimmed;
}

/** A stored number ("1750000.00") as a person types it in the interface language: "1750000",
 * "45,5" in French (what `decimal` reads back). */
export function typed(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 4, useGrouping: false }).format(number);
}

/** A stored amount in euros ("1250000.5") as people type it: "1 250 000,50" in French (spaces
 * between thousands, cents when there are some), "1250000.50" in English (what `decimal`
 * reads back). */
export function typedAmount(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  const french = locale() === 'fr-FR';
  const cents = !Number.isInteger(Math.round(number * 100) / 100);
  return new Intl.NumberFormat(locale(), {
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: 2,
    useGrouping: french,
  })
    .format(number)
    .replace(/[\u00a0\u202f]/g, ' ');
}

/** "0.0750" from the API → "7,5" (French) for a percent input. */
export function toPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return typed(Math.round(Number(value) * 1000000) / 10000);
}

/** A typed amount ("1 000 000,50") → "1000000.50"; empty → null. */
export function decimal(value: string): string | null {
  const trimmed = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return trimmed ? trimmed : null;
}
