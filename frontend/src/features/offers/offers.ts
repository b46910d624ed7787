import type { ContractKind, OfferStatus } from '../../client/types.gen';

export const OFFER_STATUSES: readonly OfferStatus[] = ['open', 'filled', 'closed'];
export const CONTRACT_KINDS: readonly ContractKind[] = [
  'cdi', 'cdd', 'interim', 'cddi', 'apprenticeship', 'professionalisation', 'subsidised',
];
export const MAX_HOURS_PER_WEEK = 48;

/** A number as typed ("17,5"): digits with one decimal comma or point, else NaN (not "1e1"). */
export function typedNumber(value: string): number {
  const text = value.trim().replace(',', '.');
  return /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
}

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

/** The list's query from the URL's filters (only what is set). */
export function offerQuery(filters: Record<string, string | null>) {
  const pick = (name: string) => filters[name] || undefined;
  const status = pick('status');
  return {
    rome: pick('rome'),
    commune: pick('commune'),
    start_from: pick('start_from'),
    start_to: pick('start_to'),
    status: status && (OFFER_STATUSES as readonly string[]).includes(status) ? (status as OfferStatus) : undefined,
  };
}
