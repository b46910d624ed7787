/**
 * Checks run before a form is sent. Each returns an i18n key (or null when the value is fine):
 * the server stays the judge (it checks the SIRET key, e-mail uniqueness …) and its field
 * errors land on the same inputs.
 */

import { isIsoDay } from './dates';
import { typedNumber } from './numbers';

/** An i18n key, or a key with the values its message needs. */
export type CheckResult = string | { key: string; values: Record<string, string | number> } | null;
export type Check = (value: string) => CheckResult;

/** The text without what shows nothing (zero-width spaces, bidi marks, soft hyphens,
 * fillers), as the server cleans every text it takes (core/text.py). */
export function withoutInvisible(value: string): string {
  return value.normalize('NFC').replace(/[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]/gu, '');
}

/** A text as the server stores it: invisible characters removed, then trimmed. */
const visible = (value: string) => withoutInvisible(value).trim();

export const required: Check = (value) => (visible(value) ? null : 'validation.required');

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

/** Empty is allowed (an optional field): the check applies only to what was typed. */
export const optional =
  (check: Check): Check =>
  (value) =>
    value.trim() ? check(value) : null;

/** The server's pattern (participants/schemas.py): 6 to 20 digits, spaces, . - ( ), + first. */
export const PHONE_PATTERN = /^\+?[0-9 .()-]{6,20}$/;
export const phone: Check = optional((value) => (PHONE_PATTERN.test(value.trim()) ? null : 'validation.phone'));

/** 7 to 16 letters or digits (participants/schemas.py). */
export const franceTravailId: Check = optional((value) =>
  /^[0-9A-Za-z]{7,16}$/.test(value.trim()) ? null : 'validation.franceTravailId',
);

/** A day the calendar field could read (it holds the typed text otherwise). */
export const isoDay: Check = optional((value) => (isIsoDay(value) ? null : 'validation.dateFormat'));

/** The ages the server accepts for a participant (participants/constants.py). */
export const MINIMUM_AGE = 16;
export const MAXIMUM_AGE = 100;

/** Whole years between an ISO birth date and an ISO day. */
export function yearsBetween(birthDate: string, on: string): number {
  const [year, month, day] = birthDate.split('-').map(Number);
  const [onYear, onMonth, onDay] = on.split('-').map(Number);
  return onYear - year - (onMonth < month || (onMonth === month && onDay < day) ? 1 : 0);
}

/** A participant's birth date: not in the future, 16 to 100 years old on `today`. */
export const birthDate =
  (today: string): Check =>
  (value) => {
    if (!value) return null;
    if (value > today) return 'validation.birthDateFuture';
    const age = yearsBetween(value, today);
    if (age < MINIMUM_AGE) return 'validation.tooYoung';
    if (age > MAXIMUM_AGE) return 'validation.birthDateImplausible';
    return null;
  };

/** A day that is not after today (validations, exits, steps are dated when they happen). */
export const notAfter =
  (today: string): Check =>
  (value) =>
    value && value > today ? 'validation.dateInFuture' : null;

/** Weekly hours of a contract: more than 0, at most 48 (the legal maximum), comma allowed. */
export const hours: Check = optional((value) => {
  const number = typedNumber(value);
  return Number.isFinite(number) && number > 0 && number <= 48 ? null : 'validation.hoursPerWeek';
});

