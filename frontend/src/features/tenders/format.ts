/** Numbers, amounts, shares and dates in the interface language (Intl). */
import { currentLanguage } from '../../i18n';

const locale = () => (currentLanguage() === 'en' ? 'en-GB' : 'fr-FR');

export function euros(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 }).format(
    Number(value),
  );
}

export function integer(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(Number(value));
}

/** A fraction (0.05) as a percentage ("5 %"), with up to two decimals. */
export function percent(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 2 }).format(Number(value));
}

export function day(value: string | null | undefined): string {
  if (!value) return '—';
  const [year, month, date] = value.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(year, month - 1, date));
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
  const number = Number(trimmed);
  return Number.isFinite(number) ? String(Math.round(number * 100) / 10000) : trimmed;
}

/** "0.0500" from the API → "5" for a percent input. */
export function toPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return String(Math.round(Number(value) * 1000000) / 10000);
}

/** A typed amount ("1 000 000,50") → "1000000.50"; empty → null. */
export function decimal(value: string): string | null {
  const trimmed = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return trimmed ? trimmed : null;
}
