import type { ContractKind, OfferStatus, Role } from '../../client/types.gen';
import { datesInOrder, validPeriod } from '../../lib/dates';
import { typedNumber } from '../../lib/numbers';

export const OFFER_STATUSES: readonly OfferStatus[] = ['open', 'filled', 'closed'];

const OPEN_ONLY: readonly OfferStatus[] = ['open'];

/** The statuses of the offers a role can see: a referent only ever sees open offers (to
 * propose people for them), so filled or closed would always list nothing. */
export function offerStatusesFor(role: Role | undefined): readonly OfferStatus[] {
  return role === 'referent' ? OPEN_ONLY : OFFER_STATUSES;
}
export const CONTRACT_KINDS: readonly ContractKind[] = [
  'cdi', 'cdd', 'interim', 'cddi', 'apprenticeship', 'professionalisation', 'subsidised',
];
export const MAX_HOURS_PER_WEEK = 48;

/** A number as typed ("17,5"), else NaN (not "1e1"): the forms' one reading (lib/numbers). */
export { typedNumber };

export interface OfferValues {
  rome_code: string;
  rome_label: string;
  title: string;
  commune_code: string;
  commune_name: string;
  start_date: string;
  duration_months: string;
  hours_per_week: string;
  posts: string;
  contract_kind: string | null;
  enterprise_id: string | null;
  description: string;
}

/** The form's checks, all at once (translation keys by field); the server checks them too. */
export function offerErrors(values: OfferValues, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.rome_code) errors.rome_code = 'validation.required';
  if (!values.commune_code) errors.commune_code = 'validation.required';
  if (!values.start_date) errors.start_date = 'validation.required';
  else if (/^\d{4}-\d{2}-\d{2}$/.test(values.start_date) && values.start_date < today)
    errors.start_date = 'offers.startInPast';
  const hours = typedNumber(values.hours_per_week);
  if (!(hours > 0) || hours > MAX_HOURS_PER_WEEK)
    errors.hours_per_week = 'offers.hoursRange';
  const posts = typedNumber(values.posts);
  if (!Number.isInteger(posts) || posts < 1) errors.posts = 'offers.postsRange';
  const months = typedNumber(values.duration_months);
  if (!Number.isInteger(months) || months < 1 || months > 60) errors.duration_months = 'offers.durationRange';
  if (!values.contract_kind) errors.contract_kind = 'validation.required';
  return errors;
}

/** The start days the list is filtered on: those typed when both are real days in order
 * (lib/dates `validPeriod`), else `lastValid` (the last ones that were), so that text still
 * being corrected is never sent (the API answers 422) and the list stays as it was. */
export function offerPeriod(
  filters: Record<string, string | null>,
  lastValid: OfferPeriod = { from: null, to: null },
): OfferPeriod {
  return validPeriod(filters.start_from, filters.start_to) ?? lastValid;
}
export type OfferPeriod = { from: string | null; to: string | null };

/** The period filter's problem, as its field shows it (an unreadable day is said by its own
 * field): an end before the start, as the dashboard and the audit log say it. */
export function offerPeriodProblems(filters: Record<string, string | null>): { start_to?: string } {
  return datesInOrder(filters.start_from ?? '', filters.start_to ?? '') ? {} : { start_to: 'validation.endBeforeStart' };
}

/** The list's query from the URL's filters (only what is set; the start days as `offerPeriod`). */
export function offerQuery(filters: Record<string, string | null>, lastValid?: OfferPeriod) {
  const pick = (name: string) => filters[name] || undefined;
  const status = pick('status');
  const days = offerPeriod(filters, lastValid);
  return {
    rome: pick('rome'),
    commune: pick('commune'),
    start_from: days.from ?? undefined,
    start_to: days.to ?? undefined,
    status: status && (OFFER_STATUSES as readonly string[]).includes(status) ? (status as OfferStatus) : undefined,
  };
}