/** A tender's internal reference (tenders/schemas.py): up to 16 characters, no space nor & " \\ < , ; */
/** The server's pattern (tenders/schemas.py REFERENCE_PATTERN): 1 to 16 letters, digits, signs. */
export const TENDER_REFERENCE_PATTERN = /^[A-Za-z0-9À-ÖØ-öø-ÿ_./()#°:'+-]+$/;
export const tenderReference: Check = optional((value) => {
  const reference = value.trim();
  if (!TENDER_REFERENCE_PATTERN.test(reference)) return 'validation.tenderReference';
  return reference.length > 16 ? { key: 'validation.tenderReferenceLength', values: { count: reference.length } } : null;
});

/** An amount in euros more than 0, as people type it (1 000 000,50): a text that is not a
 * number and a number 0 or less are each refused with their reason. */
export const amount: Check = optional((value) => {
  const number = typedNumber(value);
  if (!Number.isFinite(number)) return 'validation.amount';
  return number > 0 ? null : 'validation.amountPositive';
});

/** An amount in euros, 0 or more, that may be left empty. */
export const optionalAmount: Check = optional((value) => {
  const number = typedNumber(value);
  if (!Number.isFinite(number)) return 'validation.amount';
  return number >= 0 ? null : 'validation.amountNotNegative';
});

/** At least `count` characters once trimmed (empty is left to `required`). */
export const minLength =
  (count: number): Check =>
  (value) =>
    !visible(value) || visible(value).length >= count ? null : { key: 'validation.minLength', values: { count } };

/** The longest name the server takes (core/validation.py `Name`). */
export const NAME_MAX_LENGTH = 200;

/** At most `count` characters once trimmed (the server's limit for the field). */
export const maxLength =
  (count: number): Check =>
  (value) =>
    visible(value).length <= count ? null : { key: 'validation.maxLength', values: { count } };

/** A share typed in percent: more than 0, at most 100, comma allowed. */
export const share: Check = optional((value) => {
  const number = typedNumber(value);
  return Number.isFinite(number) && number > 0 && number <= 100 ? null : 'validation.share';
});

/** The first 2 to 8 digits of CPV codes (a labour-share row). */
export const cpvPrefix: Check = optional((value) => (/^\d{2,8}$/.test(value.trim()) ? null : 'validation.cpvPrefix'));

/** A social criterion's weight in percent: 1 to 100, two decimals at most, comma allowed. */
export const weight: Check = optional((value) => {
  const number = typedNumber(value);
  return Number.isFinite(number) && number >= 1 && number <= 100 && Math.round(number * 100) === number * 100 ? null : 'validation.weight';
});

/** A percentage from 0 to 100 (a cap may be 0), comma allowed. */
export const percentage: Check = optional((value) => {
  const number = typedNumber(value);
  return Number.isFinite(number) && number >= 0 && number <= 100 ? null : 'validation.percentage';
});

/** A CPV code as the server reads it: 8 digits, optionally a dash and the check digit (the
 * server checks the code exists and its digit). */
export const cpvCode: Check = optional((value) => (/^\d{8}(-\d)?$/.test(value.trim()) ? null : 'validation.cpvCode'));

/** The earliest day the server takes for an event (core/validation.py `EventDate`): a typo of
 * the year such as 1890 or 0202 is caught. */
export const EARLIEST_EVENT_DAY = '2000-01-01';
export const notTooEarly: Check = (value) =>
  value && isIsoDay(value) && value < EARLIEST_EVENT_DAY ? 'validation.dateTooEarly' : null;

/** A planned day (the end of a contract): at most five years after today, as the server. */
export const notTooFar =
  (today: string): Check =>
  (value) => {
    if (!value || !isIsoDay(value)) return null;
    const limit = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
    return value > limit ? 'validation.dateTooFar' : null;
  };

/** Not before `earliest` (an ISO day, e.g. the person's birth date), with the message `key`
 * naming that day as `{{date}}` (dd/mm/yyyy). */
export const notBefore =
  (earliest: string | null | undefined, key: string): Check =>
  (value) =>
    earliest && value && isIsoDay(value) && value < earliest
      ? { key, values: { date: earliest.split('-').reverse().join('/') } }
      : null;

/** Not after `latest` (an ISO day, e.g. a pathway's first step), with the message `key`. */
export const notAfterDay =
  (latest: string | null | undefined, key: string): Check =>
  (value) =>
    latest && value && isIsoDay(value) && value > latest
      ? { key, values: { date: latest.split('-').reverse().join('/') } }
      : null;


/** A whole number from `min` to `max`, as the server's bounds (empty is left to `required`). */
export const wholeNumber = (min: number, max: number): Check =>
  optional((value) => {
    const number = typedNumber(value);
    return Number.isInteger(number) && number >= min && number <= max
      ? null
      : { key: 'validation.wholeRange', values: { min, max } };
  });

/** At most `max` (a column's digits: 99 999 999,99 € for 10 digits with 2 decimals). */
export const atMost = (max: number, shown: string): Check =>
  optional((value) => {
    const number = typedNumber(value);
    return Number.isFinite(number) && number > max ? { key: 'validation.amountMax', values: { max: shown } } : null;
  });

/** The longest texts the server takes (backend schemas), by field. */
export const TEXT_MAX_LENGTH = {
  email: 254,
  password: 256,
  description: 4000,
  contactName: 200,
  trade: 200,
  articleTemplate: 50_000,
} as const;
