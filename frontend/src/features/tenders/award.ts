/** The award form's checks and the body it sends (`AwardIn`): every row typed is either
 * refused with its reason or sent as it is; none is dropped on the way. */
import type { AwardIn, ConsortiumType } from '../../client/types.gen';
import { typedNumber } from '../../lib/numbers';
import { type Check, type CheckResult, amount, atMost, isoDay, notAfter, notBefore, notTooEarly, required } from '../../lib/validation';
import { AMOUNT_MAX, subcontractedTotal } from './checks';
import { decimal, euros } from './format';

export interface PickedEnterprise {
  id: string;
  name: string;
  detail?: string | null;
}

export interface AwardValues {
  consortium_type: ConsortiumType;
  awarded_amount: string;
  notification_date: string;
  /** A consortium member's share of the awarded amount (optional; '' when none). */
  members: { enterprise: PickedEnterprise | null; amount: string }[];
  mandatary: string;
  subcontractors: { enterprise: PickedEnterprise | null; amount: string }[];
  freeze_hours: boolean;
}

/** The member rows the award is for: one for a single enterprise, all for a consortium. */
export function awardMembers(values: AwardValues): AwardValues['members'] {
  return values.consortium_type === 'none' ? values.members.slice(0, 1) : values.members;
}

const first = (value: string, ...checks: Check[]): CheckResult => {
  for (const check of checks) {
    const problem = check(value);
    if (problem) return problem;
  }
  return null;
};

/**
 * Every error the form can know before sending, by form path, all at once: each member and
 * subcontractor row chosen, no enterprise twice, no awardee also subcontractor, each amount
 * valid and their total within the awarded amount (the server checks the same, and the dates
 * of the tender). `today` is the ISO day; `earliest` the tender's deadline for offers (or its
 * publication), before which no award is notified.
 */
export function awardErrors(values: AwardValues, today: string, earliest?: string | null): Record<string, CheckResult> {
  const euroAmount = (value: string) => first(value, required, amount, atMost(AMOUNT_MAX, euros(AMOUNT_MAX)));
  const errors: Record<string, CheckResult> = {
    awarded_amount: euroAmount(values.awarded_amount),
    notification_date: first(
      values.notification_date,
      required,
      isoDay,
      notTooEarly,
      notAfter(today),
      notBefore(earliest, 'validation.awardBeforeDeadline'),
    ),
  };
  const awardees = new Set<string>();
  awardMembers(values).forEach((member, index) => {
    const id = member.enterprise?.id;
    errors[`members.${index}.enterprise`] = !id
      ? 'validation.required'
      : awardees.has(id)
        ? 'lots.memberDuplicate'
        : null;
    if (id) awardees.add(id);
    if (values.consortium_type !== 'none') {
      errors[`members.${index}.amount`] = member.amount.trim() ? euroAmount(member.amount) : null;
    }
  });
  const declared = new Set<string>();
  values.subcontractors.forEach((sub, index) => {
    const id = sub.enterprise?.id;
    errors[`subcontractors.${index}.enterprise`] = !id
      ? 'lots.subcontractorRequired'
      : awardees.has(id)
        ? 'lots.subcontractorIsAwardee'
        : declared.has(id)
          ? 'lots.subcontractorDuplicate'
          : null;
    if (id) declared.add(id);
    errors[`subcontractors.${index}.amount`] = euroAmount(sub.amount);
  });
  // Only amounts accepted on their row count (a "1e9" refused there adds nothing), and only
  // against an awarded amount accepted too.
  const awarded = errors.awarded_amount ? Number.NaN : typedNumber(values.awarded_amount);
  const total = subcontractedTotal(
    values.subcontractors.filter((_, index) => !errors[`subcontractors.${index}.amount`]).map((sub) => sub.amount),
  );
  errors.subcontractors =
    Number.isFinite(awarded) && total > awarded
      ? { key: 'lots.subcontractingExceeds', values: { total: euros(total), awarded: euros(awarded) } }
      : null;
  // The members' shares, when given, together within the awarded amount.
  const shares = subcontractedTotal(
    awardMembers(values)
      .filter((member, index) => values.consortium_type !== 'none' && member.amount.trim() && !errors[`members.${index}.amount`])
      .map((member) => member.amount),
  );
  errors.members =
    Number.isFinite(awarded) && shares > awarded
      ? { key: 'lots.memberSharesExceed', values: { total: euros(shares), awarded: euros(awarded) } }
      : null;
  return errors;
}

/** The body of `PUT …/award` from checked values: every member and subcontractor row, in order. */
export function awardBody(values: AwardValues): AwardIn {
  const consortium = values.consortium_type !== 'none';
  return {
    consortium_type: values.consortium_type,
    awarded_amount: decimal(values.awarded_amount) ?? '',
    notification_date: values.notification_date,
    freeze_hours: values.freeze_hours,
    members: awardMembers(values).map((member, index) => ({
      enterprise_id: member.enterprise?.id ?? '',
      is_mandatary: consortium && String(index) === values.mandatary,
      // A single awardee holds the whole amount: a share is a consortium's only.
      amount: consortium && member.amount.trim() ? (decimal(member.amount) ?? null) : null,
    })),
    subcontractors: values.subcontractors.map((sub) => ({
      enterprise_id: sub.enterprise?.id ?? '',
      amount: decimal(sub.amount) ?? '',
    })),
  };
}
