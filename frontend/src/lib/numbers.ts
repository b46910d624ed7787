/** Amounts in euros written one way on every page: whole euros without decimals, cents when
 * there are some ("1 250 000 €", "1 250 000,50 €" in French; "€1,250,000", "€1,250,000.50"). */

/** The number formats' locale: French, or British English (day first, like the forms). */
export const numberLocale = (language: string) => (language === 'en' ? 'en-GB' : 'fr-FR');

export function formatEuros(value: number, language: string): string {
  const whole = Number.isInteger(Math.round(value * 100) / 100);
  return new Intl.NumberFormat(numberLocale(language), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** A number as people type it (spaces between thousands, a decimal comma or point), or NaN:
 * digits only, with one decimal separator, as every form reads it (Number() would also read
 * "1e9", "0x10" or "Infinity"). */
export function typedNumber(value: string): number {
  const text = value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}
