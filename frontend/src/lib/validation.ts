/**
 * Checks run before a form is sent. Each returns an i18n key (or null when the value is fine):
 * the server stays the judge (it checks the SIRET key, e-mail uniqueness …) and its field
 * errors land on the same inputs.
 */

export type Check = (value: string) => string | null;

export const required: Check = (value) => (value.trim() ? null : 'validation.required');

export const email: Check = (value) =>
  /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.trim()) ? null : 'validation.email';

/** 14 digits once spaces are removed (the key digit is the server's to check). */
export const siret: Check = (value) =>
  !value.trim() || /^\d{14}$/.test(normaliseSiret(value)) ? null : 'validation.siret';

export const MIN_PASSWORD_LENGTH = 12;

/** Empty is allowed (optional initial password); otherwise 12 characters at least. */
export const optionalPassword: Check = (value) =>
  !value || value.length >= MIN_PASSWORD_LENGTH ? null : 'validation.passwordLength';

export const password: Check = (value) => required(value) ?? optionalPassword(value);

export function normaliseSiret(value: string): string {
  return value.replace(/\s+/g, '');
}
