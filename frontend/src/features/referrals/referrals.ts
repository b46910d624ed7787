/** Referrals: their statuses, the decline reasons, and the checks of the proposal and the hire. */
import type {
  DeclineReason,
  FulfilmentMode,
  OfferRead,
  ReferralHire,
  ReferralRead,
  ReferralStatus,
} from '../../client/types.gen';
import { firstProblems } from '../../lib/formChecks';
import { isoDay, maxLength, notTooEarly, required, type CheckResult } from '../../lib/validation';
import { type TermsValues, termsBody, termsProblems } from '../assignments/assignments';
import { typed } from '../tenders/format';

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ['proposed', 'interview', 'hired', 'declined', 'withdrawn'];
export const DECLINE_REASONS: readonly DeclineReason[] = [
  'profile_mismatch', 'position_filled', 'no_show', 'candidate_declined', 'other',
];
/** The longest word to the employer the server takes (referrals/schemas.py `Message`). */
export const MESSAGE_MAX_LENGTH = 2000;

export interface ProposeValues {
  participant: { id: string; name: string } | null;
  message: string;
}

export function proposeProblems(values: ProposeValues): Record<string, CheckResult> {
  return firstProblems({
    participant: [values.participant?.id ?? '', [required]],
    message: [values.message, [maxLength(MESSAGE_MAX_LENGTH)]],
  });
}

/** The modes a hire from an offer may take: a direct hire, or on a clause's offer an interim
 * contract (temporary work) or a placement by an AI or a GEIQ. */
export function hireModes(onClause: boolean): readonly FulfilmentMode[] {
  return onClause ? ['direct_hire', 'temporary_work', 'placement'] : ['direct_hire'];
}

/** The hire's form as it opens: the offer's terms (an interim offer is temporary work). */
export function hireDefaults(
  offer: Pick<OfferRead, 'contract_kind' | 'start_date' | 'hours_per_week'> & { lot: unknown },
): TermsValues {
  const interim = offer.contract_kind === 'interim' && offer.lot !== null;
  return {
    mode: interim ? 'temporary_work' : 'direct_hire',
    employer: null,
    contract_kind: offer.contract_kind === 'interim' ? null : offer.contract_kind,
    start_date: offer.start_date,
    planned_end_date: '',
    hours_per_week: typed(offer.hours_per_week),
  };
}

export const hireProblems = termsProblems;

/** The hire's body: every term said, so that what was confirmed is what is written. */
export function hireBody(values: TermsValues): ReferralHire {
  return termsBody(values);
}

export interface InterviewValues {
  interview_on: string;
}

export function interviewProblems(values: InterviewValues): Record<string, CheckResult> {
  return firstProblems({ interview_on: [values.interview_on, [required, isoDay, notTooEarly]] });
}

/** "MARTIN Léa", as the lists write a person. */
export function personName(person: Pick<ReferralRead['person'], 'first_names' | 'last_name'>): string {
  return `${person.last_name.toUpperCase()} ${person.first_names}`;
}

/** The list's query for the URL's status filter (an unknown status is no filter). */
export function referralQuery(status: string | null) {
  return { status: REFERRAL_STATUSES.find((known) => known === status) };
}

/** The people who cannot be proposed again for an offer (a person has one candidature per
 * offer, whatever its status), with the reason the picker shows. */
export function alreadyProposed(
  referrals: readonly Pick<ReferralRead, 'person' | 'status'>[],
  reason: (status: ReferralStatus) => string,
): Map<string, string> {
  return new Map(referrals.map((referral) => [referral.person.id, reason(referral.status)]));
}
