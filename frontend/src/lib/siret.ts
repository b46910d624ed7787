/** How a SIRET is shown to people, everywhere it is displayed (lists, pickers, history, a
 * record's form when it opens): typed values are taken with or without spaces. */

/** "013 700 018 00016": a SIRET as it is printed (the SIREN by threes, then the NIC); any
 * other text is left as it is. */
export function formatSiret(siret: string): string {
  const digits = siret.replace(/\s+/g, '');
  return /^\d{14}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`
    : siret;
}
